using System.Text.Json.Nodes;

namespace BareMetal.Ironic.Fake.State;

/// <summary>
/// Ironic's conductor, in memory: starts work on a node, advances it lazily on the fake's clock whenever the node is
/// looked at, and ends it as fake-hardware with the standalone plugin interfaces does (deploy powers on, tear-down
/// powers off and clears instance_uuid, instance_info and VIFs).
/// </summary>
internal sealed class FakeConductor(FakeDatabase db, FakeIronicOptions options, TimeProvider time)
{
    /// <summary>Ironic's transitions that the API accepts, by verb event: the states each may start from.</summary>
    private static readonly Dictionary<string, string[]> AllowedFrom = new()
    {
        ["deploy"] = ["available", "deploy failed"],
        ["rebuild"] = ["active", "deploy failed", "error"],
        ["delete"] = ["active", "wait call-back", "deploy failed", "error", "rescue", "rescue wait", "rescue failed", "unrescue failed"],
        ["rescue"] = ["active", "rescue", "rescue failed", "unrescue failed"],
        ["unrescue"] = ["rescue", "rescue failed", "unrescue failed"],
        ["manage"] = ["enroll", "available", "clean failed", "inspect failed", "adopt failed"],
        ["provide"] = ["manageable"],
        ["inspect"] = ["manageable", "inspect failed"],
        ["clean"] = ["manageable"],
        ["abort"] = ["clean wait", "inspect wait", "rescue wait", "deploy hold"],
        ["adopt"] = ["manageable", "adopt failed"],
    };

    /// <summary>API targets and the state machine event each one is (Ironic's <c>VERBS</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> Verbs = new Dictionary<string, string>
    {
        ["active"] = "deploy",
        ["deploy"] = "deploy",
        ["rebuild"] = "rebuild",
        ["deleted"] = "delete",
        ["undeploy"] = "delete",
        ["manage"] = "manage",
        ["provide"] = "provide",
        ["inspect"] = "inspect",
        ["abort"] = "abort",
        ["clean"] = "clean",
        ["adopt"] = "adopt",
        ["rescue"] = "rescue",
        ["unrescue"] = "unrescue",
    };

    // While overdue steps are applied, "now" is the moment each one ended, so a long jump of the clock replays
    // every step at its own time (cleaning starts when deleting ended, not when someone looked).
    private DateTimeOffset? _replayingAt;

    public DateTimeOffset Now => _replayingAt ?? time.GetUtcNow();

    public static bool IsActionable(FakeNode node, string verbEvent) =>
        AllowedFrom.TryGetValue(verbEvent, out string[]? from) && from.Contains(node.ProvisionState);

    public void Touch(FakeNode node) => node.UpdatedAt = Now;

    public void SetProvisionState(FakeNode node, string state)
    {
        if (node.ProvisionState != state)
        {
            node.ProvisionState = state;
            node.ProvisionUpdatedAt = Now;
        }
    }

    /// <summary>Applies every step whose time has come.</summary>
    public void Advance(FakeNode node)
    {
        while (node.Pending is { } op && !node.Held)
        {
            FakeStep step = op.Current;
            if (step.Duration == Timeout.InfiniteTimeSpan) { return; }
            DateTimeOffset due = op.StepStartedAt + step.Duration;
            if (Now < due) { return; }
            op.StepIndex++;
            op.StepStartedAt = due;
            _replayingAt = due;
            try { EnterCurrentOrFinish(node, op); }
            finally { _replayingAt = null; }
        }
    }

    public void AdvanceAll()
    {
        foreach (FakeNode node in db.Nodes) { Advance(node); }
    }

    /// <summary>Ends the current step now, whatever its duration or hold; false when nothing was running.</summary>
    public bool Step(FakeNode node)
    {
        if (node.Pending is not { } op) { return false; }
        op.StepIndex++;
        op.StepStartedAt = Now;
        EnterCurrentOrFinish(node, op);
        return true;
    }

    /// <summary>Runs the node's work to its end.</summary>
    public void Settle(FakeNode node)
    {
        while (Step(node)) { }
    }

    private void Start(FakeNode node, FakeOperation op)
    {
        op.StepStartedAt = Now;
        node.Pending = op;
        EnterCurrentOrFinish(node, op);
    }

    private void EnterCurrentOrFinish(FakeNode node, FakeOperation op)
    {
        while (op.StepIndex < op.Steps.Count && op.Current.Duration == TimeSpan.Zero) { op.StepIndex++; }
        if (op.StepIndex >= op.Steps.Count)
        {
            node.Pending = null;
            node.Reservation = null;
            if (node.FailNext.Remove(op.Kind, out string? message)) { op.Fail(node, message); }
            else { op.Succeed(node); }
            Touch(node);
            return;
        }
        FakeStep step = op.Current;
        if (step.ProvisionState is not null) { SetProvisionState(node, step.ProvisionState); }
        node.Reservation = step.Locked ? options.ConductorName : null;
        Touch(node);
    }

    // ---- provisioning -------------------------------------------------------------------------------------------

    public void Deploy(FakeNode node, JsonNode? configDrive)
    {
        node.TargetProvisionState = "active";
        node.LastError = null;
        if (configDrive is not null) { node.InstanceInfo["configdrive"] = configDrive.DeepClone(); }
        FakeIronicTimings t = options.Timings;
        Start(node, new FakeOperation(FakeOperationKind.Deploy,
            [new("deploying", t.Deploying, Locked: true), new("wait call-back", t.WaitCallBack, Locked: false)],
            n =>
            {
                End(n, "active");
                PowerChanged(n, "power on");
                n.DriverInternalInfo["deploy_steps"] = null;
            },
            (n, error) => { End(n, "deploy failed"); n.LastError = error; }));
    }

    public void Undeploy(FakeNode node)
    {
        node.TargetProvisionState = "available";
        node.LastError = null;
        FakeIronicTimings t = options.Timings;
        Start(node, new FakeOperation(FakeOperationKind.Undeploy,
            [new("deleting", t.Deleting, Locked: true)],
            n =>
            {
                PowerChanged(n, "power off");
                n.InstanceUuid = null;
                n.InstanceInfo = [];
                DetachAllVifs(n);
                if (AutomatedCleanFor(n)) { Clean(n, "available"); }
                else { End(n, "available"); }
            },
            (n, error) => { End(n, "error"); n.LastError = error; }));
    }

    /// <summary>Cleaning that ends in <paramref name="endState"/>; a failure leaves the node in clean failed and in maintenance.</summary>
    public void Clean(FakeNode node, string endState)
    {
        node.TargetProvisionState = endState;
        Start(node, new FakeOperation(FakeOperationKind.Clean,
            [new("cleaning", options.Timings.Cleaning, Locked: true)],
            n =>
            {
                End(n, endState);
                n.DriverInternalInfo["clean_steps"] = null;
            },
            (n, error) =>
            {
                End(n, "clean failed");
                n.LastError = error;
                n.Maintenance = true;
                n.MaintenanceReason = error;
                n.Fault = "clean failure";
            }));
    }

    public void Rescue(FakeNode node, string password)
    {
        node.TargetProvisionState = "rescue";
        node.LastError = null;
        node.InstanceInfo["rescue_password"] = password;
        Start(node, new FakeOperation(FakeOperationKind.Rescue,
            [new("rescuing", options.Timings.Rescuing, Locked: true)],
            n => End(n, "rescue"),
            (n, error) => { End(n, "rescue failed"); n.LastError = error; }));
    }

    public void Unrescue(FakeNode node)
    {
        node.TargetProvisionState = "active";
        node.LastError = null;
        Start(node, new FakeOperation(FakeOperationKind.Unrescue,
            [new("unrescuing", options.Timings.Rescuing, Locked: true)],
            n => End(n, "active"),
            (n, error) => { End(n, "unrescue failed"); n.LastError = error; }));
    }

    public void Manage(FakeNode node)
    {
        if (node.ProvisionState != "enroll")
        {
            End(node, "manageable");
            return;
        }
        node.TargetProvisionState = "manageable";
        Start(node, new FakeOperation(FakeOperationKind.Verify,
            [new("verifying", options.Timings.Verifying, Locked: true)],
            n => End(n, "manageable"),
            (n, error) => { End(n, "enroll"); n.LastError = error; }));
    }

    public void Provide(FakeNode node)
    {
        if (AutomatedCleanFor(node)) { Clean(node, "available"); }
        else { End(node, "available"); }
    }

    public void Inspect(FakeNode node)
    {
        node.TargetProvisionState = "manageable";
        Start(node, new FakeOperation(FakeOperationKind.Inspect,
            [new("inspecting", options.Timings.Verifying, Locked: true)],
            n => End(n, "manageable"),
            (n, error) => { End(n, "inspect failed"); n.LastError = error; }));
    }

    public void Abort(FakeNode node)
    {
        string failed = node.ProvisionState switch
        {
            "clean wait" => "clean failed",
            "inspect wait" => "inspect failed",
            "deploy hold" => "deploy failed",
            _ => "rescue failed",
        };
        node.Pending = null;
        node.Reservation = null;
        End(node, failed);
    }

    public void Adopt(FakeNode node)
    {
        node.TargetProvisionState = "active";
        Start(node, new FakeOperation(FakeOperationKind.Deploy,
            [new("adopting", options.Timings.Verifying, Locked: true)],
            n => End(n, "active"),
            (n, error) => { End(n, "adopt failed"); n.LastError = error; }));
    }

    // ---- power and console --------------------------------------------------------------------------------------

    /// <summary>A power action; during it target_power_state is the state it ends in, as Ironic's node_power_action.</summary>
    public void SetPower(FakeNode node, string target)
    {
        string end = target is "power off" or "soft power off" ? "power off" : "power on";
        node.TargetPowerState = end;
        node.LastError = null;
        Start(node, new FakeOperation(FakeOperationKind.Power,
            [new(null, options.Timings.Power, Locked: true)],
            n => { n.TargetPowerState = null; PowerChanged(n, end); },
            (n, error) => { n.TargetPowerState = null; n.LastError = error; }));
    }

    public void SetConsole(FakeNode node, bool enabled)
    {
        // Ironic takes the lock, sees nothing to do and releases it at once.
        if (node.ConsoleEnabled == enabled) { return; }
        Start(node, new FakeOperation(FakeOperationKind.Console,
            [new(null, options.Timings.Console, Locked: true)],
            n =>
            {
                n.ConsoleEnabled = enabled;
                if (n.Interface("console") != "fake-graphical") { return; }
                if (enabled)
                {
                    n.DriverInternalInfo["vnc_host"] = "127.0.0.1";
                    n.DriverInternalInfo["vnc_port"] = 5900 + (n.Id % 1000);
                }
                else
                {
                    n.DriverInternalInfo.Remove("vnc_host");
                    n.DriverInternalInfo.Remove("vnc_port");
                }
            },
            (n, error) => n.LastError = error));
    }

    private void End(FakeNode node, string state)
    {
        SetProvisionState(node, state);
        node.TargetProvisionState = null;
        Touch(node);
    }

    private void PowerChanged(FakeNode node, string state)
    {
        node.PowerState = state;
        node.DriverInternalInfo["last_power_state_change"] =
            Now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture);
    }

    private bool AutomatedCleanFor(FakeNode node) => node.AutomatedClean ?? options.AutomatedClean;

    private void DetachAllVifs(FakeNode node)
    {
        foreach (JsonObject slot in db.VifSlotsOf(node.Uuid)) { slot.Remove(FakeVifs.InfoKey); }
    }
}
