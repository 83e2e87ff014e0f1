namespace BareMetal.Contract.Tests.Targets;

/// <summary>A contract test against the real Ironic at <c>IRONIC_URL</c>; skipped, saying why, when it is not set.</summary>
public sealed class RealIronicFactAttribute : FactAttribute
{
    /// <summary>Skips unless IRONIC_URL is set.</summary>
    public RealIronicFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("IRONIC_URL")))
        {
            Skip = "IRONIC_URL is not set: start a real Ironic (../shared/ironic/start.sh, enroll.sh 20) and export IRONIC_URL=http://127.0.0.1:6385 to run this contract test.";
        }
    }
}

/// <summary>A contract test against the real Keystone + Ironic pair; skipped, saying why, unless <c>KEYSTONE_CREDENTIALS</c> is set.</summary>
public sealed class RealKeystoneFactAttribute : FactAttribute
{
    /// <summary>Skips unless KEYSTONE_CREDENTIALS is set.</summary>
    public RealKeystoneFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KEYSTONE_CREDENTIALS")))
        {
            Skip = "KEYSTONE_CREDENTIALS is not set: run KS_WITH_IRONIC=1 ../shared/keystone/start.sh and export KEYSTONE_CREDENTIALS=/tmp/ks-keystone/credentials.";
        }
    }
}
