namespace BareMetal.Contract.Tests.Targets;

/// <summary>A contract test against the real Keystone + Ironic pair; skipped, saying why, unless <c>KEYSTONE_CREDENTIALS</c> is set.</summary>
public sealed class RealKeystoneFactAttribute : FactAttribute
{
    /// <summary>Skips unless KEYSTONE_CREDENTIALS is set.</summary>
    public RealKeystoneFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KEYSTONE_CREDENTIALS")))
        {
            Skip = "KEYSTONE_CREDENTIALS is not set: run KS_WITH_IRONIC=1 eng/keystone/start.sh and export KEYSTONE_CREDENTIALS=/tmp/ks-keystone/credentials.";
        }
    }
}
