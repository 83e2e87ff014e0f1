using System.Globalization;
using System.Text.Json;
using BareMetal.Driver.Requests;
using BareMetal.Ironic.Models;

namespace BareMetal.Driver.Spawning;

/// <summary>
/// The instance_info a deploy needs, as Nova master's patcher writes it: the image (left out when booting from a
/// volume) and what Ironic reads of it, the flavor's sizes, capabilities and traits, and the owner data.
/// </summary>
internal static class DeployPatch
{
    public static IEnumerable<JsonPatchOperation> For(DeployFields fields, Node node, string computeHost)
    {
        static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
        static JsonPatchOperation Add(string key, string value) => JsonPatchOperation.Add("/instance_info/" + key, value);
        string localGb = node.Properties is { } p && p.TryGetValue("local_gb", out JsonElement gb) ? gb.ToString() : "0";
        if (fields.ImageSource is { } image)
        {
            yield return Add("image_source", image);
            foreach (JsonPatchOperation op in ImageOperations(fields.Image ?? new ImageDetails())) { yield return op; }
        }
        yield return Add("root_gb", Text(fields.Flavor.RootGb));
        yield return Add("swap_mb", Text(fields.Flavor.SwapMb));
        yield return Add("display_name", fields.DisplayName);
        yield return Add("vcpus", Text(fields.Flavor.Vcpus));
        yield return Add("memory_mb", Text(fields.Flavor.MemoryMb));
        yield return Add("local_gb", localGb);
        yield return Add("nova_host_id", computeHost);
        if (fields.Owner is { } owner)
        {
            foreach (JsonPatchOperation op in OwnerOperations(owner, fields)) { yield return op; }
        }
        if (fields.Flavor.EphemeralGb > 0) { yield return Add("ephemeral_gb", Text(fields.Flavor.EphemeralGb)); }
        if (fields.PreserveEphemeral is { } preserve) { yield return Add("preserve_ephemeral", preserve ? "True" : "False"); }
        if (fields.Capabilities is { } capabilities && CapabilitiesOf(capabilities) is { Count: > 0 } written)
        {
            // Nova writes the capabilities as a JSON string, and the traits as a JSON list.
            yield return Add("capabilities", JsonSerializer.Serialize(written, DriverJsonContext.Default.DictionaryStringString));
        }
        if (fields.Traits is { Count: > 0 } traits)
        {
            yield return JsonPatchOperation.Add("/instance_info/traits",
                JsonSerializer.SerializeToElement(traits, DriverJsonContext.Default.IReadOnlyListString));
        }
    }

    private static IEnumerable<JsonPatchOperation> ImageOperations(ImageDetails image)
    {
        static JsonPatchOperation Add(string key, string value) => JsonPatchOperation.Add("/instance_info/" + key, value);
        if (image.Checksum is { } checksum) { yield return Add("image_checksum", checksum); }
        if (image.OsHashAlgo is { } algo && image.OsHashValue is { } hash)
        {
            yield return Add("image_os_hash_algo", algo);
            yield return Add("image_os_hash_value", hash);
        }
        if (image.Type == ImageType.Partition)
        {
            yield return Add("image_type", "partition");
            yield return Add("kernel", image.Kernel!);
            yield return Add("ramdisk", image.Ramdisk!);
        }
    }

    private static IEnumerable<JsonPatchOperation> OwnerOperations(InstanceOwner owner, DeployFields fields)
    {
        static JsonPatchOperation Add(string key, string value) => JsonPatchOperation.Add("/instance_info/" + key, value);
        yield return Add("project_id", owner.ProjectId);
        if (owner.ProjectName is { } projectName) { yield return Add("project_name", projectName); }
        yield return Add("user_id", owner.UserId);
        if (owner.UserName is { } userName) { yield return Add("user_name", userName); }
        if (fields.Flavor.Name is { } flavorName) { yield return Add("flavor_name", flavorName); }
        IEnumerable<string> fixedIps = fields.Vifs.SelectMany(v => v.Subnets).Select(s => s.IpAddress).OfType<string>();
        // Nova writes both lists as Python reprs, not JSON: ['10.0.0.5', '10.0.0.6'].
        yield return Add("fixed_ips", PythonList(fixedIps));
        yield return Add("floating_ips", PythonList(owner.FloatingIps));
    }

    private static string PythonList(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(i => $"'{i}'")) + "]";

    private static Dictionary<string, string> CapabilitiesOf(InstanceCapabilities capabilities)
    {
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        if (capabilities.BootMode is { } mode) { written["boot_mode"] = mode == BootMode.Uefi ? "uefi" : "bios"; }
        if (capabilities.SecureBoot is { } secure) { written["secure_boot"] = secure ? "true" : "false"; }
        if (capabilities.DiskLabel is { } label) { written["disk_label"] = label == DiskLabel.Gpt ? "gpt" : "msdos"; }
        foreach ((string key, string value) in capabilities.Other) { written[key] = value; }
        return written;
    }
}
