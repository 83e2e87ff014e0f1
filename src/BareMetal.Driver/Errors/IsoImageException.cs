using BareMetal.Ironic.Errors;

namespace BareMetal.Driver.Errors;

/// <summary>
/// A file tree an ISO 9660 image cannot hold as given (a bad or too long name, a clash, a directory too deep, a file
/// too big).
/// </summary>
public sealed class IsoImageException(string message, string? path = null) : BareMetalException(message, nodeId: null)
{
    /// <summary>The offending path, when there is one.</summary>
    public string? Path { get; } = path;
}
