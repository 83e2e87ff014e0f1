namespace BareMetal.Ironic.Fake;

/// <summary>http_basic credentials the fake accepts.</summary>
/// <param name="Username">The user name.</param>
/// <param name="Password">The password.</param>
public sealed record FakeBasicAuth(string Username, string Password)
{
    /// <summary>Hides the password.</summary>
    public override string ToString() => $"{Username}:***";
}
