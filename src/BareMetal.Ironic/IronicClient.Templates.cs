using System.Globalization;
using System.Runtime.CompilerServices;
using BareMetal.Ironic.Api;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using BareMetal.Ironic.Versioning;

namespace BareMetal.Ironic;

internal sealed partial class IronicClient
{
    /// <summary>The driver interfaces a deploy step may name.</summary>
    private static readonly HashSet<string> StepInterfaces = ["bios", "deploy", "firmware", "management", "power", "raid"];

    /// <inheritdoc />
    public async IAsyncEnumerable<DeployTemplate> ListDeployTemplatesAsync(
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Require(await GetApiVersionsAsync(cancellationToken).ConfigureAwait(false), IronicFeature.DeployTemplates, null);
        int limit = _options.PageSize;
        var call = new IronicCall("GET", IronicRoutes.DeployTemplates, null);
        await foreach (DeployTemplate template in PageAsync<DeployTemplateListPage, DeployTemplate, DeployTemplateId>(call,
            (marker, v, ct) => _api.ListDeployTemplatesAsync(TemplateListQuery(limit, marker), v, ct),
            limit, static page => (page.DeployTemplates, page.Next), static t => t.Uuid, cancellationToken).ConfigureAwait(false))
        {
            yield return template;
        }
    }

    /// <inheritdoc />
    public Task<DeployTemplate> GetDeployTemplateAsync(string name, CancellationToken cancellationToken = default)
    {
        ValidateTrait(name);
        return SendAsync(new IronicCall("GET", IronicRoutes.DeployTemplate, null), IronicFeature.DeployTemplates,
            (v, ct) => _api.GetDeployTemplateAsync(name, v, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<DeployTemplate> CreateDeployTemplateAsync(NewDeployTemplate newTemplate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(newTemplate);
        ValidateTrait(newTemplate.Name);
        if (newTemplate.Steps is not { Count: > 0 } steps
            || steps.Any(s => s is null || !StepInterfaces.Contains(s.Interface) || string.IsNullOrWhiteSpace(s.Step) || s.Priority < 0))
        {
            throw new ArgumentException($"A deploy template needs at least one step, each on one of {string.Join(", ", StepInterfaces)}, " +
                "with a name and a priority of 0 or more.", nameof(newTemplate));
        }
        return SendAsync(new IronicCall("POST", IronicRoutes.DeployTemplates, null), IronicFeature.DeployTemplates,
            (v, ct) => _api.CreateDeployTemplateAsync(newTemplate, v, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteDeployTemplateAsync(DeployTemplateId templateId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(templateId);
        return SendAsync(new IronicCall("DELETE", IronicRoutes.DeployTemplate, null), IronicFeature.DeployTemplates,
            (v, ct) => _api.DeleteDeployTemplateAsync(templateId.ToString(), v, ct), cancellationToken);
    }

    private static Dictionary<string, string> TemplateListQuery(int limit, UuidIdentifier? marker)
    {
        var query = new Dictionary<string, string>
        {
            ["detail"] = "True", ["limit"] = limit.ToString(CultureInfo.InvariantCulture), ["sort_key"] = "id", ["sort_dir"] = "asc",
        };
        if (marker is not null) { query["marker"] = marker.ToString(); }
        return query;
    }
}
