using System.CommandLine;
using System.Text.Json;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Cli.Commands;

/// <summary>The arguments commands share, parsed into the library's types; anything malformed is a usage error (exit 2).</summary>
internal static class Args
{
    public static Option<string> Instance() => new("--instance") { Description = "The instance's UUID", Required = true };

    public static Option<string?> Node(string description = "The node's UUID") => new("--node") { Description = description };

    public static Option<int?> TimeoutSeconds() => new("--timeout") { Description = "How long to wait, in seconds (1-86400)" };

    public static InstanceId InstanceOf(ParseResult parse, Option<string> option) =>
        InstanceId.TryParse(parse.GetValue(option), out InstanceId? id) ? id : throw new UsageException($"{option.Name} must be a UUID");

    public static NodeId? NodeOf(string? text, string what) =>
        text is null ? null : NodeId.TryParse(text, out NodeId? id) ? id : throw new UsageException($"{what} must be a node UUID");

    public static VifId VifOf(string text) =>
        VifId.TryParse(text, out VifId? id) ? id : throw new UsageException($"--vif '{text}' is not a UUID");

    public static TimeSpan? Seconds(int? seconds) =>
        seconds switch
        {
            null => null,
            > 0 and <= 86400 => TimeSpan.FromSeconds(seconds.Value),
            _ => throw new UsageException("--timeout must be a whole number of seconds from 1 to 86400"),
        };

    public static async Task<byte[]> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        try { return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false); }
        catch (IOException e)
        {
            throw new UsageException($"cannot read {path}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UsageException($"cannot read {path}: {e.Message}");
        }
    }

    public static async Task<JsonElement> ReadJsonAsync(string path, CancellationToken cancellationToken)
    {
        byte[] bytes = await ReadFileAsync(path, cancellationToken).ConfigureAwait(false);
        try
        {
            using JsonDocument document = JsonDocument.Parse(bytes);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new UsageException($"{path} is not JSON: {e.Message}");
        }
    }
}
