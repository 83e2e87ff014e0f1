using BareMetal.Driver.Errors;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using BareMetal.Driver.ConfigDrive;
using BareMetal.Ironic.Logging;
using BareMetal.Ironic.Versioning;
using static BareMetal.Driver.Tests.ConfigDrive.CloudInitReadsOurDrivesTests;

namespace BareMetal.Driver.Tests.ConfigDrive;

/// <summary>What the builder refuses (before writing anything), which form it picks for Ironic, and what it never shows.</summary>
public sealed class ConfigDriveBuilderTests
{
    private static readonly ApiVersionRange Modern = new(new ApiVersion(1, 1), new ApiVersion(1, 82), new ApiVersion(1, 82));
    private static readonly ApiVersionRange Nova46 = new(new ApiVersion(1, 1), new ApiVersion(1, 82), new ApiVersion(1, 46));
    private static readonly ApiVersionRange Json56 = new(new ApiVersion(1, 1), new ApiVersion(1, 56), new ApiVersion(1, 56));

    private static async Task<Exception> RefusedAsync(ConfigDriveContent content, ConfigDriveOptions? options = null)
    {
        using var output = new MemoryStream();
        Exception error = await Assert.ThrowsAnyAsync<ConfigDriveException>(() => Builder(options).WriteAsync(content, ConfigDriveEncoding.GzipBase64, output));
        Assert.Equal(0, output.Length);   // validated first: nothing written
        return error;
    }

    [Fact]
    public async Task User_data_one_byte_over_Novas_limit_is_refused()
    {
        var error = (UserDataTooLargeException)await RefusedAsync(Minimal with { UserData = new Secret<ReadOnlyMemory<byte>>(new byte[49150]) });
        Assert.Equal(49150, error.Bytes);
    }

    [Fact]
    public async Task More_files_or_bytes_than_the_limits_are_refused()
    {
        InjectedFile[] three = [new("/a", new byte[10]), new("/b", new byte[10]), new("/c", new byte[10])];
        Assert.IsType<ConfigDriveTooLargeException>(await RefusedAsync(Minimal with { Files = three }, new ConfigDriveOptions { MaxInjectedFiles = 2 }));
        Assert.IsType<ConfigDriveTooLargeException>(await RefusedAsync(Minimal with { Files = [new("/big", new byte[4096])] }, new ConfigDriveOptions { MaxImageBytes = 4000 }));
    }

    [Theory]
    [InlineData("etc/relative", "not absolute")]
    [InlineData("/etc/../shadow", "'..'")]
    [InlineData("/etc/./x", "'.'")]
    [InlineData("/etc//x", "empty")]
    [InlineData("/etc/x\0y", "NUL")]
    [InlineData("/etc/x\u001by", "control character")]
    [InlineData("/etc/dir/", "directory")]
    [InlineData("/etc\\x", "backslash")]
    [InlineData("", "empty")]
    public async Task A_hostile_injected_path_is_refused_by_name(string path, string reason)
    {
        var error = (InvalidInjectedFileException)await RefusedAsync(Minimal with { Files = [new InjectedFile(path, new byte[1])] });
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\0', error.InjectedPath);
    }

    [Fact]
    public async Task A_path_too_long_or_given_twice_is_refused()
    {
        await RefusedAsync(Minimal with { Files = [new InjectedFile("/" + new string('p', 255), new byte[1])] });
        await RefusedAsync(Minimal with { Files = [new InjectedFile("/a", new byte[1]), new InjectedFile("/a", new byte[2])] });
    }

    [Fact]
    public void Auto_sends_json_to_a_modern_server_when_json_can_carry_everything()
    {
        var drive = Builder().Build(Minimal with { UserData = new Secret<ReadOnlyMemory<byte>>("#!/bin/sh\n"u8.ToArray()) }, Modern);
        Assert.False(drive.IsImage);
        using JsonDocument body = JsonDocument.Parse(JsonSerializer.Serialize(new { configdrive = drive }, ConfigDriveTestJson.Options));
        JsonElement sent = body.RootElement.GetProperty("configdrive");
        Assert.Equal(Instance.ToString(), sent.GetProperty("meta_data").GetProperty("uuid").GetString());
        Assert.False(sent.GetProperty("meta_data").TryGetProperty("random_seed", out _));
        Assert.Equal("#!/bin/sh\n", sent.GetProperty("user_data").GetString());
    }

    [Fact]
    public void Auto_falls_back_to_the_iso_for_old_servers_injected_files_binary_user_data_or_vendor_data_below_1_59()
    {
        Assert.True(Builder().Build(Minimal, Nova46).IsImage);
        Assert.True(Builder().Build(Minimal with { Files = [new InjectedFile("/etc/x", new byte[1])] }, Modern).IsImage);
        Assert.True(Builder().Build(Minimal with { UserData = new Secret<ReadOnlyMemory<byte>>(new byte[] { 0xff, 0xfe, 0x00 }) }, Modern).IsImage);
        Assert.True(Builder().Build(Minimal with { VendorData = JsonSerializer.SerializeToElement(new { a = 1 }) }, Json56).IsImage);
    }

    [Fact]
    public void Json_forced_on_a_server_that_cannot_take_it_or_content_it_cannot_carry_is_refused()
    {
        var json = new ConfigDriveOptions { Format = ConfigDriveFormat.Json };
        Assert.Contains("1.56", Assert.Throws<ConfigDriveException>(() => Builder(json).Build(Minimal, Nova46)).Message, StringComparison.Ordinal);
        Assert.Throws<ConfigDriveException>(() => Builder(json).Build(Minimal with { Files = [new InjectedFile("/etc/x", new byte[1])] }, Modern));
    }

    [Fact]
    public void The_iso_form_is_gzip_of_the_image_in_base64_on_one_line()
    {
        var drive = Builder(new ConfigDriveOptions { Format = ConfigDriveFormat.Iso }).Build(Minimal, Modern);
        using JsonDocument sent = JsonDocument.Parse(JsonSerializer.Serialize(drive, ConfigDriveTestJson.Options));
        string text = sent.RootElement.GetString()!;
        Assert.DoesNotContain('\n', text);
        using var gzip = new GZipStream(new MemoryStream(Convert.FromBase64String(text)), CompressionMode.Decompress);
        using var iso = new MemoryStream();
        gzip.CopyTo(iso);
        Assert.Equal("CD001", Encoding.ASCII.GetString(iso.GetBuffer(), 16 * 2048 + 1, 5));
    }

    [Fact]
    public async Task The_same_content_seeds_and_time_give_the_same_drive()
    {
        using var first = new MemoryStream();
        using var second = new MemoryStream();
        await Builder().WriteAsync(Full(), ConfigDriveEncoding.Iso, first);
        await Builder().WriteAsync(Full(), ConfigDriveEncoding.Iso, second);
        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void Every_version_directory_is_complete_and_json_has_no_bom()
    {
        var files = Builder().Plan(Full());
        foreach (string version in new[] { "2015-10-15", "2016-10-06", "2018-08-27", "2020-10-14", "latest" })
        {
            Assert.Contains(files, f => f.Path == $"openstack/{version}/network_data.json");
            Assert.Contains(files, f => f.Path == $"openstack/{version}/user_data");
        }
        Assert.Contains(files, f => f.Path == "ec2/latest/meta-data.json");
        Assert.Contains(files, f => f.Path == "openstack/content/0000");
        Assert.All(files.Where(f => f.Path.EndsWith(".json", StringComparison.Ordinal)), f => Assert.NotEqual(0xEF, f.Content.Span[0]));
        using JsonDocument v2018 = JsonDocument.Parse(files.Single(f => f.Path == "openstack/2018-08-27/meta_data.json").Content);
        Assert.False(v2018.RootElement.TryGetProperty("dedicated_cpus", out _));
        using JsonDocument v2012 = JsonDocument.Parse(files.Single(f => f.Path == "openstack/2012-08-10/meta_data.json").Content);
        Assert.False(v2012.RootElement.TryGetProperty("random_seed", out _));
    }

    [Fact]
    public void Neither_the_content_nor_the_drive_prints_the_password_or_user_data()
    {
        ConfigDriveContent content = Full();
        string printed = content.ToString() + content.Metadata + Builder().Build(content, Modern);
        Assert.DoesNotContain("Sample-Admin-Pass-1", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("hostname: bm-web-01", printed, StringComparison.Ordinal);
        Assert.Equal("***", SensitiveData.RedactBody(Encoding.UTF8.GetBytes("""{"configdrive":"H4sIAAAA"}""")).Split('"')[3]);
    }
}

internal static class ConfigDriveTestJson
{
    public static readonly JsonSerializerOptions Options = new() { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };
}
