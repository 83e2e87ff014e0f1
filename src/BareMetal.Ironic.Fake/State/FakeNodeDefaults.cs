namespace BareMetal.Ironic.Fake.State;

/// <summary>The interfaces every fake-hardware node gets, as the standalone Ironic with its plugin interfaces.</summary>
internal static class FakeNodeDefaults
{
    public static readonly IReadOnlyDictionary<string, string> Interfaces = new Dictionary<string, string>
    {
        ["bios"] = "fake",
        ["boot"] = "fake",
        ["console"] = "fake-socat",
        ["deploy"] = "fake-powered",
        ["inspect"] = "fake",
        ["management"] = "fake",
        ["network"] = "local-vif",
        ["power"] = "fake",
        ["raid"] = "fake",
        ["rescue"] = "fake",
        ["storage"] = "noop",
        ["vendor"] = "fake",
    };
}
