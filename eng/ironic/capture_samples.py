#!/usr/bin/python3
"""Record real Ironic request/response pairs as JSON fixtures (tests/data/ironic/samples/).

Starts two throw-away Ironic instances with start.sh (own state dirs/ports),
replays the calls a Nova-style Ironic driver makes, writes one JSON file per
call plus INDEX.md, and stops both instances again.

  /usr/bin/python3 capture_samples.py [OUT_DIR]      (default: tests/data/ironic/samples)

Env: CAPTURE_PORT_A=6387 CAPTURE_PORT_B=6388 (must be free; 127.0.0.1 only)

Instance A: noauth, default settings (what start.sh gives you).
Instance B: IRONIC_AUTH=http_basic, IRONIC_CONDUCTOR_GROUP=rack1 and
[fake]power_delay=10, used for the 401, conductor group and 409 NodeLocked
captures.

Microversions: most calls use 1.46 (Nova's IRONIC_API_VERSION for the
python-ironicclient calls); calls that need more use the minimum they need or
the server maximum (1.82); file names/notes say which.
"""
import base64
import gzip
import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "tests", "data", "ironic", "samples"))
PORT_A = int(os.environ.get("CAPTURE_PORT_A", "6387"))
PORT_B = int(os.environ.get("CAPTURE_PORT_B", "6388"))
NOVA_MV = "1.46"          # nova.virt.ironic.client_wrapper.IRONIC_API_VERSION
MAX_MV = "1.82"
NODE_FIELDS = ("uuid,power_state,target_power_state,provision_state,"
               "target_provision_state,last_error,maintenance,properties,"
               "instance_uuid,traits,resource_class")     # nova _NODE_FIELDS
# deterministic ids so fixtures are stable across captures
NODE_A = "1a1a1a1a-0000-4000-8000-00000000000a"
NODE_B = "1b1b1b1b-0000-4000-8000-00000000000b"
NODE_C = "1c1c1c1c-0000-4000-8000-00000000000c"
NODE_G = "16161616-0000-4000-8000-000000000016"   # conductor_group nobody serves
NODE_L = "1e1e1e1e-0000-4000-8000-00000000001e"   # on instance B (locking)
PORT_A_UUID = "2a2a2a2a-0000-4000-8000-00000000000a"
INST_1 = "9f000001-0000-4000-8000-000000000001"
INST_2 = "9f000002-0000-4000-8000-000000000002"
VIF_1 = "3e000001-0000-4000-8000-000000000001"
VIF_2 = "3e000002-0000-4000-8000-000000000002"
UNKNOWN = "deadbeef-0000-4000-8000-000000000000"
PROPS = {"cpus": 8, "memory_mb": 16384, "local_gb": 100, "cpu_arch": "x86_64"}

INDEX = []
MISMATCH = []
SEQ = [0]


class Client(object):
    def __init__(self, port, auth=None):
        self.port, self.auth = port, auth

    def request(self, method, path, body=None, mv=NOVA_MV, headers=None, raw_body=None):
        hdrs = {"Accept": "application/json"}
        if mv is not None:
            hdrs["X-OpenStack-Ironic-API-Version"] = mv
        if body is not None or raw_body is not None:
            hdrs["Content-Type"] = "application/json"
        if self.auth:
            hdrs["Authorization"] = "Basic " + base64.b64encode(self.auth.encode()).decode()
        hdrs.update(headers or {})
        data = raw_body if raw_body is not None else (
            json.dumps(body).encode() if body is not None else None)
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        conn.request(method, path, body=data, headers=hdrs)
        resp = conn.getresponse()
        raw = resp.read()
        conn.close()
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = raw.decode(errors="replace")
        return hdrs, resp, parsed, data

    def rec(self, name, method, path, body=None, mv=NOVA_MV, note="", expect=None,
            headers=None, raw_body=None):
        hdrs, resp, parsed, data = self.request(method, path, body, mv, headers, raw_body)
        if expect is not None and resp.status != expect:
            MISMATCH.append("%s: %s %s -> %s (expected %s): %s"
                            % (name, method, path, resp.status, expect, str(parsed)[:300]))
        SEQ[0] += 1
        fname = "%03d-%s.json" % (SEQ[0], name)
        req_hdrs = dict(hdrs)
        if "Authorization" in req_hdrs:
            req_hdrs["Authorization"] = "Basic <base64 user:password>"
        req_body = body
        if raw_body is not None:
            req_body = raw_body.decode(errors="replace")
        doc = {
            "description": note or name,
            "request": {"method": method, "path": path, "headers": req_hdrs,
                        "body": req_body},
            "response": {"status": resp.status, "reason": resp.reason,
                         "headers": {k: v for k, v in resp.getheaders()
                                     if k.lower() not in ("date",)},
                         "body": parsed},
        }
        with open(os.path.join(OUT, fname), "w") as f:
            json.dump(doc, f, indent=1, sort_keys=False)
            f.write("\n")
        INDEX.append((fname, method, path, resp.status, note or name))
        return resp.status, parsed

    def call(self, method, path, body=None, mv=MAX_MV, ok=(200, 201, 202, 204)):
        _, resp, parsed, _ = self.request(method, path, body, mv)
        if resp.status not in ok:
            raise SystemExit("setup call %s %s -> %s: %s" % (method, path, resp.status, parsed))
        return parsed

    def wait(self, uuid, field, want, timeout=60):
        end = time.time() + timeout
        while time.time() < end:
            n = self.call("GET", "/v1/nodes/%s?fields=%s,target_%s,last_error"
                          % (uuid, field, field))
            if n[field] == want and not n["target_" + field]:
                return n
            time.sleep(0.1)
        raise SystemExit("node %s did not reach %s=%s: %s" % (uuid, field, want, n))


def start(port, state, extra_env):
    env = dict(os.environ, IRONIC_PORT=str(port), IRONIC_STATE_DIR=state, IRONIC_FRESH="1")
    env.update(extra_env)
    subprocess.run([os.path.join(HERE, "start.sh")], env=env, check=True)


def stop(state):
    subprocess.run([os.path.join(HERE, "stop.sh")], check=False,
                   env=dict(os.environ, IRONIC_STATE_DIR=state))


def configdrive_string():
    """gzip+base64 of a tiny config-2 ISO, as nova builds it."""
    tmp = tempfile.mkdtemp(prefix="cd-")
    try:
        os.makedirs(os.path.join(tmp, "d", "openstack", "latest"))
        with open(os.path.join(tmp, "d", "openstack", "latest", "meta_data.json"), "w") as f:
            json.dump({"uuid": INST_1, "hostname": "vm-1", "name": "vm-1"}, f)
        iso = os.path.join(tmp, "cd.iso")
        subprocess.run(["genisoimage", "-quiet", "-o", iso, "-ldots", "-allow-lowercase",
                        "-allow-multidot", "-l", "-publisher", "capture", "-J", "-r",
                        "-V", "config-2", os.path.join(tmp, "d")],
                       check=True, stderr=subprocess.DEVNULL)
        with open(iso, "rb") as f:
            return base64.b64encode(gzip.compress(f.read(), 9)).decode()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def enroll(c, uuid, name, mac, port_uuid=None, group=None, record=False):
    node = {"uuid": uuid, "name": name, "driver": "fake-hardware",
            "resource_class": "baremetal-gold", "properties": PROPS}
    if group:
        node["conductor_group"] = group
    port = {"node_uuid": uuid, "address": mac}
    if port_uuid:
        port["uuid"] = port_uuid
    if record:
        c.rec("create-node", "POST", "/v1/nodes", node, mv=MAX_MV, expect=201,
              note="enroll a fake-hardware node (explicit uuid; state 'enroll')")
        c.rec("create-port", "POST", "/v1/ports", port, mv=MAX_MV, expect=201,
              note="create the node's port (MAC)")
    else:
        c.call("POST", "/v1/nodes", node)
        c.call("POST", "/v1/ports", port)
    if group:
        return
    c.call("PUT", "/v1/nodes/%s/states/power" % uuid, {"target": "power off"})
    c.wait(uuid, "power_state", "power off")
    if record:
        c.rec("provision-manage", "PUT", "/v1/nodes/%s/states/provision" % uuid,
              {"target": "manage"}, expect=202, note="enroll -> manageable")
    else:
        c.call("PUT", "/v1/nodes/%s/states/provision" % uuid, {"target": "manage"})
    c.wait(uuid, "provision_state", "manageable")
    if record:
        c.rec("provision-provide", "PUT", "/v1/nodes/%s/states/provision" % uuid,
              {"target": "provide"}, expect=202, note="manageable -> (cleaning) -> available")
    else:
        c.call("PUT", "/v1/nodes/%s/states/provision" % uuid, {"target": "provide"})
    c.wait(uuid, "provision_state", "available")


def capture_a(c):
    # ---------------------------------------------------------- discovery
    c.rec("get-root", "GET", "/", mv=None, expect=200,
          note="version discovery, no version header")
    c.rec("get-v1", "GET", "/v1", mv=None, expect=200,
          note="v1 resource index, no version header (answers as 1.1)")
    c.rec("get-v1-slash-max", "GET", "/v1/", mv=MAX_MV, expect=200,
          note="v1 resource index at max microversion")
    c.rec("get-v1-latest", "GET", "/v1", mv="latest", expect=200,
          note="'latest' is accepted and resolved to the max version")

    # ---------------------------------------------------------- enrollment
    enroll(c, NODE_A, "node-a", "52:54:00:aa:00:01", port_uuid=PORT_A_UUID, record=True)
    enroll(c, NODE_B, "node-b", "52:54:00:bb:00:01")
    enroll(c, NODE_C, "node-c", "52:54:00:cc:00:01")
    c.rec("err-create-node-no-conductor-group", "POST", "/v1/nodes",
          {"uuid": NODE_G, "driver": "fake-hardware", "conductor_group": "rack9"},
          mv=MAX_MV, expect=400,
          note="conductor_group nobody serves -> 400 NoValidHost (even for create)")

    # ---------------------------------------------------------- node lists
    c.rec("nodes-list-limit", "GET", "/v1/nodes?limit=2", expect=200,
          note="first page: default (short) fields + 'next' link")
    first = c.call("GET", "/v1/nodes?limit=2", mv=NOVA_MV)
    marker = first["nodes"][-1]["uuid"]
    c.rec("nodes-list-marker", "GET", "/v1/nodes?limit=2&marker=%s" % marker, expect=200,
          note="second (last) page via marker; last page has no 'next'")
    c.rec("nodes-detail-path", "GET", "/v1/nodes/detail?limit=1", expect=200,
          note="GET /v1/nodes/detail (ironicclient style) at 1.46")
    c.rec("nodes-detail-query-max", "GET", "/v1/nodes?detail=True&limit=1", mv=MAX_MV,
          expect=200, note="?detail=True (1.43+) at 1.82: every field")
    c.rec("nodes-fields-nova", "GET", "/v1/nodes?fields=%s&limit=1000" % NODE_FIELDS,
          expect=200, note="nova _NODE_FIELDS projection of all nodes")
    c.rec("nodes-fields-paged", "GET", "/v1/nodes?fields=%s&limit=1&sort_key=id"
          % NODE_FIELDS, expect=200, note="fields + limit: 'next' repeats fields")
    c.rec("nodes-detail-and-fields", "GET", "/v1/nodes/detail?fields=uuid", expect=400,
          note="fields cannot be combined with detail")

    # ---------------------------------------------------------- spawn on node A
    c.rec("node-get-fields", "GET", "/v1/nodes/%s?fields=%s" % (NODE_A, NODE_FIELDS),
          expect=200, note="nova _get_node")
    c.rec("patch-instance-uuid", "PATCH", "/v1/nodes/%s" % NODE_A,
          [{"op": "add", "path": "/instance_uuid", "value": INST_1}], expect=200,
          note="reserve node for instance (nova _set_instance_id)")
    c.rec("patch-instance-uuid-conflict", "PATCH", "/v1/nodes/%s" % NODE_A,
          [{"op": "add", "path": "/instance_uuid", "value": INST_2}], expect=409,
          note="instance_uuid already set to another instance -> 409")
    patch = [
        {"path": "/instance_info/image_source", "op": "add",
         "value": "c1e5a3f6-0000-4000-8000-00000000000e"},
        {"path": "/instance_info/root_gb", "op": "add", "value": "10"},
        {"path": "/instance_info/swap_mb", "op": "add", "value": "0"},
        {"path": "/instance_info/display_name", "op": "add", "value": "vm-1"},
        {"path": "/instance_info/vcpus", "op": "add", "value": "8"},
        {"path": "/instance_info/nova_host_id", "op": "add", "value": "compute-1"},
        {"path": "/instance_info/memory_mb", "op": "add", "value": "16384"},
        {"path": "/instance_info/local_gb", "op": "add", "value": "100"},
        {"path": "/instance_info/capabilities", "op": "add", "value": "{\"boot_mode\": \"uefi\"}"},
        {"path": "/instance_info/traits", "op": "add", "value": ["CUSTOM_GOLD"]},
    ]
    c.rec("patch-instance-info", "PATCH", "/v1/nodes/%s" % NODE_A, patch, expect=200,
          note="nova _add_instance_info_to_node (deploy patch)")
    c.rec("nodes-by-instance", "GET", "/v1/nodes?instance_uuid=%s&fields=%s"
          % (INST_1, NODE_FIELDS), expect=200, note="nova _validate_instance_and_node")
    c.rec("nodes-by-instance-none", "GET", "/v1/nodes?instance_uuid=%s&fields=%s"
          % (UNKNOWN, NODE_FIELDS), expect=200, note="unknown instance -> empty list")
    c.rec("nodes-by-instance-detail", "GET", "/v1/nodes/detail?instance_uuid=%s" % INST_1,
          expect=200, note="ironicclient node.get_by_instance_uuid style")
    c.rec("nodes-associated-true", "GET", "/v1/nodes?associated=True&fields=%s"
          % NODE_FIELDS, expect=200, note="filter: associated=True")
    c.rec("nodes-associated-false", "GET", "/v1/nodes?associated=False&fields=uuid,"
          "instance_uuid&limit=2", expect=200, note="filter: associated=False, paged; NOTE 'next' drops associated=False")
    c.rec("nodes-provision-state", "GET", "/v1/nodes?provision_state=available&fields=uuid,"
          "provision_state", expect=200, note="filter: provision_state")
    c.rec("nodes-provision-state-paged", "GET", "/v1/nodes?provision_state=available&fields=uuid,"
          "provision_state&limit=1", expect=200,
          note="filter + limit: 'next' has NO provision_state -> re-send filters with the marker")
    c.rec("nodes-conductor-group-empty", "GET", "/v1/nodes?conductor_group=rack1&fields=uuid,"
          "conductor_group", expect=200, note="filter: conductor_group without matches")
    c.rec("nodes-resource-class", "GET", "/v1/nodes?resource_class=baremetal-gold&fields="
          "uuid,resource_class&limit=2", expect=200,
          note="filter: resource_class; NOTE 'next' drops the resource_class filter")
    c.rec("nodes-maintenance-false", "GET", "/v1/nodes?maintenance=False&fields=uuid,"
          "maintenance&limit=1", expect=200,
          note="filter: maintenance=False; NOTE 'next' drops it")
    c.rec("node-validate", "GET", "/v1/nodes/%s/validate" % NODE_A, expect=200,
          note="per-interface validation result")
    c.rec("node-validate-by-name", "GET", "/v1/nodes/node-a/validate", expect=200,
          note="nodes can be addressed by name (1.5+)")

    c.rec("vif-attach", "POST", "/v1/nodes/%s/vifs" % NODE_A, {"id": VIF_1}, expect=204,
          note="attach VIF (network_interface local-vif)")
    c.rec("vif-list", "GET", "/v1/nodes/%s/vifs" % NODE_A, expect=200, note="list VIFs")
    c.rec("vif-attach-again", "POST", "/v1/nodes/%s/vifs" % NODE_A, {"id": VIF_1},
          expect=409, note="same VIF again -> 409 VifAlreadyAttached")
    c.rec("vif-attach-no-free-port", "POST", "/v1/nodes/%s/vifs" % NODE_A, {"id": VIF_2},
          expect=400, note="more VIFs than ports -> 400 NoFreePhysicalPorts")
    c.rec("ports-by-node", "GET", "/v1/ports?node=%s" % NODE_A, expect=200,
          note="ports of a node (short form)")
    c.rec("ports-by-node-detail", "GET", "/v1/ports/detail?node=%s" % NODE_A, mv=MAX_MV,
          expect=200, note="port detail: internal_info.tenant_vif_port_id holds the VIF")
    c.rec("node-ports-detail", "GET", "/v1/nodes/%s/ports/detail" % NODE_A, expect=200,
          note="ironicclient node.list_ports(detail=True)")
    c.rec("portgroups-by-node", "GET", "/v1/portgroups/detail?node=%s" % NODE_A,
          expect=200, note="ironicclient portgroup.list(node=, detail=True)")
    c.rec("volume-connectors", "GET", "/v1/nodes/%s/volume/connectors" % NODE_A,
          expect=200, note="boot-from-volume helpers (empty)")
    c.rec("volume-targets", "GET", "/v1/nodes/%s/volume/targets?detail=True" % NODE_A,
          expect=200, note="boot-from-volume helpers (empty)")

    cd = configdrive_string()
    c.rec("err-deploy-missing-traits", "PUT", "/v1/nodes/%s/states/provision" % NODE_A,
          {"target": "active", "configdrive": "H4sIAAAAAAAAA0tMTAQA1gAnwQQAAAA="}, expect=400,
          note="instance_info.traits must be a subset of the node's traits -> 400")
    # traits
    c.rec("traits-set", "PUT", "/v1/nodes/%s/traits" % NODE_A,
          {"traits": ["CUSTOM_GOLD", "HW_CPU_X86_VMX"]}, expect=204, note="replace all traits")
    c.rec("traits-add-one", "PUT", "/v1/nodes/%s/traits/CUSTOM_RAID" % NODE_A, expect=204,
          note="add one trait")
    c.rec("traits-get", "GET", "/v1/nodes/%s/traits" % NODE_A, expect=200, note="list traits")
    c.rec("traits-delete-one", "DELETE", "/v1/nodes/%s/traits/CUSTOM_RAID" % NODE_A,
          expect=204, note="remove one trait")
    c.rec("traits-delete-missing", "DELETE", "/v1/nodes/%s/traits/CUSTOM_NOPE" % NODE_A,
          expect=404, note="remove absent trait -> 404")
    c.rec("traits-invalid", "PUT", "/v1/nodes/%s/traits/lowercase_bad" % NODE_A, expect=400,
          note="trait must be standard (os-traits) or CUSTOM_[A-Z0-9_]+")
    c.rec("nodes-with-traits", "GET", "/v1/nodes?fields=uuid,traits&associated=True",
          expect=200, note="traits in a list projection")

    c.rec("provision-active-configdrive-string", "PUT",
          "/v1/nodes/%s/states/provision" % NODE_A,
          {"target": "active", "configdrive": cd}, expect=202,
          note="deploy with configdrive as gzip+base64 ISO string")
    c.wait(NODE_A, "provision_state", "active")
    c.rec("node-get-active-fields", "GET", "/v1/nodes/%s?fields=%s" % (NODE_A, NODE_FIELDS),
          expect=200, note="after deploy: active, power on")
    c.rec("node-get-active-full", "GET", "/v1/nodes/%s" % NODE_A, mv=MAX_MV, expect=200,
          note="full node at 1.82 (configdrive/instance_info secrets masked '******')")
    c.rec("node-get-active-v1-1", "GET", "/v1/nodes/%s" % NODE_A, mv=None, expect=200,
          note="same node, no version header -> 1.1 view (no resource_class, traits...)")
    c.rec("node-states", "GET", "/v1/nodes/%s/states" % NODE_A, expect=200,
          note="GET .../states")

    # console
    c.rec("console-get-disabled", "GET", "/v1/nodes/%s/states/console" % NODE_A,
          expect=200, note="console disabled: console_info null")
    c.rec("console-enable", "PUT", "/v1/nodes/%s/states/console" % NODE_A,
          {"enabled": True}, expect=202, note="enable console (async)")
    end = time.time() + 20
    while not c.call("GET", "/v1/nodes/%s/states/console" % NODE_A)["console_enabled"]:
        if time.time() > end:
            raise SystemExit("console did not enable")
        time.sleep(0.1)
    c.rec("console-get-enabled", "GET", "/v1/nodes/%s/states/console" % NODE_A,
          expect=200, note="console enabled (fake-socat: type/url like ipmitool-socat)")
    c.rec("console-enable-bad", "PUT", "/v1/nodes/%s/states/console" % NODE_A,
          {"enabled": "maybe"}, expect=400, note="invalid 'enabled' value")
    c.rec("console-disable", "PUT", "/v1/nodes/%s/states/console" % NODE_A,
          {"enabled": False}, expect=202, note="disable console (async)")

    # power
    for name, body, mv in (
            ("power-off", {"target": "power off"}, NOVA_MV),
            ("power-on", {"target": "power on"}, NOVA_MV),
            ("power-reboot", {"target": "rebooting"}, NOVA_MV),
            ("power-soft-reboot", {"target": "soft rebooting", "timeout": 30}, NOVA_MV),
            ("power-soft-off", {"target": "soft power off", "timeout": 30}, NOVA_MV),
            ("power-on-again", {"target": "power on"}, NOVA_MV)):
        c.rec(name, "PUT", "/v1/nodes/%s/states/power" % NODE_A, body, mv=mv, expect=202,
              note="power: %s" % body["target"])
        want = "power off" if "off" in body["target"] else "power on"
        c.wait(NODE_A, "power_state", want)
    c.rec("power-bad-target", "PUT", "/v1/nodes/%s/states/power" % NODE_A,
          {"target": "warp speed"}, expect=400, note="invalid power target -> 400")
    c.rec("power-soft-old-mv", "PUT", "/v1/nodes/%s/states/power" % NODE_A,
          {"target": "soft power off"}, mv="1.26", expect=406,
          note="soft power needs 1.27 -> 406 at 1.26")
    c.rec("inject-nmi", "PUT", "/v1/nodes/%s/management/inject_nmi" % NODE_A, {},
          mv=NOVA_MV, expect=400, note="fake management has no inject_nmi -> 400")

    # rescue / unrescue / rebuild
    c.rec("err-rescue-no-password", "PUT", "/v1/nodes/%s/states/provision" % NODE_A,
          {"target": "rescue"}, expect=400, note="rescue without rescue_password -> 400")
    c.rec("provision-rescue", "PUT", "/v1/nodes/%s/states/provision" % NODE_A,
          {"target": "rescue", "rescue_password": "s3cret"}, expect=202,
          note="rescue (1.38+), fake rescue interface")
    c.wait(NODE_A, "provision_state", "rescue")
    c.rec("provision-unrescue", "PUT", "/v1/nodes/%s/states/provision" % NODE_A,
          {"target": "unrescue"}, expect=202, note="unrescue -> active")
    c.wait(NODE_A, "provision_state", "active")
    c.rec("provision-rebuild", "PUT", "/v1/nodes/%s/states/provision" % NODE_A,
          {"target": "rebuild", "configdrive": cd}, expect=202,
          note="rebuild with a new configdrive string")
    c.wait(NODE_A, "provision_state", "active")
    c.rec("provision-active-on-active", "PUT", "/v1/nodes/%s/states/provision" % NODE_A,
          {"target": "active"}, expect=400, note="invalid transition -> 400")

    # undeploy
    c.rec("provision-deleted", "PUT", "/v1/nodes/%s/states/provision" % NODE_A,
          {"target": "deleted"}, expect=202, note="undeploy (tear down + cleaning)")
    c.wait(NODE_A, "provision_state", "available")
    c.rec("node-get-after-undeploy", "GET", "/v1/nodes/%s?fields=%s" % (NODE_A, NODE_FIELDS),
          expect=200, note="after undeploy: available, power off, instance_uuid cleared")
    c.rec("vif-list-after-undeploy", "GET", "/v1/nodes/%s/vifs" % NODE_A, expect=200,
          note="Ironic detaches all VIFs itself on tear down")
    c.rec("vif-detach-not-attached", "DELETE", "/v1/nodes/%s/vifs/%s" % (NODE_A, VIF_1),
          expect=400, note="detach of a VIF that is not attached -> 400")
    c.call("POST", "/v1/nodes/%s/vifs" % NODE_A, {"id": VIF_1}, mv=NOVA_MV)
    c.rec("vif-detach", "DELETE", "/v1/nodes/%s/vifs/%s" % (NODE_A, VIF_1), expect=204,
          note="detach VIF")

    # node B: configdrive as dict (1.56) and nova's failed-spawn cleanup patch
    c.call("PATCH", "/v1/nodes/%s" % NODE_B, [
        {"op": "add", "path": "/instance_uuid", "value": INST_2},
        {"op": "add", "path": "/instance_info/image_source", "value": "c1e5a3f6-0000-4000-8000-00000000000e"}])
    cd_dict = {"meta_data": {"uuid": INST_2, "hostname": "vm-2", "name": "vm-2"},
               "user_data": "#cloud-config\nhostname: vm-2\n",
               "network_data": {"links": [], "networks": [], "services": []},
               "vendor_data": {}}
    c.rec("provision-active-configdrive-dict-old-mv", "PUT",
          "/v1/nodes/%s/states/provision" % NODE_B,
          {"target": "active", "configdrive": cd_dict}, mv=NOVA_MV, expect=400,
          note="configdrive as dict needs 1.56 -> 400 at 1.46")
    c.rec("provision-active-configdrive-dict", "PUT", "/v1/nodes/%s/states/provision" % NODE_B,
          {"target": "active", "configdrive": cd_dict}, mv="1.59", expect=202,
          note="configdrive as JSON dict (1.56+; vendor_data needs 1.59); Ironic builds the ISO")
    c.wait(NODE_B, "provision_state", "active")
    c.call("PUT", "/v1/nodes/%s/states/provision" % NODE_B, {"target": "deleted"})
    c.wait(NODE_B, "provision_state", "available")
    c.call("PATCH", "/v1/nodes/%s" % NODE_B, [
        {"op": "add", "path": "/instance_uuid", "value": INST_2},
        {"op": "add", "path": "/instance_info/image_source", "value": "c1e5a3f6-0000-4000-8000-00000000000e"}])
    c.rec("patch-remove-instance", "PATCH", "/v1/nodes/%s" % NODE_B,
          [{"path": "/instance_info", "op": "remove"},
           {"path": "/instance_uuid", "op": "remove"}], expect=200,
          note="nova _remove_instance_info_from_node (failed spawn cleanup)")

    # ---------------------------------------------------------- errors
    c.rec("err-node-not-found", "GET", "/v1/nodes/%s" % UNKNOWN, expect=404,
          note="unknown node uuid -> 404")
    c.rec("err-node-name-not-found", "GET", "/v1/nodes/no-such-node", expect=404,
          note="unknown node name -> 404")
    c.rec("err-vifs-unknown-node", "GET", "/v1/nodes/%s/vifs" % UNKNOWN, expect=404,
          note="sub-resource of unknown node -> 404")
    c.rec("err-patch-bad-path", "PATCH", "/v1/nodes/%s" % NODE_C,
          [{"op": "replace", "path": "/no_such_field", "value": 1}], expect=400,
          note="PATCH unknown field -> 400")
    c.rec("err-patch-not-a-list", "PATCH", "/v1/nodes/%s" % NODE_C,
          {"op": "add", "path": "/instance_uuid", "value": INST_2}, expect=400,
          note="PATCH body must be a JSON list")
    c.rec("err-bad-json", "PUT", "/v1/nodes/%s/states/power" % NODE_C, raw_body=b"{not json",
          expect=400, note="malformed JSON body -> 400")
    c.rec("err-bad-limit", "GET", "/v1/nodes?limit=-1", expect=400, note="limit must be >= 0")
    c.rec("err-bad-field", "GET", "/v1/nodes?fields=uuid,bogus", expect=500,
          note="unknown field in fields= -> 500 (!) in Ironic 21.4 (AttributeError)")
    c.rec("err-bad-provision-target", "PUT", "/v1/nodes/%s/states/provision" % NODE_C,
          {"target": "explode"}, expect=400, note="unknown provision target -> 400")
    c.rec("err-deleted-on-available", "PUT", "/v1/nodes/%s/states/provision" % NODE_C,
          {"target": "deleted"}, expect=400,
          note="'deleted' on an available node -> 400 invalid state transition")
    c.call("PATCH", "/v1/nodes/%s" % NODE_C, [
        {"op": "add", "path": "/instance_info/image_source", "value": "my-image"}])
    c.rec("err-validate-bad-image-source", "GET", "/v1/nodes/%s/validate" % NODE_C,
          expect=500, note="image_source neither a UUID nor a URL -> 500 (!) from validate")
    c.call("PATCH", "/v1/nodes/%s" % NODE_C, [{"op": "remove", "path": "/instance_info"}])
    c.rec("err-mv-too-new", "GET", "/v1/nodes", mv="1.99", expect=406,
          note="unsupported (too new) microversion -> 406")
    c.rec("err-mv-too-old", "GET", "/v1/nodes", mv="1.0", expect=406,
          note="unsupported (too old) microversion -> 406")
    c.rec("err-mv-garbage", "GET", "/v1/nodes", mv="one.two", expect=406,
          note="unparseable microversion -> 406, different error_message shape")
    c.rec("err-unknown-path", "GET", "/v1/nodez", expect=404, note="unknown resource")


def capture_b(c, noauth):
    noauth.rec("basic-get-root-noauth", "GET", "/", mv=None, expect=200,
               note="http_basic: '/' is public")
    noauth.rec("basic-get-v1-noauth", "GET", "/v1", mv=None, expect=200,
               note="http_basic: '/v1' is public")
    noauth.rec("basic-nodes-401", "GET", "/v1/nodes", expect=401,
               note="http_basic: no credentials -> 401")
    bad = Client(c.port, auth="ironic:wrong")
    bad.rec("basic-nodes-401-bad-password", "GET", "/v1/nodes", expect=401,
            note="http_basic: wrong password -> 401")
    c.rec("basic-nodes-200", "GET", "/v1/nodes", expect=200,
          note="http_basic: with credentials")
    c.rec("create-node-in-group", "POST", "/v1/nodes",
          {"uuid": NODE_L, "name": "node-lock", "driver": "fake-hardware",
           "conductor_group": "rack1", "resource_class": "baremetal-gold",
           "properties": PROPS}, mv=MAX_MV, expect=201,
          note="conductor started with IRONIC_CONDUCTOR_GROUP=rack1")
    c.rec("nodes-conductor-group", "GET", "/v1/nodes?conductor_group=rack1&fields=uuid,"
          "conductor_group,provision_state", mv=MAX_MV, expect=200,
          note="filter: conductor_group")
    c.rec("node-get-conductor", "GET", "/v1/nodes/%s" % NODE_L, mv=MAX_MV, expect=200,
          note="full node in group rack1; 'conductor' (1.49+) is output-only, "
               "fields=conductor gives 500 in 21.4")
    # power_delay=10: the worker holds the node lock for 20 s (get + set power); the conductor
    # retries a locked node 3 x 1 s, then the API answers 409 NodeLocked.
    c.rec("power-on-slow", "PUT", "/v1/nodes/%s/states/power" % NODE_L,
          {"target": "power on"}, expect=202, note="power on (fake power_delay=10: worker holds the lock ~20 s)")
    c.rec("err-node-locked", "PUT", "/v1/nodes/%s/states/power" % NODE_L,
          {"target": "power off"}, expect=409, note="second action while locked -> 409")
    c.rec("err-node-locked-patch", "PATCH", "/v1/nodes/%s" % NODE_L,
          [{"op": "add", "path": "/extra/foo", "value": "bar"}], expect=409,
          note="PATCH while locked -> 409 as well")
    c.rec("node-reservation-while-locked", "GET", "/v1/nodes/%s?fields=uuid,reservation,"
          "power_state,target_power_state" % NODE_L, mv=MAX_MV, expect=200,
          note="'reservation' = conductor host holding the lock")
    c.wait(NODE_L, "power_state", "power on", timeout=90)


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith(".json") or f == "INDEX.md":
            os.remove(os.path.join(OUT, f))
    sa, sb = "/tmp/ironic-capture-a", "/tmp/ironic-capture-b"
    try:
        start(PORT_A, sa, {"IRONIC_AUTH": "noauth"})
        capture_a(Client(PORT_A))
        stop(sa)
        start(PORT_B, sb, {"IRONIC_AUTH": "http_basic", "IRONIC_USER": "ironic",
                           "IRONIC_PASSWORD": "capture-pw",
                           "IRONIC_CONDUCTOR_GROUP": "rack1",
                           "IRONIC_FAKE_DELAYS": "power_delay=10"})
        capture_b(Client(PORT_B, auth="ironic:capture-pw"), Client(PORT_B))
    finally:
        stop(sa)
        stop(sb)
    with open(os.path.join(OUT, "INDEX.md"), "w") as f:
        f.write("# Ironic 21.4.4 request/response samples\n\n"
                "Generated by `capture_samples.py` against a real Ironic "
                "(fake-hardware, see ../README.md). One JSON file per call: "
                "`request` {method, path, headers, body} and `response` {status, "
                "reason, headers (minus Date), body}. Default microversion 1.46 "
                "(Nova's), otherwise as noted. 001-0xx noauth instance; `basic-*`, "
                "`*locked*`, `*group*` at the end: http_basic instance with conductor "
                "group rack1 and [fake]power_delay=10.\n\n"
                "| file | call | status | what |\n|---|---|---|---|\n")
        for fname, method, path, status, note in INDEX:
            f.write("| %s | `%s %s` | %s | %s |\n"
                    % (fname, method, path.replace("|", "\\|"), status, note))
    print("wrote %d samples to %s" % (len(INDEX), OUT))
    for m in MISMATCH:
        print("UNEXPECTED STATUS " + m, file=sys.stderr)
    sys.exit(1 if MISMATCH else 0)


if __name__ == "__main__":
    main()
