namespace BareMetal.Ironic.Fake.State;

/// <summary>
/// One step of conductor work: the provision state shown meanwhile (null leaves it), how long, and whether it holds the
/// node's lock.
/// </summary>
internal readonly record struct FakeStep(string? ProvisionState, TimeSpan Duration, bool Locked);

/// <summary>
/// Conductor work in progress on a node: steps that advance on the fake's clock, then an outcome. The outcome is
/// decided when the last step ends, so a test can still ask for a failure while the node is in a transient state.
/// </summary>
internal sealed class FakeOperation(FakeOperationKind kind, IReadOnlyList<FakeStep> steps, Action<FakeNode> succeed,
    Action<FakeNode, string> fail)
{
    public FakeOperationKind Kind { get; } = kind;
    public IReadOnlyList<FakeStep> Steps { get; } = steps;
    public int StepIndex { get; set; }
    public DateTimeOffset StepStartedAt { get; set; }
    public FakeStep Current => Steps[StepIndex];
    public void Succeed(FakeNode node) => succeed(node);
    public void Fail(FakeNode node, string message) => fail(node, message);
}
