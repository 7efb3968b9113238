#!/usr/bin/env python3
"""Drives the golden path against a running stack (`make up`), through the gateway, with real tokens.

1. rhea (release-manager) registers the service `shop` (staging: no approval; production: approval required),
   whose deploy target is a small signed-webhook receiver this script runs on 127.0.0.1:8099;
2. a green GitHub `workflow_run` delivery, signed with the service's secret, arrives on /webhooks/github;
3. Passerelle records the release, raises a STANDARD change (authorized at once), calls the deploy target, which
   verifies the signature and reports SUCCEEDED to the request's `callbackUrl` with a pipeline token, signed with
   the deployment's callback credential (the request's `callbackToken`, never sent back: HMAC-SHA256 over
   "<X-Passerelle-Timestamp>." and the body, which carries a new `deliveryId`); production then waits for approval
   (NORMAL);
4. Alertmanager reports a firing alert for shop/staging: an incident opens with that deployment as top suspect;
5. alice (change-manager) declares a short freeze window on shop; the next green pipeline's change is authorized but
   held, nothing is deployed; when the window ends, the deployment goes out on its own;
6. a pipeline that deploys by itself asks at a gate whether it may deploy to production and waits; alice approves the
   change behind it, and the waiting request hears ALLOWED at once; the pipeline reports its outcome.
Only the standard library: urllib, hmac, http.server.
"""
import hashlib, hmac, json, os, secrets, sys, threading, time, urllib.error, urllib.parse, urllib.request, uuid
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

OFFSET = 10000 if os.environ.get("PASSERELLE_STACK") == "e2e" else 0
GATEWAY = f"http://127.0.0.1:{8080 + OFFSET}"
TOKEN_URL = f"http://127.0.0.1:{8180 + OFFSET}/realms/passerelle/protocol/openid-connect/token"
TARGET_PORT = int(os.environ.get("PASSERELLE_DEMO_TARGET_PORT", "8099"))
SERVICE, REPO, SECRET = "shop", "passerelle-demo/shop", "shop-demo-webhook-secret-2026"


def call(method, url, token=None, body=None, headers=None, raw=None):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    request = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    for k, v in (headers or {}).items():
        request.add_header(k, v)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read().decode()
            return response.status, (json.loads(text) if text else None)
    except urllib.error.HTTPError as e:
        text = e.read().decode()
        try:
            return e.code, json.loads(text)
        except ValueError:
            return e.code, text


def token(**form):
    data = urllib.parse.urlencode(form).encode()
    with urllib.request.urlopen(urllib.request.Request(TOKEN_URL, data=data), timeout=30) as response:
        return json.loads(response.read())["access_token"]


def user(name):
    return token(grant_type="password", client_id="passerelle-cli", username=name, password=name)


def client(client_id):
    return token(grant_type="client_credentials", client_id=client_id, client_secret=client_id + "-secret")


def sign(content):
    return "sha256=" + hmac.new(SECRET.encode(), content, hashlib.sha256).hexdigest()


class DeployTarget(BaseHTTPRequestHandler):
    """What a team's deploy hook does: check Passerelle's signature, deploy, report the outcome."""

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        timestamp = self.headers.get("X-Passerelle-Timestamp", "0")
        signed = sign(timestamp.encode() + b"." + body)  # Passerelle signs "<timestamp>." + body
        fresh = timestamp.isdigit() and abs(time.time() - int(timestamp)) <= 300
        if not fresh or not hmac.compare_digest(signed, self.headers.get("X-Passerelle-Signature-256", "")):
            self.send_response(401); self.end_headers(); return
        request = json.loads(body)
        self.send_response(202); self.end_headers()
        print(f"   deploy target: signed request for {request['service']} {request['version']} -> {request['environment']}")

        def report():
            time.sleep(0.5)
            outcome = json.dumps({"deliveryId": str(uuid.uuid4()), "state": "SUCCEEDED"}).encode()
            stamp = str(int(time.time()))
            signature = "sha256=" + hmac.new(request["callbackToken"].encode(), stamp.encode() + b"." + outcome,
                                             hashlib.sha256).hexdigest()
            status, _ = call("POST", request["callbackUrl"], client("passerelle-ci"), raw=outcome,
                             headers={"X-Passerelle-Timestamp": stamp, "X-Passerelle-Signature-256": signature})
            print(f"   deploy target: reported SUCCEEDED ({status})")
        threading.Thread(target=report, daemon=True).start()

    def log_message(self, *args):
        pass


def wait_for(what, fetch, matches, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        for item in fetch() or []:
            if matches(item):
                return item
        time.sleep(0.3)
    sys.exit(f"timed out waiting for {what}")


def listing(path, tok):
    status, body = call("GET", GATEWAY + path, tok)
    return body if status == 200 else []


def deliver(sha):
    """A green workflow_run of REPO on main at that commit, signed; retried until the catalog reaches the intake."""
    run = int(time.time() * 1000)
    payload = {"action": "completed",
               "workflow_run": {"id": run, "name": "CI", "head_branch": "main", "head_sha": sha,
                                "status": "completed", "conclusion": "success",
                                "html_url": f"https://github.com/{REPO}/actions/runs/{run}",
                                "updated_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                                "actor": {"login": "demo-bot"}},
               "repository": {"full_name": REPO, "default_branch": "main"}}
    raw = json.dumps(payload).encode()
    for attempt in range(60):  # the integration service learns the catalog from an event: wait for it
        status, body = call("POST", GATEWAY + "/webhooks/github", raw=raw, headers={
            "X-GitHub-Event": "workflow_run", "X-GitHub-Delivery": secrets.token_hex(16), "X-Hub-Signature-256": sign(raw)})
        if status == 202 and isinstance(body, dict) and body.get("outcome") == "accepted":
            return
        time.sleep(0.5)
    sys.exit(f"webhook not accepted: {status} {body}")


def freeze(rhea, alice):
    """Step 5: a freeze window holds a deployment, which goes out on its own when the window ends."""
    now = datetime.now(timezone.utc).replace(microsecond=0)
    end = now.timestamp() + 20
    end_text = datetime.fromtimestamp(end, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    status, window = call("POST", GATEWAY + "/api/v1/freeze-windows", alice, {
        "name": "Demo freeze", "reason": "make demo: a freeze holds deployments", "timeZone": "UTC",
        "start": now.strftime("%Y-%m-%dT%H:%M:%SZ"), "end": end_text,
        "scope": {"services": [SERVICE], "environments": ["staging"]}})
    if status != 201:
        sys.exit(f"freeze window not declared: {status} {window}")
    print(f"5. alice declares the freeze window '{window['name']}' on {SERVICE} in staging until {end_text}")
    sha = secrets.token_hex(20)
    deliver(sha)
    deployment = wait_for("the frozen deployment", lambda: listing(f"/api/v1/deployments?service={SERVICE}", rhea),
                          lambda d: d.get("commitSha") == sha and d.get("environment") == "staging")
    held = wait_for("its held change", lambda: listing(f"/api/v1/changes?service={SERVICE}", rhea),
                    lambda c: c.get("deploymentId") == deployment["id"] and c.get("hold"))
    print(f"   commit {sha[:12]}: change {held['id']} is {held['type']} {held['state']}, held by "
          f"{', '.join(held['hold']['windows'])} until {held['hold']['until']}; deployment {deployment['state']}")
    done = wait_for("the deployment after the freeze", lambda: listing(f"/api/v1/deployments?service={SERVICE}", rhea),
                    lambda d: d.get("id") == deployment["id"] and d.get("state") == "SUCCEEDED", 90)
    print(f"   the freeze ended; deployment {done['id']} went out on its own: {done['state']} at {done.get('finishedAt')}")
    return time.time() > end


def gate(alice):
    """Step 6: a pipeline that deploys by itself waits at a gate; a change manager approves; the wait ends."""
    ci = client("passerelle-ci")
    sha = secrets.token_hex(20)
    status, opened = call("POST", GATEWAY + "/api/v1/gates", ci, {
        "service": SERVICE, "environment": "production", "commitSha": sha, "actor": "demo-bot",
        "runUrl": f"https://github.com/{REPO}/actions/runs/{int(time.time())}"})
    if status != 201:
        sys.exit(f"gate not opened: {status} {opened}")
    url = GATEWAY + "/api/v1/gates/" + opened["id"]
    print(f"6. a pipeline asks whether it may deploy {sha[:12]} to production: gate {opened['id']} {opened['decision']}")
    answer = {}

    def wait():
        answer["status"], answer["gate"] = call("GET", url + "?wait=60", ci)
        answer["at"] = time.monotonic()

    waiting = threading.Thread(target=wait)
    waiting.start()
    gate_now = wait_for("the change behind the gate", lambda: [call("GET", url, ci)[1]],
                        lambda g: g.get("changeId"))
    time.sleep(0.5)  # the pipeline is waiting
    status, change = call("POST", f"{GATEWAY}/api/v1/changes/{gate_now['changeId']}/approve", alice,
                          {"comment": "make demo"})
    approved = time.monotonic()
    if status != 200:
        sys.exit(f"approval refused: {status} {change}")
    waiting.join(60)
    decided = answer.get("gate") or {}
    print(f"   alice approves change {gate_now['changeId']}; the waiting pipeline hears {decided.get('decision')} "
          f"{(answer.get('at', approved) - approved) * 1000:.0f} ms later")
    status, reported = call("POST", url + "/outcome", ci, {"result": "SUCCEEDED"})
    print(f"   the pipeline deploys and reports SUCCEEDED: the change is closed ({status})")
    return decided.get("decision") == "ALLOWED" and status == 200


def main():
    try:
        rhea, sam, alice = user("rhea"), user("sam"), user("alice")
    except OSError as e:
        sys.exit(f"Keycloak is not answering on {TOKEN_URL} ({e}): run `make up` first")
    server = ThreadingHTTPServer(("127.0.0.1", TARGET_PORT), DeployTarget)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    target = f"http://127.0.0.1:{TARGET_PORT}/deploy"

    print(f"1. rhea registers the service '{SERVICE}' ({REPO})")
    status, body = call("POST", GATEWAY + "/api/v1/services", rhea, {
        "name": SERVICE, "repository": REPO, "defaultBranch": "main", "webhookSecret": SECRET,
        "environments": [
            {"name": "staging", "order": 1, "requiresApproval": False, "deployTarget": {"type": "webhook", "url": target}},
            {"name": "production", "order": 2, "requiresApproval": True, "deployTarget": {"type": "webhook", "url": target}}]})
    if status not in (201, 409):
        sys.exit(f"registration failed: {status} {body}")
    print("   registered" if status == 201 else "   already registered")

    sha = secrets.token_hex(20)
    print(f"2. GitHub reports a green workflow run on main, commit {sha[:12]}")
    deliver(sha)
    print("   accepted (202)")

    deployment = wait_for("the staging deployment", lambda: listing(f"/api/v1/deployments?service={SERVICE}", rhea),
                          lambda d: d.get("commitSha") == sha and d.get("environment") == "staging"
                          and d.get("state") == "SUCCEEDED")
    change = wait_for("its change", lambda: listing(f"/api/v1/changes?service={SERVICE}", rhea),
                      lambda c: c.get("deploymentId") == deployment["id"])
    print(f"3. change {change['id']}: {change['type']}, requested by {change['requestedBy']}, authorized at once at "
          f"{change.get('authorizedAt')} by {change.get('authorizedBy')}; now {change['state']}")
    print(f"   deployment {deployment['id']}: {deployment['service']} {deployment['version']} -> "
          f"{deployment['environment']} {deployment['state']} at {deployment.get('finishedAt')}")
    production = wait_for("the production change", lambda: listing(f"/api/v1/changes?service={SERVICE}", rhea),
                          lambda c: c.get("environment") == "production" and c.get("state") == "PENDING_APPROVAL", 30)
    print(f"   production: change {production['id']} is {production['type']} and waits for a change manager "
          f"(alice or bob: POST /api/v1/changes/{{id}}/approve)")

    fingerprint = secrets.token_hex(8)
    starts = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    print("4. Alertmanager: HighErrorRate fires for shop in staging")
    status, body = call("POST", GATEWAY + "/webhooks/alertmanager", client("passerelle-monitoring"), {
        "version": "4", "groupKey": "{}:{alertname=\"HighErrorRate\"}", "truncatedAlerts": 0, "status": "firing",
        "receiver": "passerelle", "groupLabels": {}, "commonLabels": {}, "commonAnnotations": {},
        "externalURL": "http://alertmanager.local",
        "alerts": [{"status": "firing", "labels": {"alertname": "HighErrorRate", "service": SERVICE,
                                                  "environment": "staging", "severity": "critical"},
                    "annotations": {"summary": "5xx above 5% on shop"}, "startsAt": starts,
                    "endsAt": "0001-01-01T00:00:00Z", "generatorURL": "http://prometheus.local/graph",
                    "fingerprint": fingerprint}]})
    if status != 202:
        sys.exit(f"alert not accepted: {status} {body}")
    incident = wait_for("the incident", lambda: listing(f"/api/v1/incidents?service={SERVICE}", sam),
                        lambda i: i.get("fingerprint") == fingerprint)
    top = (incident.get("suspects") or [{}])[0]
    print(f"   incident {incident['id']}: {incident['priority']} {incident['state']} '{incident['title']}'")
    print(f"   top suspect: deployment {top.get('deploymentId')} score {top.get('score')}: {top.get('reason')}")
    ok = top.get("deploymentId") == deployment["id"]
    ok = freeze(rhea, alice) and ok
    ok = gate(alice) and ok
    print("\nGolden path done: standard change authorized, deployment succeeded, incident linked to it, a freeze held a"
          " deployment and released it, a gate opened by a change manager's approval." if ok else "\nUnexpected: the"
          " top suspect is not the deployment just made, the frozen deployment went out before its freeze ended, or"
          " the gate was not allowed.")
    server.shutdown()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
