using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BareMetal.Ironic.Fake.Lies;

namespace BareMetal.Ironic.Fake.Api;

internal sealed partial class FakeApi
{
    private const FakeLies RefusingLies = FakeLies.EchoSecrets | FakeLies.ControlCharacters | FakeLies.HugeErrorMessage;
    private static readonly string[] ListKeys = ["nodes", "ports", "portgroups", "vifs"];

    /// <summary>The lies in force; set through <see cref="FakeIronic.Lies"/>.</summary>
    public FakeLies Lies { get; set; }

    /// <summary>How many letters <see cref="FakeLies.HugeErrorMessage"/> sends.</summary>
    public int HugeMessageChars { get; set; } = 4 * 1024 * 1024;

    private bool Lying(FakeLies lie) => (Lies & lie) != 0;

    /// <summary>A refusal that replaces a provision request's work, or null when no refusing lie is on or it is another request.</summary>
    private FakeResponse? RefuseWithLies(FakeRequest request, FakeRoute route)
    {
        if ((Lies & RefusingLies) == 0 || route.Template != FakeRoutes.SetProvisionState)
        {
            return null;
        }
        var message = new StringBuilder("Invalid request");
        if (Lying(FakeLies.EchoSecrets))
        {
            message.Append(": body ").Append(Encoding.UTF8.GetString(request.Body))
                .Append(" with Authorization ").Append(request.Header("Authorization"))
                .Append(" and X-Auth-Token ").Append(request.Header("X-Auth-Token"));
        }
        if (Lying(FakeLies.ControlCharacters))
        {
            message.Append("\nbaremetal: forged second line\r\n\u001b]0;owned\u0007\u001b[2J\u001b[31mred\u001b[0m\u009b1m");
        }
        if (Lying(FakeLies.HugeErrorMessage))
        {
            message.Append(' ').Append('a', HugeMessageChars);
        }
        return Json(HttpStatusCode.BadRequest, FakeJson.Error(message.ToString(), serverFault: false));
    }

    /// <summary>Rewrites a successful answer as the lies in force say.</summary>
    private FakeResponse TellLies(FakeRoute route, FakeResponse response)
    {
        if (Lies == FakeLies.None || response.Body is not { Length: > 0 } body || (int)response.Status >= 400)
        {
            return response;
        }
        bool list = ListKeys.Any(key =>
            route.Template.EndsWith(key, StringComparison.Ordinal) || route.Template.EndsWith(key + "/detail", StringComparison.Ordinal));
        if (!list && !(Lying(FakeLies.ForeignOwner) && route.Template == FakeRoutes.PatchNode))
        {
            return response;
        }
        if (JsonNode.Parse(body) is not JsonObject document)
        {
            return response;
        }
        if (route.Template == FakeRoutes.PatchNode)
        {
            document["instance_uuid"] = Guid.NewGuid().ToString();
        }
        foreach (string key in ListKeys.Where(document.ContainsKey))
        {
            if (Lying(FakeLies.NullLists)) { document[key] = null; }
            else if (Lying(FakeLies.NullEntries)) { document[key] = new JsonArray((JsonNode?)null); }
        }
        response.Body = Encoding.UTF8.GetBytes(document.ToJsonString());
        return response;
    }

    /// <summary><see cref="FakeLies.EndlessPages"/>: a full page of nodes never seen before, and a next link.</summary>
    private static FakeResponse EndlessPage(FakeRequest request, Query query)
    {
        int limit = query.Limit(MaxLimit);
        string next = $"{request.PublicUrl.GetLeftPart(UriPartial.Authority)}/v1/nodes?limit={limit}&marker={Guid.NewGuid()}";
        return Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("nodes");
            for (int i = 0; i < limit; i++)
            {
                w.WriteStartObject();
                w.WriteString("uuid", Guid.NewGuid().ToString());
                w.WriteString("provision_state", "available");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("next", next);
            w.WriteEndObject();
        });
    }
}
