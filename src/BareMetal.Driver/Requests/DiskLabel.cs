namespace BareMetal.Driver.Requests;

/// <summary>The partition table a partition image is written with.</summary>
public enum DiskLabel
{
    /// <summary><c>gpt</c>.</summary>
    Gpt,
    /// <summary><c>msdos</c>.</summary>
    Msdos,
}
