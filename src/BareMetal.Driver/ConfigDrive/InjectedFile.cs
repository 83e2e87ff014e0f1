namespace BareMetal.Driver.ConfigDrive;

/// <summary>A file to inject: its absolute path in the guest and its bytes.</summary>
/// <param name="Path">E.g. <c>/etc/motd.d/10-site</c>.</param>
/// <param name="Content">The bytes.</param>
public sealed record InjectedFile(string Path, ReadOnlyMemory<byte> Content);
