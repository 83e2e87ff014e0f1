namespace BareMetal.Ironic.Models;

/// <summary>One page of <c>GET /v1/deploy_templates?detail=True</c>.</summary>
/// <param name="DeployTemplates">The templates.</param>
/// <param name="Next">Link to the next page, present whenever the page is full.</param>
internal sealed record DeployTemplateListPage(IReadOnlyList<DeployTemplate> DeployTemplates, string? Next) : IWireShape
{
    string? IWireShape.Defect => WireShape.OfList(DeployTemplates, "deploy_templates");
}
