namespace BareMetal.Ironic.Models;

/// <summary>The body of <c>POST /v1/deploy_templates</c>.</summary>
/// <param name="Name">A trait name: <c>CUSTOM_…</c> or a standard trait.</param>
/// <param name="Steps">At least one step.</param>
public sealed record NewDeployTemplate(string Name, IReadOnlyList<DeployStep> Steps);
