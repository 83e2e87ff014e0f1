using BareMetal.Cli.Commands;
using YamlDotNet.RepresentationModel;

namespace BareMetal.Cli.Config;

/// <summary>
/// Reads a cloud from clouds.yaml and secure.yaml where openstacksdk looks for them: <c>OS_CLIENT_CONFIG_FILE</c> and
/// <c>OS_CLIENT_SECURE_FILE</c>, then the current folder, <c>~/.config/openstack/</c> and <c>/etc/openstack/</c>; the
/// first file found is used, and secure.yaml's values win over clouds.yaml's.
/// </summary>
internal static class CloudsYaml
{
    /// <summary>The named cloud; a usage error when no clouds.yaml has it.</summary>
    public static CloudConfig Load(string name)
    {
        string clouds = Find("OS_CLIENT_CONFIG_FILE", "clouds.yaml")
            ?? throw new UsageException($"--os-cloud {name}: no clouds.yaml in ., ~/.config/openstack or /etc/openstack");
        YamlMappingNode cloud = CloudIn(clouds, name)
            ?? throw new UsageException($"--os-cloud {name}: {clouds} has no cloud of that name");
        YamlMappingNode? secure = Find("OS_CLIENT_SECURE_FILE", "secure.yaml") is { } secureFile ? CloudIn(secureFile, name) : null;
        string? Value(string key, bool inAuth = true) =>
            Scalar(secure, key, inAuth) ?? Scalar(cloud, key, inAuth);
        return new CloudConfig
        {
            AuthType = Value("auth_type", inAuth: false),
            AuthUrl = Url(Value("auth_url"), "auth_url"),
            Username = Value("username"),
            Password = Value("password"),
            ProjectName = Value("project_name"),
            UserDomainName = Value("user_domain_name"),
            ProjectDomainName = Value("project_domain_name"),
            ApplicationCredentialId = Value("application_credential_id"),
            ApplicationCredentialSecret = Value("application_credential_secret"),
            RegionName = Value("region_name", inAuth: false),
            BaremetalEndpoint = Url(Value("baremetal_endpoint_override", inAuth: false), "baremetal_endpoint_override"),
        };
    }

    private static string? Find(string variable, string file)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } explicitFile) { return explicitFile; }
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string[] places = [Path.Combine(Environment.CurrentDirectory, file), Path.Combine(home, ".config", "openstack", file),
            Path.Combine("/etc/openstack", file)];
        return places.FirstOrDefault(File.Exists);
    }

    private static YamlMappingNode? CloudIn(string path, string name)
    {
        var yaml = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            yaml.Load(reader);
        }
        catch (IOException e)
        {
            throw Unreadable(path, e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw Unreadable(path, e);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw Unreadable(path, e);
        }
        return yaml.Documents.FirstOrDefault()?.RootNode is YamlMappingNode root
            && root.Children.TryGetValue(new YamlScalarNode("clouds"), out YamlNode? clouds) && clouds is YamlMappingNode all
            && all.Children.TryGetValue(new YamlScalarNode(name), out YamlNode? cloud)
            ? cloud as YamlMappingNode
            : null;
    }

    private static UsageException Unreadable(string path, Exception e) => new($"cannot read {path}: {e.Message}");

    private static string? Scalar(YamlMappingNode? cloud, string key, bool inAuth)
    {
        YamlMappingNode? scope = inAuth
            ? cloud is not null && cloud.Children.TryGetValue(new YamlScalarNode("auth"), out YamlNode? auth)
                ? auth as YamlMappingNode
                : null
            : cloud;
        return scope is not null && scope.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) && value is YamlScalarNode s
            ? s.Value
            : null;
    }

    private static Uri? Url(string? text, string key) =>
        text is null ? null
        : Uri.TryCreate(text, UriKind.Absolute, out Uri? url) && url.Scheme is "http" or "https" ? url
        : throw new UsageException($"clouds.yaml: {key} must be an http(s) URL");
}
