using BareMetal.Driver.ConfigDrive;
using BareMetal.Driver.Requests;

namespace BareMetal.Driver.Spawning;

/// <summary>What a spawn or a rebuild writes to instance_info: the same fields, so a rebuild re-sends all of them.</summary>
internal sealed record DeployFields(string? ImageSource, ImageDetails? Image, string DisplayName, Flavor Flavor,
    IReadOnlyList<string> FlavorTraits, InstanceCapabilities? Capabilities, InstanceOwner? Owner, IReadOnlyList<InstanceVif> Vifs,
    bool? PreserveEphemeral)
{
    public static DeployFields Of(SpawnRequest r) =>
        new(r.ImageSource, r.Image, r.DisplayName, r.Flavor, r.RequiredTraits, r.Capabilities, r.Owner, r.Vifs, PreserveEphemeral: null);

    public static DeployFields Of(RebuildRequest r) =>
        new(r.ImageSource, r.Image, r.DisplayName, r.Flavor, r.RequiredTraits, r.Capabilities, r.Owner, r.Vifs, r.PreserveEphemeral);

    /// <summary>The flavor's traits, then the image's, each once: what Ironic checks the node against and picks templates by.</summary>
    public IReadOnlyList<string> Traits => [.. FlavorTraits.Concat(Image?.RequiredTraits ?? []).Distinct(StringComparer.Ordinal)];
}
