namespace BareMetal.Ironic.Fake.Api;

/// <summary>What a request resolved to: the route template (for fault rules and the request log) and the node it names.</summary>
internal readonly record struct FakeRoute(string Template, string? NodeIdent);
