using BareMetal.Driver.Errors;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BareMetal.Driver.ConfigDrive.Iso;
using IronicConfigDrive = BareMetal.Ironic.Models.ConfigDrive;
using BareMetal.Ironic.Versioning;

namespace BareMetal.Driver.ConfigDrive;

/// <summary>
/// Builds config drives in memory in managed code: Nova's file tree, our ISO 9660 writer (Rock Ridge + Joliet, label
/// <c>config-2</c>), gzip and base64 streamed through each other. No temp files, no external tools.
/// </summary>
public sealed class ConfigDriveBuilder : IConfigDriveBuilder
{
    /// <summary>Nova's API limit: 65,535 base64 characters of user data.</summary>
    public const int MaxUserDataBytes = 65535 / 4 * 3;

    private readonly ConfigDriveOptions _options;
    private readonly TimeProvider _time;
    private readonly Action<Span<byte>> _fillRandom;

    /// <summary>Creates a builder; random seeds come from the system's cryptographic generator.</summary>
    public ConfigDriveBuilder(ConfigDriveOptions options, TimeProvider timeProvider)
        : this(options, timeProvider, RandomNumberGenerator.Fill)
    {
    }

    /// <summary>Creates a builder with a given source of random seeds (tests use a fixed one to get the same bytes twice).</summary>
    internal ConfigDriveBuilder(ConfigDriveOptions options, TimeProvider timeProvider, Action<Span<byte>> fillRandom)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options;
        _time = timeProvider;
        _fillRandom = fillRandom;
    }

    /// <inheritdoc />
    public IronicConfigDrive Build(ConfigDriveContent content, ApiVersionRange server)
    {
        ArgumentNullException.ThrowIfNull(server);
        IReadOnlyList<IsoFile> files = Plan(content);
        bool jsonCarriesAll = content.Files.Count == 0 && content.VendorData2 is null && UserDataText(content) is not false;
        bool serverTakesJson = server.Supports(IronicFeature.ConfigDriveJson)
            && (content.VendorData is null || server.Supports(IronicFeature.ConfigDriveVendorData));
        switch (_options.Format)
        {
            case ConfigDriveFormat.Json when !serverTakesJson:
                throw new ConfigDriveException(
                    $"The JSON config drive needs Ironic API 1.56 (1.59 with vendor data); the server negotiated {server.Negotiated}.");
            case ConfigDriveFormat.Json when !jsonCarriesAll:
                throw new ConfigDriveException(
                    "The JSON config drive cannot carry injected files, separate vendor_data2 or binary user data; use the ISO format.");
            case ConfigDriveFormat.Json:
            case ConfigDriveFormat.Auto when serverTakesJson && jsonCarriesAll:
                return ToJson(content);
            default:
                using (var text = new MemoryStream())
                {
                    WriteGzipBase64(files, text);
                    return IronicConfigDrive.FromImage(Encoding.ASCII.GetString(text.GetBuffer(), 0, (int)text.Length));
                }
        }
    }

    /// <inheritdoc />
    public async Task<long> WriteAsync(ConfigDriveContent content, ConfigDriveEncoding encoding, Stream output,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        IReadOnlyList<IsoFile> files = Plan(content);
        using var buffer = new MemoryStream();
        long size = encoding == ConfigDriveEncoding.Iso ? Iso9660Writer.Write(files, Volume(), buffer) : WriteGzipBase64(files, buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
        return size;
    }

    /// <summary>Validates the content and lays out Nova's tree; throws before anything is written.</summary>
    internal IReadOnlyList<IsoFile> Plan(ConfigDriveContent content) => Lay(content, _options, _fillRandom);

    /// <summary>
    /// Everything a build would refuse (sizes, counts, injected paths, the whole image), checked without building: a
    /// spawn runs it before its first call to Ironic.
    /// </summary>
    /// <exception cref="ConfigDriveException">The drive cannot be built; the message says why.</exception>
    internal static void CheckBuildable(ConfigDriveContent content, ConfigDriveOptions options) => Lay(content, options, static _ => { });

    private static List<IsoFile> Lay(ConfigDriveContent content, ConfigDriveOptions options, Action<Span<byte>> fillRandom)
    {
        ArgumentNullException.ThrowIfNull(content);
        ConfigDriveValidator.Validate(content, options);
        List<IsoFile> files = NovaLayout.Files(content, fillRandom);
        long bytes = files.Sum(f => (long)f.Content.Length);
        if (bytes > options.MaxImageBytes)
        {
            throw new ConfigDriveTooLargeException(
                $"The drive would hold {bytes} bytes of files; the limit is {options.MaxImageBytes} bytes.");
        }
        return files;
    }

    private IsoVolume Volume() => new() { CreatedAt = _time.GetUtcNow(), Publisher = _options.Publisher };

    /// <summary>ISO → gzip → base64 in one pass through chained streams; returns the ISO size.</summary>
    private long WriteGzipBase64(IReadOnlyList<IsoFile> files, Stream output)
    {
        using var base64 = new CryptoStream(output, new ToBase64Transform(), CryptoStreamMode.Write, leaveOpen: true);
        using var gzip = new GZipStream(base64, _options.Compression, leaveOpen: true);
        return Iso9660Writer.Write(files, Volume(), gzip);
    }

    /// <summary>null when there is no user data, true when it is UTF-8 text the JSON form can carry, false for binary.</summary>
    private static bool? UserDataText(ConfigDriveContent content)
    {
        if (content.UserData?.Reveal() is not { } data) { return null; }
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(data.Span);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>Ironic's JSON form: the latest meta_data, network_data, user_data as text, vendor_data.</summary>
    private static IronicConfigDrive ToJson(ConfigDriveContent content)
    {
        using JsonDocument meta = JsonDocument.Parse(NovaLayout.MetaData(content, "latest", fillRandom: null));
        JsonElement? userData = null;
        if (content.UserData?.Reveal() is { } data)
        {
            byte[] quoted = JsonSerializer.SerializeToUtf8Bytes(Encoding.UTF8.GetString(data.Span), ConfigDriveJsonContext.Default.String);
            using JsonDocument text = JsonDocument.Parse(quoted);
            userData = text.RootElement.Clone();
        }
        return IronicConfigDrive.FromContents(meta.RootElement.Clone(), content.NetworkData, userData, content.VendorData);
    }
}
