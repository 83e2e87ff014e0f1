using System.Buffers;
using System.Globalization;
using System.Text.Json;
using BareMetal.Driver.ConfigDrive.Iso;

namespace BareMetal.Driver.ConfigDrive;

/// <summary>
/// The file tree Nova writes for a config drive: every dated <c>openstack/</c> version plus <c>latest</c>, each
/// complete for its version (cloud-init reads the newest dated one it knows, not <c>latest</c>), the <c>ec2/</c>
/// metadata, and injected files under <c>openstack/content/</c>. JSON is UTF-8 without a BOM.
/// </summary>
internal static class NovaLayout
{
    public const int RandomSeedBytes = 512;

    /// <summary>The OpenStack metadata versions Nova 26 writes, oldest first, then <c>latest</c>.</summary>
    public static readonly IReadOnlyList<string> OpenStackVersions =
    [
        "2012-08-10", "2013-04-04", "2013-10-17", "2015-10-15", "2016-06-30", "2016-10-06", "2017-02-22", "2018-08-27",
        "2020-10-14", "latest",
    ];

    private static readonly IReadOnlyList<string> Ec2Versions = ["2009-04-04", "latest"];

    public static List<IsoFile> Files(ConfigDriveContent content, Action<Span<byte>> fillRandom)
    {
        var files = new List<IsoFile>();
        ReadOnlyMemory<byte>? userData = content.UserData?.Reveal();
        byte[] vendorData = content.VendorData is { } vd ? Json(w => vd.WriteTo(w)) : "{}"u8.ToArray();
        byte[] vendorData2 = content.VendorData2 is { } vd2 ? Json(w => vd2.WriteTo(w))
            : Json(w => { w.WriteStartObject(); w.WritePropertyName("static"); w.WriteRawValue(vendorData); w.WriteEndObject(); });
        byte[]? networkData = content.NetworkData is { } nd ? Json(w => nd.WriteTo(w)) : null;

        foreach (string version in Ec2Versions)
        {
            files.Add(new IsoFile($"ec2/{version}/meta-data.json", Ec2MetaData(content.Metadata)));
            if (userData is { } ud) { files.Add(new IsoFile($"ec2/{version}/user-data", ud)); }
        }
        foreach (string version in OpenStackVersions)
        {
            string dir = $"openstack/{version}";
            files.Add(new IsoFile($"{dir}/meta_data.json", MetaData(content, version, fillRandom)));
            if (userData is { } ud) { files.Add(new IsoFile($"{dir}/user_data", ud)); }
            if (AtLeast(version, "2013-10-17")) { files.Add(new IsoFile($"{dir}/vendor_data.json", vendorData)); }
            if (networkData is not null && AtLeast(version, "2015-10-15"))
            {
                files.Add(new IsoFile($"{dir}/network_data.json", networkData));
            }
            if (AtLeast(version, "2016-10-06")) { files.Add(new IsoFile($"{dir}/vendor_data2.json", vendorData2)); }
        }
        for (int i = 0; i < content.Files.Count; i++)
        {
            files.Add(new IsoFile($"openstack/content/{ContentName(i)}", content.Files[i].Content));
        }
        return files;
    }

    private static bool AtLeast(string version, string since) => version == "latest" || string.CompareOrdinal(version, since) >= 0;

    private static string ContentName(int index) => index.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>
    /// meta_data.json of one version, keys in Nova's order; <paramref name="fillRandom"/> gives each version its own
    /// seed.
    /// </summary>
    public static byte[] MetaData(ConfigDriveContent content, string version, Action<Span<byte>>? fillRandom) => Json(w =>
    {
        InstanceMetadata m = content.Metadata;
        w.WriteStartObject();
        w.WriteString("uuid", m.Uuid.ToString());
        if (m.Meta.Count > 0)
        {
            w.WriteStartObject("meta");
            foreach ((string key, string value) in m.Meta) { w.WriteString(key, value); }
            w.WriteEndObject();
        }
        if (content.Files.Count > 0)
        {
            w.WriteStartArray("files");
            for (int i = 0; i < content.Files.Count; i++)
            {
                w.WriteStartObject();
                w.WriteString("path", content.Files[i].Path);
                w.WriteString("content_path", $"/content/{ContentName(i)}");
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (m.AdminPassword is { } password) { w.WriteString("admin_pass", password.Reveal()); }
        if (m.Keys.Count > 0)
        {
            w.WriteStartObject("public_keys");
            foreach (KeyPair key in m.Keys) { w.WriteString(key.Name, key.PublicKey); }
            w.WriteEndObject();
            w.WriteStartArray("keys");
            foreach (KeyPair key in m.Keys)
            {
                w.WriteStartObject();
                w.WriteString("name", key.Name);
                w.WriteString("type", key.Type);
                w.WriteString("data", key.PublicKey);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteString("hostname", m.Hostname);
        w.WriteString("name", m.Name);
        w.WriteNumber("launch_index", m.LaunchIndex);
        if (m.AvailabilityZone is null) { w.WriteNull("availability_zone"); }
        else { w.WriteString("availability_zone", m.AvailabilityZone); }
        if (fillRandom is not null && AtLeast(version, "2013-04-04"))
        {
            byte[] seed = ArrayPool<byte>.Shared.Rent(RandomSeedBytes);
            fillRandom(seed.AsSpan(0, RandomSeedBytes));
            w.WriteBase64String("random_seed", seed.AsSpan(0, RandomSeedBytes));
            ArrayPool<byte>.Shared.Return(seed, clearArray: true);
        }
        if (AtLeast(version, "2015-10-15"))
        {
            if (m.ProjectId is null) { w.WriteNull("project_id"); }
            else { w.WriteString("project_id", m.ProjectId); }
        }
        if (AtLeast(version, "2016-06-30"))
        {
            w.WritePropertyName("devices");
            if (m.Devices is { } devices) { devices.WriteTo(w); }
            else
            {
                w.WriteStartArray();
                w.WriteEndArray();
            }
        }
        if (AtLeast(version, "2020-10-14"))
        {
            w.WriteStartArray("dedicated_cpus");
            w.WriteEndArray();
        }
        w.WriteEndObject();
    });

    /// <summary>The EC2-style metadata Nova writes beside the OpenStack tree.</summary>
    private static byte[] Ec2MetaData(InstanceMetadata m) => Json(w =>
    {
        string shortId = m.Uuid.Value.ToString("N")[..8];
        w.WriteStartObject();
        w.WriteString("ami-id", "ami-00000001");
        w.WriteNumber("ami-launch-index", m.LaunchIndex);
        w.WriteString("ami-manifest-path", "FIXME");
        w.WriteString("instance-id", $"i-{shortId}");
        w.WriteString("hostname", m.Hostname);
        w.WriteString("local-ipv4", "");
        w.WriteString("reservation-id", $"r-{shortId}");
        w.WriteStartArray("security-groups");
        w.WriteEndArray();
        w.WriteStartObject("public-keys");
        for (int i = 0; i < m.Keys.Count; i++)
        {
            w.WriteStartObject(i.ToString(CultureInfo.InvariantCulture));
            w.WriteString("_name", $"{i}={m.Keys[i].Name}");
            w.WriteString("openssh-key", m.Keys[i].PublicKey);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteString("local-hostname", m.Hostname);
        w.WriteString("public-hostname", m.Hostname);
        w.WriteString("public-ipv4", "");
        w.WriteStartObject("placement");
        w.WriteString("availability-zone", m.AvailabilityZone ?? "");
        w.WriteEndObject();
        w.WriteString("instance-action", "none");
        w.WriteEndObject();
    });

    /// <summary>UTF-8 JSON without a BOM (a BOM makes cloud-init reject the drive).</summary>
    public static byte[] Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer)) { write(writer); }
        return buffer.WrittenSpan.ToArray();
    }
}
