using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using BareMetal.Ironic.Fake.State;

namespace BareMetal.Ironic.Fake.Api;

internal sealed partial class FakeApi
{
    private static readonly string[] PowerTargets = ["power on", "power off", "rebooting", "soft rebooting", "soft power off"];

    private FakeResponse SetProvision(FakeRequest request, string ident, RequestVersion version)
    {
        JsonObject body = BodyObject(request, "target");
        string target = body["target"]?.GetValue<string>() ?? throw IronicFaultException.BadRequest("Missing mandatory parameter: target");
        JsonNode? configDrive = body["configdrive"];
        string? rescuePassword = body["rescue_password"]?.GetValue<string>();
        FakeNode node = Node(ident);

        if (target is "rescue" or "unrescue") { version.Require(38); }
        if (target is "active" or "rebuild" && node.Maintenance)
        {
            throw IronicFaultException.BadRequest(
                $"The provisioning operation can't be performed on node {node.Uuid} because it's in maintenance mode.");
        }
        string verbEvent = FakeConductor.Verbs.GetValueOrDefault(target, target);
        if (!FakeConductor.IsActionable(node, verbEvent))
        {
            // Ironic answers 409 rather than 400 while the node is busy, so clients retry until the state moves.
            if (node.Reservation is { } host)
            {
                throw IronicFaultException.NodeLocked(node.Uuid, host);
            }
            throw IronicFaultException.InvalidState(target, node.Uuid.ToString(), node.ProvisionState);
        }
        CheckConfigDrive(target, configDrive, version);
        if (rescuePassword is not null && target != "rescue")
        {
            throw IronicFaultException.BadRequest("\"rescue_password\" is only valid when setting target provision state to rescue");
        }
        CheckConductorFor(node.ConductorGroup);
        switch (target)
        {
            case "active" or "deploy" or "rebuild":
                Lock(node);
                if (target == "rebuild" && node.Protected)
                {
                    throw Protected(node);
                }
                CheckInstanceTraits(node, "Failed to validate deploy or power info for node " + node.Uuid + ": ");
                conductor.Deploy(node, configDrive);
                break;
            case "rescue":
                if (string.IsNullOrWhiteSpace(rescuePassword))
                {
                    throw IronicFaultException.BadRequest(
                        "A non-empty \"rescue_password\" is required when setting target provision state to rescue");
                }
                Lock(node);
                conductor.Rescue(node, rescuePassword);
                break;
            case "unrescue":
                Lock(node);
                conductor.Unrescue(node);
                break;
            case "deleted" or "undeploy":
                Lock(node);
                if (node.Protected)
                {
                    throw Protected(node);
                }
                conductor.Undeploy(node);
                break;
            case "clean":
                if (body["clean_steps"] is not JsonArray { Count: > 0 })
                {
                    throw IronicFaultException.BadRequest("\"clean_steps\" is required when setting target provision state to clean");
                }
                Lock(node);
                conductor.Clean(node, "manageable");
                break;
            default:
                Lock(node);
                StartManagementVerb(node, target);
                break;
        }
        return Accepted(request, ident, "states");
    }

    private void StartManagementVerb(FakeNode node, string target)
    {
        switch (target)
        {
            case "manage": conductor.Manage(node); break;
            case "provide": conductor.Provide(node); break;
            case "inspect": conductor.Inspect(node); break;
            case "abort": conductor.Abort(node); break;
            case "adopt": conductor.Adopt(node); break;
            default: throw IronicFaultException.BadRequest($"The requested action \"{target}\" could not be understood.");
        }
    }

    private static IronicFaultException Protected(FakeNode node) =>
        new(HttpStatusCode.Forbidden, $"Node {node.Uuid} is protected and cannot be undeployed, rebuilt or deleted");

    private static void CheckConfigDrive(string target, JsonNode? configDrive, RequestVersion version)
    {
        if (configDrive is null) { return; }
        string[] allowed = version.AtLeast(35) ? ["active", "rebuild"] : ["active"];
        if (!allowed.Contains(target))
        {
            throw IronicFaultException.BadRequest(
                $"Adding a config drive is only supported when setting provision state to {string.Join(", ", allowed)}");
        }
        if (configDrive is JsonObject drive)
        {
            if (!version.AtLeast(56))
            {
                throw IronicFaultException.BadRequest(
                    "Providing a JSON object for configdrive is only supported starting with API version 1.56");
            }
            if (drive.ContainsKey("vendor_data") && !version.AtLeast(59))
            {
                throw IronicFaultException.BadRequest(
                    "Providing vendor_data in configdrive is only supported starting with API version 1.59");
            }
        }
        else if (configDrive.GetValueKind() != JsonValueKind.String)
        {
            throw IronicFaultException.BadRequest(
                $"Invalid configdrive format: {FakeJson.PythonRepr(configDrive)} is not valid under any of the given schemas");
        }
    }

    /// <summary>Ironic refuses instance traits the node does not have, in validate and in deploy.</summary>
    private static void CheckInstanceTraits(FakeNode node, string prefix)
    {
        if (MissingInstanceTraits(node) is { } reason)
        {
            throw IronicFaultException.BadRequest(prefix + reason);
        }
    }

    private static string? MissingInstanceTraits(FakeNode node)
    {
        if (node.InstanceInfo["traits"] is not JsonArray wanted) { return null; }
        string[] missing = [.. wanted.Select(t => t?.GetValue<string>() ?? "").Where(t => !node.Traits.Contains(t))];
        return missing.Length == 0 ? null
            : $"Cannot specify instance traits that are not also set on the node. Node {node.Uuid} is missing traits " +
                $"{string.Join(", ", missing)}";
    }

    private FakeResponse SetPower(FakeRequest request, string ident, RequestVersion version)
    {
        JsonObject body = BodyObject(request, "target");
        string target = body["target"]?.GetValue<string>() ?? throw IronicFaultException.BadRequest("Missing mandatory parameter: target");
        JsonNode? timeout = body["timeout"];
        FakeNode node = Node(ident);
        if ((target is "soft rebooting" or "soft power off" || timeout is not null) && !version.AtLeast(27))
        {
            throw IronicFaultException.NotAcceptable();
        }
        if (timeout is not null && (timeout.GetValueKind() != JsonValueKind.Number || timeout.GetValue<double>() < 1))
        {
            throw IronicFaultException.BadRequest("timeout has to be positive integer");
        }
        if (!PowerTargets.Contains(target))
        {
            throw IronicFaultException.InvalidState(target, ident, node.PowerState);
        }
        if (node.ProvisionState is "cleaning" or "clean wait")
        {
            throw IronicFaultException.InvalidState(target, ident, node.ProvisionState);
        }
        // Some power interfaces (snmp among Ironic's) cannot do the soft targets.
        if (target.StartsWith("soft", StringComparison.Ordinal) && node.Interface("power") == "snmp")
        {
            throw IronicFaultException.BadRequest($"The power interface snmp of node {node.Uuid} does not support {target}.");
        }
        CheckConductorFor(node.ConductorGroup);
        Lock(node);
        conductor.SetPower(node, target);
        return Accepted(request, ident, "states");
    }

    private FakeResponse GetConsole(string ident)
    {
        FakeNode node = Node(ident);
        return Ok(w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("console_enabled", node.ConsoleEnabled);
            if (!node.ConsoleEnabled) { w.WriteNull("console_info"); }
            else
            {
                w.WriteStartObject("console_info");
                if (node.Interface("console") == "fake-graphical")
                {
                    // As Ironic's graphical consoles: the URL is a noVNC page; the VNC endpoint is in driver_internal_info.
                    w.WriteString("type", "vnc");
                    w.WriteString("url", $"http://127.0.0.1:6090/vnc_lite.html?path=websockify%3Fnode%3D{node.Uuid}");
                }
                else if (node.Interface("console") == "fake-socat")
                {
                    // As the standalone plugin: ipmi_terminal_port if set, else 10000 + the node's database id.
                    int port = node.DriverInfo["ipmi_terminal_port"] is { } p && int.TryParse(p.ToString(), out int configured)
                        ? configured
                        : 10000 + (node.Id % 50000);
                    w.WriteString("type", "socat");
                    w.WriteString("url", $"tcp://127.0.0.1:{port}");
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
        });
    }

    private FakeResponse SetConsole(FakeRequest request, string ident)
    {
        JsonObject body = BodyObject(request, "enabled");
        JsonNode enabledNode = body["enabled"] ?? throw IronicFaultException.BadRequest("Missing mandatory parameter: enabled");
        bool enabled = enabledNode.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => Query.ParseBool(enabledNode.ToString()) ?? throw IronicFaultException.BadRequest(
                $"Invalid enabled: Unrecognized value '{enabledNode}', acceptable values are: '0', '1', 'f', 'false', 'n', 'no', 'off', " +
                    $"'on', 't', 'true', 'y', 'yes'"),
        };
        FakeNode node = Node(ident);
        if (node.Interface("console") == "no-console")
        {
            throw IronicFaultException.BadRequest($"Driver {node.Driver} does not support console (disabled or not implemented).");
        }
        CheckConductorFor(node.ConductorGroup);
        Lock(node);
        conductor.SetConsole(node, enabled);
        return Accepted(request, ident, "states/console");
    }

    private FakeResponse Validate(string ident)
    {
        FakeNode node = Node(ident);
        if (node.InstanceInfo["image_source"]?.ToString() is { } image && !image.Contains("://", StringComparison.Ordinal)
            && !Guid.TryParse(image, out _))
        {
            // Ironic 21.4 answers a bad image reference with a 500 from validate, not a failed interface.
            throw new IronicFaultException(
                HttpStatusCode.InternalServerError,
                $"Validation of image href {image} failed, reason: Scheme-less image href is not a UUID.", serverFault: true);
        }
        string? deployProblem = MissingInstanceTraits(node);
        return Ok(w =>
        {
            w.WriteStartObject();
            ReadOnlySpan<string> kinds =
                ["boot", "deploy", "management", "network", "power", "bios", "console", "inspect", "raid", "rescue", "storage"];
            foreach (string kind in kinds)
            {
                w.WriteStartObject(kind);
                bool result = kind != "deploy" || deployProblem is null;
                w.WriteBoolean("result", result);
                if (!result) { w.WriteString("reason", deployProblem); }
                w.WriteEndObject();
            }
            w.WriteEndObject();
        });
    }

    private FakeResponse InjectNmi(string ident, RequestVersion version)
    {
        version.Require(29);
        FakeNode node = Node(ident);
        throw IronicFaultException.BadRequest($"Driver {node.Driver} does not support inject_nmi (disabled or not implemented).");
    }
}
