#!/usr/bin/env bash
# End-to-end check, with curl, of Keystone + an Ironic that uses it
# (auth_strategy=keystone): password and application-credential tokens,
# catalog lookup of the baremetal endpoint, 200 with a token, 401 without /
# with a garbage / revoked / expired token.
#
# Uses the running Keystone (KS_STATE_DIR) and the Ironic in its catalog.
# If Keystone is not running it starts both (start.sh with KS_WITH_IRONIC=1)
# and stops them again at the end.
#
# Env: KS_STATE_DIR=/tmp/ks-keystone  KS_IRONIC_STATE_DIR=/tmp/ks-ironic
#      E2E_SAMPLES=1   1: rewrite tests/data/keystone/samples/*.txt (secrets replaced by placeholders)
#      E2E_EXPIRY_WAIT=6  lifetime (s) of the short-lived application credential
#                         used for the expired-token check
#      E2E_KEYSTONE_DOWN=auto  1: also stop keystone briefly (ironic -> 503) and
#                         restart it; auto = only when e2e.sh started keystone itself
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PY=/usr/bin/python3
STATE="${KS_STATE_DIR:-/tmp/ks-keystone}"
CRED="$STATE/credentials"
SAMPLES="${E2E_SAMPLES:-1}"
EXPIRY_WAIT="${E2E_EXPIRY_WAIT:-6}"
V='X-OpenStack-Ironic-API-Version: 1.82'
W="$(mktemp -d /tmp/ks-e2e.XXXXXX)"
STARTED=0
PASS=0; FAIL=0
T_ALL="$(date +%s.%N)"

cleanup() {
  if [ "$STARTED" = 1 ]; then KS_WITH_IRONIC=1 "$HERE/stop.sh" || true; fi
  rm -rf -- "$W"
}
trap cleanup EXIT

if ! [ -s "$STATE/keystone.pid" ] || ! kill -0 "$(cat "$STATE/keystone.pid")" 2>/dev/null; then
  echo "e2e: keystone not running, starting keystone + ironic"
  KS_WITH_IRONIC=1 "$HERE/start.sh" || { echo "e2e: start failed" >&2; exit 1; }
  STARTED=1
fi
[ -r "$CRED" ] || { echo "e2e: no $CRED" >&2; exit 1; }
cv() { sed -n "s/^$1=//p" "$CRED" | tail -1; }
AUTH_URL="$(cv OS_AUTH_URL)"
DEMO_USER="$(cv KS_DEMO_USERNAME)"; DEMO_PW="$(cv KS_DEMO_PASSWORD)"; DEMO_PROJECT="$(cv KS_DEMO_PROJECT_NAME)"
DEMO_UID="$(cv KS_DEMO_USER_ID)"; DEMO_PID="$(cv KS_DEMO_PROJECT_ID)"
AC_ID="$(cv KS_APPCRED_ID)"; AC_SECRET="$(cv KS_APPCRED_SECRET)"
IR_USER="$(cv KS_IRONIC_USERNAME)"; IR_PW="$(cv KS_IRONIC_PASSWORD)"; SVC_PROJECT="$(cv KS_SERVICE_PROJECT_NAME)"
BM_EXPECTED="$(cv KS_BAREMETAL_URL)"

# secrets -> placeholders, for the samples
SECRETS="$W/secrets.tsv"; : > "$SECRETS"
secret() { [ -n "$1" ] && printf '%s\t%s\n' "$1" "$2" >> "$SECRETS"; }
secret "$DEMO_PW" "<DEMO_PASSWORD>"; secret "$AC_SECRET" "<APPCRED_SECRET>"
secret "$IR_PW" "<IRONIC_PASSWORD>"; secret "$(cv KS_ADMIN_PASSWORD)" "<ADMIN_PASSWORD>"

# req NAME METHOD URL BODY [HEADER...]  -> $CODE, files $W/NAME.{req,h,b}
req() {
  local name="$1" method="$2" url="$3" body="$4"; shift 4
  local args=(-sS --max-time 20 -X "$method" -D "$W/$name.h" -o "$W/$name.b" -w '%{http_code} %{time_total}')
  [ "$method" = HEAD ] && args=(-sS --max-time 20 -I -D "$W/$name.h" -o "$W/$name.b" -w '%{http_code} %{time_total}')
  local h
  { printf '%s %s\n' "$method" "$url"; for h in "$@"; do printf '%s\n' "$h"; done; } > "$W/$name.req"
  for h in "$@"; do args+=(-H "$h"); done
  if [ -n "$body" ]; then args+=(-H 'Content-Type: application/json' --data-binary "$body"); printf 'Content-Type: application/json\n\n%s\n' "$body" >> "$W/$name.req"; fi
  local out; out="$(curl "${args[@]}" "$url" 2>"$W/$name.err")" || true
  CODE="${out%% *}"; TIME="${out##* }"
}
hdr() { grep -i "^$2:" "$W/$1.h" | tail -1 | cut -d' ' -f2- | tr -d '\r'; }
jq_() { "$PY" -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$W/$1.b" 2>/dev/null; }
check() {  # description expected actual [extra]
  if [ "$2" = "$3" ]; then PASS=$((PASS+1)); printf 'PASS  %-62s %s %s\n' "$1" "$3" "${4:-}"
  else FAIL=$((FAIL+1)); printf 'FAIL  %-62s expected %s got %s %s\n' "$1" "$2" "$3" "${4:-}"; fi
}
pw_body() {  # user password project
  printf '{"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "%s", "domain": {"name": "Default"}, "password": "%s"}}}, "scope": {"project": {"name": "%s", "domain": {"name": "Default"}}}}}' "$1" "$2" "$3"
}
ac_body() { printf '{"auth": {"identity": {"methods": ["application_credential"], "application_credential": {"id": "%s", "secret": "%s"}}}}' "$1" "$2"; }

# ------------------------------------------------------------------ keystone
req 01-get-v3 GET "$AUTH_URL" ""
check "GET /v3 (version document)" 200 "$CODE" "${TIME}s"

req 02-password-auth POST "$AUTH_URL/auth/tokens" "$(pw_body "$DEMO_USER" "$DEMO_PW" "$DEMO_PROJECT")"
TOK="$(hdr 02-password-auth X-Subject-Token)"; secret "$TOK" "<TOKEN:demo-password>"
check "password auth (demo, project-scoped) -> 201 + X-Subject-Token" 201 "$CODE" "${TIME}s, token ${#TOK} chars"
BM="$(jq_ 02-password-auth '[e["url"] for s in d["token"]["catalog"] if s["type"]=="baremetal" for e in s["endpoints"] if e["interface"]=="public"][0]')"
check "catalog: baremetal public endpoint" "$BM_EXPECTED" "$BM"
BM="${BM:-$BM_EXPECTED}"

req 03-validate-token GET "$AUTH_URL/auth/tokens" "" "X-Auth-Token: $TOK" "X-Subject-Token: $TOK"
check "GET /v3/auth/tokens (validate own token)" 200 "$CODE" "${TIME}s"

req 04-appcred-auth POST "$AUTH_URL/auth/tokens" "$(ac_body "$AC_ID" "$AC_SECRET")"
ACT="$(hdr 04-appcred-auth X-Subject-Token)"; secret "$ACT" "<TOKEN:appcred>"
check "application credential auth -> 201" 201 "$CODE" "${TIME}s, methods $(jq_ 04-appcred-auth 'd["token"]["methods"]')"

req 07-password-auth-wrong POST "$AUTH_URL/auth/tokens" "$(pw_body "$DEMO_USER" "wrong-password" "$DEMO_PROJECT")"
check "password auth with a wrong password -> 401" 401 "$CODE" "${TIME}s"

req 09-password-auth-unscoped POST "$AUTH_URL/auth/tokens" \
  "$(printf '{"auth": {"identity": {"methods": ["password"], "password": {"user": {"id": "%s", "password": "%s"}}}}}' "$DEMO_UID" "$DEMO_PW")"
secret "$(hdr 09-password-auth-unscoped X-Subject-Token)" "<TOKEN:demo-noscope>"
check "password auth by user id, no scope -> 201" 201 "$CODE" \
  "(scoped to default_project_id: $(jq_ 09-password-auth-unscoped '"project" in d["token"] and d["token"]["project"]["name"]'))"

req 16-get-auth-catalog GET "$AUTH_URL/auth/catalog" "" "X-Auth-Token: $TOK"
check "GET /v3/auth/catalog" 200 "$CODE" "${TIME}s"

# ------------------------------------------------------------------ ironic
req 10-ironic-nodes-token GET "$BM/v1/nodes" "" "X-Auth-Token: $TOK" "$V"
check "ironic GET /v1/nodes with password token -> 200" 200 "$CODE" "${TIME}s"
req 11-ironic-nodes-no-token GET "$BM/v1/nodes" "" "$V"
check "ironic GET /v1/nodes without token -> 401" 401 "$CODE" "WWW-Authenticate: $(hdr 11-ironic-nodes-no-token WWW-Authenticate)"
req 14-ironic-nodes-garbage-token GET "$BM/v1/nodes" "" "X-Auth-Token: not-a-token" "$V"
check "ironic GET /v1/nodes with a garbage token -> 401" 401 "$CODE" "${TIME}s"
req x-ironic-root GET "$BM/" ""
check "ironic GET / (public, no token) -> 200" 200 "$CODE"
req 15-ironic-nodes-appcred GET "$BM/v1/nodes" "" "X-Auth-Token: $ACT" "$V"
check "ironic GET /v1/nodes with app-credential token -> 200" 200 "$CODE" "${TIME}s"

req x-service-auth POST "$AUTH_URL/auth/tokens" "$(pw_body "$IR_USER" "$IR_PW" "$SVC_PROJECT")"
SVT="$(hdr x-service-auth X-Subject-Token)"
req x-ironic-nodes-service GET "$BM/v1/nodes?fields=uuid" "" "X-Auth-Token: $SVT" "$V"
check "ironic GET /v1/nodes as ironic (admin) -> 200" 200 "$CODE" "$(jq_ x-ironic-nodes-service 'len(d["nodes"])') nodes visible"

# ------------------------------------------------------------------ revocation
req 05-revoke-token DELETE "$AUTH_URL/auth/tokens" "" "X-Auth-Token: $ACT" "X-Subject-Token: $ACT"
check "DELETE /v3/auth/tokens (revoke own app-cred token) -> 204" 204 "$CODE" "${TIME}s"
req 12-ironic-nodes-revoked GET "$BM/v1/nodes" "" "X-Auth-Token: $ACT" "$V"
check "ironic GET /v1/nodes with the revoked token -> 401" 401 "$CODE"
req 06-validate-revoked GET "$AUTH_URL/auth/tokens" "" "X-Auth-Token: $TOK" "X-Subject-Token: $ACT"
check "GET /v3/auth/tokens for the revoked token -> 404" 404 "$CODE"

# ------------------------------------------------------------------ expiry
EXP="$("$PY" -c "import datetime; print((datetime.datetime.utcnow()+datetime.timedelta(seconds=$EXPIRY_WAIT)).strftime('%Y-%m-%dT%H:%M:%S'))")"
req 08-create-appcred POST "$AUTH_URL/users/$DEMO_UID/application_credentials" \
  "{\"application_credential\": {\"name\": \"e2e-short-lived-$$\", \"expires_at\": \"$EXP\"}}" "X-Auth-Token: $TOK"
check "create application credential (expires in ${EXPIRY_WAIT}s) -> 201" 201 "$CODE"
SID="$(jq_ 08-create-appcred 'd["application_credential"]["id"]')"; SSEC="$(jq_ 08-create-appcred 'd["application_credential"]["secret"]')"
secret "$SSEC" "<SHORT_APPCRED_SECRET>"
req 17-appcred-auth-short POST "$AUTH_URL/auth/tokens" "$(ac_body "$SID" "$SSEC")"
STOK="$(hdr 17-appcred-auth-short X-Subject-Token)"; secret "$STOK" "<TOKEN:short-appcred>"
check "auth with it -> 201, token expires_at = credential expiry" 201 "$CODE" "expires_at $(jq_ 17-appcred-auth-short 'd["token"]["expires_at"]')"
req x-ironic-before-expiry GET "$BM/v1/nodes" "" "X-Auth-Token: $STOK" "$V"
check "ironic with that token before expiry -> 200" 200 "$CODE"
sleep $((EXPIRY_WAIT + 1))
req 13-ironic-nodes-expired GET "$BM/v1/nodes" "" "X-Auth-Token: $STOK" "$V"
check "ironic with that token after expiry -> 401" 401 "$CODE"
req x-validate-expired GET "$AUTH_URL/auth/tokens" "" "X-Auth-Token: $TOK" "X-Subject-Token: $STOK"
check "GET /v3/auth/tokens for the expired token -> 404" 404 "$CODE"
req x-delete-appcred DELETE "$AUTH_URL/users/$DEMO_UID/application_credentials/$SID" "" "X-Auth-Token: $TOK"
check "delete the short-lived application credential -> 204" 204 "$CODE"

# ------------------------------------------------------------------ keystone down
DOWN="${E2E_KEYSTONE_DOWN:-auto}"; [ "$DOWN" = auto ] && DOWN="$STARTED"
if [ "$DOWN" = 1 ]; then
  "$HERE/stop.sh" > /dev/null
  req 18-ironic-nodes-keystone-down GET "$BM/v1/nodes" "" "X-Auth-Token: $TOK" "$V"
  check "ironic with a valid token while keystone is down -> 503" 503 "$CODE" "${TIME}s"
  KS_TOKEN_EXPIRATION="$(cv KS_TOKEN_EXPIRATION)" "$HERE/start.sh" > /dev/null || echo "e2e: keystone restart failed" >&2
  req x-ironic-after-restart GET "$BM/v1/nodes" "" "X-Auth-Token: $TOK" "$V"
  check "same token after a keystone restart (fernet keys kept) -> 200" 200 "$CODE"
fi

# ------------------------------------------------------------------ samples
if [ "$SAMPLES" = 1 ]; then
  SAMPLE_DIR="$HERE/../../tests/data/keystone/samples"
  mkdir -p "$SAMPLE_DIR"
  "$PY" - "$W" "$SAMPLE_DIR" <<'EOF'
import glob, json, os, re, sys
w, out = sys.argv[1], sys.argv[2]
pairs = [l.rstrip("\n").split("\t", 1) for l in open(os.path.join(w, "secrets.tsv")) if "\t" in l]
pairs.sort(key=lambda p: -len(p[0]))          # longest first
def scrub(t):
    for s, ph in pairs:
        t = t.replace(s, ph)
    return t
def pretty(raw):
    raw = raw.strip()
    if not raw:
        return ""
    try:
        return json.dumps(json.loads(raw), indent=2)
    except ValueError:
        return raw
for f in glob.glob(os.path.join(out, "*.txt")):
    os.remove(f)
index = []
for reqf in sorted(glob.glob(os.path.join(w, "*.req"))):
    name = os.path.basename(reqf)[:-4]
    if name.startswith("x-"):
        continue
    rq = open(reqf).read()
    head, _, body = rq.partition("\n\n")
    head_lines = head.splitlines()
    # curl adds Content-Type itself when there is a body: keep it in the header block
    req_txt = "\n".join(head_lines) + "\n" + ("\n" + pretty(body) + "\n" if body.strip() else "")
    h = open(os.path.join(w, name + ".h"), encoding="latin-1").read().replace("\r", "").strip()
    b = open(os.path.join(w, name + ".b"), encoding="utf-8", errors="replace").read()
    txt = "### request\n" + req_txt + "\n### response\n" + h + "\n\n" + pretty(b) + "\n"
    with open(os.path.join(out, name + ".txt"), "w") as f:
        f.write(scrub(txt))
    index.append("%s  %s  -> %s" % (name, head_lines[0], h.splitlines()[0] if h else "?"))
with open(os.path.join(out, "INDEX.md"), "w") as f:
    f.write("# Keystone / Ironic auth captures (written by e2e.sh; secrets and tokens replaced by <PLACEHOLDERS>)\n\n" + scrub("\n".join("- `%s`" % l for l in index)) + "\n")
EOF
  echo "samples written to $SAMPLE_DIR ($(ls "$SAMPLE_DIR" | wc -l) files)"
fi

echo "e2e: $PASS passed, $FAIL failed in $("$PY" -c "import time; print('%.1f' % (time.time() - $T_ALL))")s"
[ "$FAIL" = 0 ]
