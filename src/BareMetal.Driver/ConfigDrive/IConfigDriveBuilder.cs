using BareMetal.Driver.Errors;
using IronicConfigDrive = BareMetal.Ironic.Models.ConfigDrive;
using BareMetal.Ironic.Versioning;

namespace BareMetal.Driver.ConfigDrive;

/// <summary>Builds config drives: what the driver calls to turn an instance's metadata into Ironic's <c>configdrive</c>.</summary>
public interface IConfigDriveBuilder
{
    /// <summary>The config drive for a deploy to a server with <paramref name="server"/>'s API, in the configured format.</summary>
    /// <exception cref="ConfigDriveException">Invalid or too large content, or JSON asked of a server that cannot take it;
    /// nothing was built.</exception>
    IronicConfigDrive Build(ConfigDriveContent content, ApiVersionRange server);

    /// <summary>Writes the drive as an ISO image or as gzip + base64 text; returns the ISO size in bytes.</summary>
    /// <exception cref="ConfigDriveException">Invalid or too large content; nothing was written.</exception>
    Task<long> WriteAsync(ConfigDriveContent content, ConfigDriveEncoding encoding, Stream output,
        CancellationToken cancellationToken = default);
}
