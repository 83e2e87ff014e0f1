namespace BareMetal.Ironic.Models;

/// <summary>
/// The body of <c>PUT /v1/nodes/{id}/states/console</c>: <c>{"enabled": true|false}</c> (Nova bug 2099872 sent
/// something else).
/// </summary>
/// <param name="Enabled">Enable or disable.</param>
internal sealed record ConsoleRequest(bool Enabled);
