namespace BareMetal.Driver.Requests;

/// <summary>The kind of image Ironic writes.</summary>
public enum ImageType
{
    /// <summary>A whole-disk image with its own partition table and boot loader (<c>whole-disk</c>).</summary>
    WholeDisk,
    /// <summary>A partition image (<c>partition</c>): Ironic partitions the disk and boots the given kernel and ramdisk.</summary>
    Partition,
}
