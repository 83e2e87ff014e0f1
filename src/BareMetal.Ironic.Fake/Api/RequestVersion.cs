using BareMetal.Ironic.Versioning;

namespace BareMetal.Ironic.Fake.Api;

/// <summary>The microversion a request negotiated, with helpers for Ironic's version gates.</summary>
internal readonly record struct RequestVersion(ApiVersion Value)
{
    public bool AtLeast(int minor) => Value.Minor >= minor;

    public void Require(int minor)
    {
        if (!AtLeast(minor))
        {
            throw IronicFaultException.NotAcceptable();
        }
    }
}
