namespace BareMetal.Ironic.Models;

/// <summary>The body <c>{}</c>, for calls whose body carries nothing (inject NMI).</summary>
internal sealed record EmptyBody
{
    public static readonly EmptyBody Instance = new();
}
