namespace BareMetal.Driver.Requests;

/// <summary>
/// What the image says that Ironic reads: its checksum, for a partition image its kernel and ramdisk, and the traits
/// it requires (<c>traits_required</c>), merged with the flavor's.
/// </summary>
public sealed record ImageDetails
{
    /// <summary>Whole disk (the default) or a partition image, which needs <see cref="Kernel"/> and <see cref="Ramdisk"/>.</summary>
    public ImageType Type { get; init; } = ImageType.WholeDisk;
    /// <summary><c>os_hash_algo</c>: <c>md5</c>, <c>sha256</c> or <c>sha512</c>; given with <see cref="OsHashValue"/>.</summary>
    public string? OsHashAlgo { get; init; }
    /// <summary><c>os_hash_value</c>: the image's hash in lower-case hex, of the length its algorithm gives.</summary>
    public string? OsHashValue { get; init; }
    /// <summary>The legacy MD5 <c>checksum</c> (32 hex digits).</summary>
    public string? Checksum { get; init; }
    /// <summary>The kernel of a partition image: a Glance image UUID or an http(s) URL without credentials.</summary>
    public string? Kernel { get; init; }
    /// <summary>The ramdisk of a partition image: a Glance image UUID or an http(s) URL without credentials.</summary>
    public string? Ramdisk { get; init; }
    /// <summary>The image's <c>traits_required</c>.</summary>
    public IReadOnlyList<string> RequiredTraits { get; init; } = [];
}
