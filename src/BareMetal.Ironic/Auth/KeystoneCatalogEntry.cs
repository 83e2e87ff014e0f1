namespace BareMetal.Ironic.Auth;

/// <summary>One endpoint of the Keystone catalog.</summary>
internal sealed record KeystoneCatalogEntry(string ServiceType, string Interface, string? Region, string Url);
