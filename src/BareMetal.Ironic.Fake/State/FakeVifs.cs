namespace BareMetal.Ironic.Fake.State;

/// <summary>Where Ironic's VIF bookkeeping lives on a port or portgroup.</summary>
internal static class FakeVifs
{
    public const string InfoKey = "tenant_vif_port_id";
}
