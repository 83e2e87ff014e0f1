using System.Text.Json;
using System.Text.Json.Serialization;

namespace BareMetal.Ironic.Models;

/// <summary>
/// The config drive sent with <c>active</c> or <c>rebuild</c>: either a gzip+base64 ISO image, or (API 1.56+) the
/// JSON object Ironic turns into an image itself. The whole payload is a secret (admin password, keys, user data):
/// <see cref="ToString"/> prints <c>***</c>. A URL is never accepted: Ironic would download it.
/// </summary>
[JsonConverter(typeof(ConfigDriveJsonConverter))]
public sealed class ConfigDrive
{
    private ConfigDrive(string? image, JsonElement? metaData, JsonElement? networkData, JsonElement? userData, JsonElement? vendorData)
    {
        Image = image;
        MetaData = metaData;
        NetworkData = networkData;
        UserData = userData;
        VendorData = vendorData;
    }

    internal string? Image { get; }
    internal JsonElement? MetaData { get; }
    internal JsonElement? NetworkData { get; }
    internal JsonElement? UserData { get; }
    internal JsonElement? VendorData { get; }

    /// <summary>True for the gzip+base64 image form; false for the JSON form.</summary>
    public bool IsImage => Image is not null;

    /// <summary>True when the JSON form carries vendor data (API 1.59).</summary>
    public bool HasVendorData => VendorData is not null;

    /// <summary>Size of the image string in characters (0 for the JSON form).</summary>
    public int ImageLength => Image?.Length ?? 0;

    /// <summary>A gzip+base64 ISO 9660 image.</summary>
    /// <exception cref="ArgumentException">Empty, or not base64 (a URL would make Ironic fetch it).</exception>
    public static ConfigDrive FromImage(string gzipBase64)
    {
        ArgumentNullException.ThrowIfNull(gzipBase64);
        if (gzipBase64.Length == 0 || !IsBase64(gzipBase64))
        {
            throw new ArgumentException(
                "A config drive image must be non-empty base64 (A-Z a-z 0-9 + / =); URLs are refused.", nameof(gzipBase64));
        }
        return new ConfigDrive(gzipBase64, null, null, null, null);
    }

    /// <summary>The JSON form (API 1.56; vendor data 1.59): Ironic builds the ISO.</summary>
    /// <param name="metaData">The <c>meta_data.json</c> object.</param>
    /// <param name="networkData">The <c>network_data.json</c> object.</param>
    /// <param name="userData">User data: an object, an array or a string.</param>
    /// <param name="vendorData">The <c>vendor_data.json</c> object.</param>
    /// <exception cref="ArgumentException">Meta data, network data or vendor data is not a JSON object.</exception>
    public static ConfigDrive FromContents(JsonElement metaData, JsonElement? networkData = null, JsonElement? userData = null,
        JsonElement? vendorData = null)
    {
        RequireObject(metaData, nameof(metaData));
        if (networkData is { } n) { RequireObject(n, nameof(networkData)); }
        if (vendorData is { } v) { RequireObject(v, nameof(vendorData)); }
        if (userData is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.String) })
        {
            throw new ArgumentException("User data must be a JSON object, array or string.", nameof(userData));
        }
        return new ConfigDrive(null, metaData.Clone(), networkData?.Clone(), userData?.Clone(), vendorData?.Clone());
    }

    /// <summary>Always <c>***</c>: the config drive holds secrets.</summary>
    public override string ToString() => "***";

    internal void WriteTo(Utf8JsonWriter writer)
    {
        if (Image is not null)
        {
            writer.WriteStringValue(Image);
            return;
        }
        writer.WriteStartObject();
        Write(writer, "meta_data", MetaData);
        Write(writer, "network_data", NetworkData);
        Write(writer, "user_data", UserData);
        Write(writer, "vendor_data", VendorData);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, string name, JsonElement? value)
    {
        if (value is { } element)
        {
            writer.WritePropertyName(name);
            element.WriteTo(writer);
        }
    }

    private static void RequireObject(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"{name} must be a JSON object.", name);
        }
    }

    private static bool IsBase64(string text)
    {
        foreach (char c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or '\n' or '\r'))
            {
                return false;
            }
        }
        return true;
    }
}
