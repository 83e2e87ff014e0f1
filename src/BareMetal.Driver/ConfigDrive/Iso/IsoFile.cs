namespace BareMetal.Driver.ConfigDrive.Iso;

/// <summary>One file of an ISO image: a <c>/</c>-separated path from the root, and its bytes.</summary>
/// <param name="Path">E.g. <c>openstack/latest/meta_data.json</c>; directories are implied by the paths.</param>
/// <param name="Content">The file's bytes.</param>
internal sealed record IsoFile(string Path, ReadOnlyMemory<byte> Content);
