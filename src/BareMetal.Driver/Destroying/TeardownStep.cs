namespace BareMetal.Driver.Destroying;

/// <summary>What a tear-down does first for a node in a given provision state.</summary>
internal enum TeardownStep
{
    /// <summary>The node holds no deployment: detach the VIFs and release it.</summary>
    Release,

    /// <summary>Ironic is moving the node on its own: wait until it settles, then decide again.</summary>
    WaitOut,

    /// <summary>A held deploy: only <c>abort</c> moves it (to deploy failed), then undeploy.</summary>
    AbortThenUndeploy,

    /// <summary>Request <c>deleted</c>, then wait until the node is free.</summary>
    Undeploy,

    /// <summary>A state this library does not know: request <c>deleted</c> as Nova does, and fail closed if refused.</summary>
    TryUndeploy,
}
