namespace BareMetal.Ironic.Fake;

/// <summary>The kinds of conductor work a fake node goes through; a test can make the next one of a kind fail.</summary>
public enum FakeOperationKind
{
    /// <summary>Deploy (<c>active</c>) or rebuild: fails to <c>deploy failed</c>.</summary>
    Deploy,
    /// <summary>Tear-down (<c>deleted</c>): fails to <c>error</c>.</summary>
    Undeploy,
    /// <summary>Automated or manual cleaning: fails to <c>clean failed</c> with maintenance on, as Ironic does.</summary>
    Clean,
    /// <summary>Rescue: fails to <c>rescue failed</c>.</summary>
    Rescue,
    /// <summary>Unrescue: fails to <c>unrescue failed</c>.</summary>
    Unrescue,
    /// <summary>Verifying (<c>manage</c> from enroll): fails back to <c>enroll</c>.</summary>
    Verify,
    /// <summary>Inspection: fails to <c>inspect failed</c>.</summary>
    Inspect,
    /// <summary>A power action: the power state stays as it was and <c>last_error</c> says why.</summary>
    Power,
    /// <summary>Enabling or disabling the console: the console stays as it was.</summary>
    Console,
}
