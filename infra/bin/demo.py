#!/usr/bin/env python3
"""Drives the golden path against a running stack (`make up`), through the gateway, with real tokens.

1. rhea (release-manager) registers the service `shop` (staging: no approval; production: approval required),
   whose deploy target is a small signed-webhook receiver this script runs on 127.0.0.1:8099;
2. a green GitHub `workflow_run` delivery, signed with the service's secret, arrives on /webhooks/github (with
   `make demo SOURCE=gitlab`: a green GitLab Pipeline Hook with the service's secret as its token, on /webhooks/gitlab;
   every later pipeline of the demo comes from GitLab too);
3. Passerelle records the release, raises a STANDARD change (authorized at once), calls the deploy target, which
   verifies the signature and reports SUCCEEDED to the request's `callbackUrl` with a pipeline token, signed with
   the deployment's callback credential (the request's `callbackToken`, never sent back: HMAC-SHA256 over
   "<X-Passerelle-Timestamp>." and the body, which carries a new `deliveryId`); production then waits for approval
   (NORMAL);
4. Alertmanager reports a firing alert for shop/staging: an incident opens with that deployment as top suspect;
5. alice (change-manager) declares a short freeze window on shop; the next green pipeline's change is authorized but
   held, nothing is deployed; when the window ends, the deployment goes out on its own;
6. a pipeline that deploys by itself asks at a gate whether it may deploy to production and waits; alice approves the
   change behind it, and the waiting request hears ALLOWED at once; the pipeline reports its outcome;
7. alice approves the first release into production; a second release follows it there and the deploy target
   reports it FAILED; Alertmanager fires for shop/production and an incident opens with it as top suspect; rhea
   (release-manager) rolls it back as an emergency the incident asks for: a ROLLBACK deployment of the release before,
   under its own EMERGENCY change, which erin (emergency-approver) approves; it goes out through the same target, and
   the undone deployment's change gets a BACKED_OUT line in its audit trail;
8. the DORA figures of shop in production (GET /api/v1/metrics/dora, the last 30 days): the four figures, their
   levels, and the deployments behind each;
9. the CDEvents Passerelle told the toolchain meanwhile (oscar, operator: GET /api/v1/cdevents since the demo began):
   each with its type, subject and delivery to the passerelle.cdevents exchange (and to any HTTP sink configured).
Every workflow run names its head commit with its time (as GitHub's do), committed CI_MINUTES before the run ended:
that is where lead time starts.
Only the standard library: urllib, hmac, http.server.
"""
import hashlib, hmac, json, os, secrets, sys, threading, time, urllib.error, urllib.parse, urllib.request, uuid
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

OFFSET = 10000 if os.environ.get("PASSERELLE_STACK") == "e2e" else 0
GATEWAY = f"http://127.0.0.1:{8080 + OFFSET}"
TOKEN_URL = f"http://127.0.0.1:{8180 + OFFSET}/realms/passerelle/protocol/openid-connect/token"
TARGET_PORT = int(os.environ.get("PASSERELLE_DEMO_TARGET_PORT", "8099"))
# where the pipelines come from: GitHub's workflow_run (default) or GitLab's Pipeline Hook (`make demo SOURCE=gitlab`),
# each with a service of its own (`shop`, `shop-gitlab`), so both demos run on one stack
SOURCE = os.environ.get("PASSERELLE_DEMO_SOURCE", "github")
SERVICE = "shop-gitlab" if SOURCE == "gitlab" else "shop"
REPO, SECRET = f"passerelle-demo/{SERVICE}", "shop-demo-webhook-secret-2026"
PROJECT = f"passerelle-demo/{SERVICE}"  # the same code on GitLab (gitlabProject)
CI_MINUTES = 7
FAILING = {}  # (commit, environment) -> the reason the demo's deploy target reports FAILED there


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

        failure = FAILING.get((request["commitSha"], request["environment"]))

        def report():
            time.sleep(0.5)
            outcome = json.dumps({"deliveryId": str(uuid.uuid4()), "state": "FAILED", "reason": failure} if failure
                                 else {"deliveryId": str(uuid.uuid4()), "state": "SUCCEEDED"}).encode()
            stamp = str(int(time.time()))
            signature = "sha256=" + hmac.new(request["callbackToken"].encode(), stamp.encode() + b"." + outcome,
                                             hashlib.sha256).hexdigest()
            status, _ = call("POST", request["callbackUrl"], client("passerelle-ci"), raw=outcome,
                             headers={"X-Passerelle-Timestamp": stamp, "X-Passerelle-Signature-256": signature})
            print(f"   deploy target: reported {'FAILED: ' + failure if failure else 'SUCCEEDED'} ({status})")
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


def utc(seconds):
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def deliver(sha, message="Update the shop"):
    """A green pipeline of the service on main at that commit, from SOURCE; retried until the catalog reaches the intake."""
    if SOURCE == "gitlab":
        return deliver_gitlab(sha, message)
    run = int(time.time() * 1000)
    payload = {"action": "completed",
               "workflow_run": {"id": run, "name": "CI", "head_branch": "main", "head_sha": sha,
                                "status": "completed", "conclusion": "success",
                                "html_url": f"https://github.com/{REPO}/actions/runs/{run}",
                                "updated_at": utc(time.time()),
                                "head_commit": {"id": sha, "message": message,
                                                "timestamp": utc(time.time() - CI_MINUTES * 60)},
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


def gitlab_time(seconds):
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")  # one of GitLab's formats


def deliver_gitlab(sha, message):
    """A green GitLab Pipeline Hook of PROJECT on main at that commit (its job `test` green too), with the service's
    secret as the hook's secret token and a new Idempotency-Key, as GitLab sends it."""
    run = int(time.time() * 1000)
    payload = {"object_kind": "pipeline",
               "object_attributes": {"id": run, "ref": "main", "tag": False, "sha": sha, "status": "success",
                                     "name": "CI", "url": f"https://gitlab.com/{PROJECT}/-/pipelines/{run}",
                                     "finished_at": gitlab_time(time.time())},
               "project": {"path_with_namespace": PROJECT, "web_url": f"https://gitlab.com/{PROJECT}",
                           "default_branch": "main"},
               "user": {"username": "demo-bot"},
               "commit": {"id": sha, "message": message, "timestamp": utc(time.time() - CI_MINUTES * 60)},
               "builds": [{"id": run + 1, "name": "test", "status": "success", "allow_failure": False,
                           "finished_at": gitlab_time(time.time())}]}
    raw = json.dumps(payload).encode()
    for attempt in range(60):  # the integration service learns the catalog from an event: wait for it
        status, body = call("POST", GATEWAY + "/webhooks/gitlab", raw=raw, headers={
            "X-Gitlab-Event": "Pipeline Hook", "X-Gitlab-Token": SECRET, "Idempotency-Key": str(uuid.uuid4())})
        if status == 202 and isinstance(body, dict) and body.get("outcome") == "accepted":
            return
        time.sleep(0.5)
    sys.exit(f"GitLab hook not accepted: {status} {body}")


def fire(environment, summary, sam):
    """A firing HighErrorRate alert of SERVICE in that environment, from Alertmanager: the incident it opens, and its
    top suspect (printed)."""
    fingerprint = secrets.token_hex(8)
    starts = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    status, body = call("POST", GATEWAY + "/webhooks/alertmanager", client("passerelle-monitoring"), {
        "version": "4", "groupKey": "{}:{alertname=\"HighErrorRate\"}", "truncatedAlerts": 0, "status": "firing",
        "receiver": "passerelle", "groupLabels": {}, "commonLabels": {}, "commonAnnotations": {},
        "externalURL": "http://alertmanager.local",
        "alerts": [{"status": "firing", "labels": {"alertname": "HighErrorRate", "service": SERVICE,
                                                  "environment": environment, "severity": "critical"},
                    "annotations": {"summary": summary}, "startsAt": starts,
                    "endsAt": "0001-01-01T00:00:00Z", "generatorURL": "http://prometheus.local/graph",
                    "fingerprint": fingerprint}]})
    if status != 202:
        sys.exit(f"alert not accepted: {status} {body}")
    incident = wait_for("the incident", lambda: listing(f"/api/v1/incidents?service={SERVICE}", sam),
                        lambda i: i.get("fingerprint") == fingerprint)
    top = (incident.get("suspects") or [{}])[0]
    print(f"   incident {incident['id']}: {incident['priority']} {incident['state']} '{incident['title']}'")
    print(f"   top suspect: deployment {top.get('deploymentId')} score {top.get('score')}: {top.get('reason')}")
    return incident, top


def freeze(rhea, alice):
    """Step 5: a freeze window holds a deployment, which goes out on its own when the window ends."""
    now = int(time.time())
    end = now + 20
    end_text = utc(end)
    status, window = call("POST", GATEWAY + "/api/v1/freeze-windows", alice, {
        "name": "Demo freeze", "reason": "make demo: a freeze holds deployments", "timeZone": "UTC",
        "start": utc(now), "end": end_text,
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


def planned_change(tok, sha, environment):
    """The change raised for the deployment of that commit to that environment."""
    planned = wait_for(f"the {environment} deployment of {sha[:12]} and its change",
                       lambda: listing(f"/api/v1/deployments?service={SERVICE}&environment={environment}", tok),
                       lambda d: d.get("commitSha") == sha and d.get("changeId"), 30)
    return call("GET", f"{GATEWAY}/api/v1/changes/{planned['changeId']}", tok)[1]


def approved(change, approver, tok, state):
    """approver approves the change; its deployment reaches that state (printed)."""
    status, body = call("POST", f"{GATEWAY}/api/v1/changes/{change['id']}/approve", approver, {"comment": "make demo"})
    if status != 200:
        sys.exit(f"approval refused: {status} {body}")
    done = wait_for(f"deployment {change['deploymentId']} {state}",
                    lambda: [call("GET", f"{GATEWAY}/api/v1/deployments/{change['deploymentId']}", tok)[1]],
                    lambda d: d.get("state") == state)
    print(f"   deployment {done['id']}: {done['service']} {done['version']} -> {done['environment']} {done['state']}"
          f" at {done.get('finishedAt')}{': ' + done['reason'] if done.get('reason') else ''}")
    return done


def rollback(rhea, sam, alice, first):
    """Step 7: a release that fails in production opens an incident; the on-call engineer confirms its top suspect, and
    the incident gets that deployment rolled back, under an emergency change, to the release before."""
    erin, otto = user("erin"), user("otto")
    print(f"7. alice approves change {first['id']}: the first release goes to production")
    before = approved(first, alice, rhea, "SUCCEEDED")
    sha = secrets.token_hex(20)
    FAILING[(sha, "production")] = "smoke test after the switch: 5xx above 5% on /checkout"
    print(f"   GitHub reports a second green run on main, commit {sha[:12]}; staging takes it at once")
    deliver(sha, "Checkout: new payment provider")
    change = planned_change(rhea, sha, "production")
    print(f"   alice approves its production change {change['id']} ({change['type']})")
    failed = approved(change, alice, rhea, "FAILED")
    incident, top = fire("production", "5xx above 5% on shop checkout", sam)
    base = f"{GATEWAY}/api/v1/incidents/{incident['id']}"
    status, body = call("POST", base + "/acknowledge", otto)
    if status != 200:
        sys.exit(f"acknowledgement refused: {status} {body}")
    print(f"   otto (on-call) acknowledges it: {body['state']}")
    reason = "the errors began as this release reached production"
    status, body = call("POST", f"{base}/suspects/{top.get('deploymentId')}/confirm", otto, {"reason": reason})
    if status != 200:
        sys.exit(f"confirmation refused: {status} {body}")
    print(f"   otto confirms the top suspect, deployment {top.get('deploymentId')}, as the cause: {reason}")
    planned = wait_for("the rollback the incident asked for",
                       lambda: listing(f"/api/v1/deployments?service={SERVICE}", rhea),
                       lambda d: d.get("rollbackOf") == failed["id"] and d.get("changeId"))
    print(f"   release-service plans rollback deployment {planned['id']}: {planned['kind']} of {planned['rollbackOf']},"
          f" puts back {planned['service']} {planned['version']} in {planned['environment']}")
    emergency = call("GET", f"{GATEWAY}/api/v1/changes/{planned['changeId']}", rhea)[1]
    print(f"   its change {emergency['id']}: {emergency['type']} '{emergency['title']}', requested by "
          f"{emergency['requestedBy']}, {emergency['state']}; erin (emergency-approver) approves it")
    done = approved(emergency, erin, rhea, "SUCCEEDED")
    caused = wait_for("the undone change's link to the incident",
                      lambda: [call("GET", f"{GATEWAY}/api/v1/changes/{change['id']}", rhea)[1]],
                      lambda c: c.get("causedIncidents"))
    print(f"   the undone deployment's change {caused['id']} caused incident "
          f"{caused['causedIncidents'][0]['incidentId']} (confirmed by {caused['causedIncidents'][0]['confirmedBy']})")
    lines = wait_for("the rollback's outcome on the incident's timeline",
                     lambda: [call("GET", base + "/timeline", sam)[1]],
                     lambda t: any(e["kind"] == "DEPLOYMENT" and "rolled back" in e["text"] for e in t))
    print(f"   the incident's timeline ({len(lines)} lines):")
    for e in lines:
        print(f"     {e['at'][:19]}Z {e['kind']:<16} {e['actor']:<28} {e['text'][:110]}")
    return (top.get("deploymentId") == failed["id"] and done["version"] == before["version"]
            and emergency["type"] == "EMERGENCY")


def took(seconds):
    if seconds is None:
        return "-"
    minutes, rest = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return (f"{hours} h {minutes} min" if hours else f"{minutes} min {rest} s" if minutes else f"{rest} s")


def dora(rhea):
    """Step 8: the DORA figures of the demo service, their levels, and the deployments behind each."""
    status, m = call("GET", f"{GATEWAY}/api/v1/metrics/dora?service={SERVICE}", rhea)
    if status != 200:
        sys.exit(f"DORA figures refused: {status} {m}")
    scope = ", ".join(f"{s['service']} in {s['environment']}" for s in m["scope"])
    print(f"8. DORA figures of {scope}, {m['from'][:16]}Z to {m['to'][:16]}Z "
          f"(rhea: GET /api/v1/metrics/dora?service={SERVICE})")
    frequency, lead, failure, recovery = (m["deploymentFrequency"], m["leadTimeForChanges"], m["changeFailureRate"],
                                          m["failedDeploymentRecoveryTime"])
    level = lambda figure: figure.get("level") or "no level (nothing to measure)"
    rate = f"{failure['rate'] * 100:.0f} %" if "rate" in failure else "-"
    print(f"   deployment frequency   {frequency['successfulDeployments']} successful: {frequency['perDay']:.2f} a day,"
          f" {frequency['perWeek']:.2f} a week -> {level(frequency)}")
    print(f"   lead time for changes  median {took(lead.get('medianSeconds'))}, p90 {took(lead.get('p90Seconds'))} "
          f"({lead['measured']} measured; {lead['withoutCommitTime']} not: rollbacks, and releases without a head "
          f"commit time) -> {level(lead)}")
    print(f"   change failure rate    {failure['failures']} of {failure['finishedDeployments']} finished deployments "
          f"failed: {rate} -> {level(failure)}")
    print(f"   recovery time          median {took(recovery.get('medianSeconds'))}, p90 "
          f"{took(recovery.get('p90Seconds'))} ({recovery['recovered']} recovered, {recovery['unrecovered']} not yet)"
          f" -> {level(recovery)}")
    environment = m["scope"][0]["environment"] if m["scope"] else "production"
    kinds = {d["id"]: d for d in listing(f"/api/v1/deployments?service={SERVICE}&environment={environment}", rhea)}
    behind = {}
    for name, figure in (("frequency", frequency), ("lead time", lead), ("failure", failure),
                         ("recovery", recovery)):
        for d in figure["deployments"]["items"]:
            row = behind.setdefault(d["id"], ({}, []))  # each figure tells its own part: lead time, recovery
            row[0].update(d)
            row[1].append(name)
    rows = sorted(behind.values(), key=lambda row: row[0]["finishedAt"], reverse=True)
    print(f"   the deployments behind them, newest first ({len(rows)}):")
    for d, figures in rows[:10]:
        record = kinds.get(d["id"], {})
        what = (f"ROLLBACK of {record['rollbackOf'][:8]}" if record.get("kind") == "ROLLBACK" else "DEPLOY")
        detail = [f"lead time {took(d['leadTimeSeconds'])}" if "leadTimeSeconds" in d else "",
                  d.get("reason", "") if d["result"] == "FAILED" else "",
                  f"recovered by {d['recoveredBy'][:8]} after {took(d['recoverySeconds'])}"
                  if "recoveredBy" in d else ""]
        print(f"     {d['finishedAt'][:19]}Z {d['id'][:8]} {d['version']} {what:<20} {d['result']:<9} "
              f"[{', '.join(figures)}] {'; '.join(x for x in detail if x)}".rstrip())
    if len(rows) > 10:
        print(f"     … and {len(rows) - 10} more (each figure lists up to 100)")


def cdevents(since):
    """Step 9: the CDEvents produced since the demo began, as the toolchain received them (or will)."""
    oscar = user("oscar")
    expected = ("dev.cdevents.ticket.created.", "dev.cdevents.approval.closed.", "dev.cdevents.service.deployed.",
                "dev.cdevents.service.rolledback.", "dev.cdevents.incident.detected.")
    missing, deadline = expected, time.time() + 30
    while missing and time.time() < deadline:  # the exchange's relay confirms within a second or so
        produced = listing(f"/api/v1/cdevents?since={urllib.parse.quote(since)}&limit=500", oscar)
        missing = [t for t in expected if not any(e["type"].startswith(t) and delivered(e) for e in produced)]
        time.sleep(0.5)
    if missing:
        print(f"9. CDEvents missing or undelivered after 30 s: {', '.join(missing)}")
        return False
    print(f"9. the CDEvents Passerelle told the toolchain during the demo ({len(produced)}; oscar: GET /api/v1/cdevents"
          f"?since={since}), on the passerelle.cdevents exchange (routing key = type) and any HTTP sink:")
    for e in produced[:40]:
        where = ", ".join(f"{d['destination']} {d['state']}" for d in e["deliveries"])
        print(f"     {e['time'][:19]}Z {e['type']:<46} {e['subject'][:40]:<40} {where}")
    if len(produced) > 40:
        print(f"     … and {len(produced) - 40} more")
    return True


def delivered(event):
    return all(d["state"] == "DELIVERED" for d in event["deliveries"])


def main():
    began = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    try:
        rhea, sam, alice = user("rhea"), user("sam"), user("alice")
    except OSError as e:
        sys.exit(f"Keycloak is not answering on {TOKEN_URL} ({e}): run `make up` first")
    server = ThreadingHTTPServer(("127.0.0.1", TARGET_PORT), DeployTarget)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    target = f"http://127.0.0.1:{TARGET_PORT}/deploy"

    print(f"1. rhea registers the service '{SERVICE}' ({REPO} on GitHub, {PROJECT} on GitLab)")
    status, body = call("POST", GATEWAY + "/api/v1/services", rhea, {
        "name": SERVICE, "repository": REPO, "gitlabProject": PROJECT, "defaultBranch": "main", "webhookSecret": SECRET,
        "environments": [
            {"name": "staging", "order": 1, "requiresApproval": False, "deployTarget": {"type": "webhook", "url": target}},
            {"name": "production", "order": 2, "requiresApproval": True, "deployTarget": {"type": "webhook", "url": target}}]})
    if status not in (201, 409):
        sys.exit(f"registration failed: {status} {body}")
    print("   registered" if status == 201 else "   already registered")

    sha = secrets.token_hex(20)
    print(f"2. {'GitLab reports a green pipeline (Pipeline Hook)' if SOURCE == 'gitlab' else 'GitHub reports a green workflow run'}"
          f" on main, commit {sha[:12]}")
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
    production = planned_change(rhea, sha, "production")
    print(f"   production: change {production['id']} is {production['type']} and waits for a change manager "
          f"(alice or bob: POST /api/v1/changes/{{id}}/approve)")

    print(f"4. Alertmanager: HighErrorRate fires for {SERVICE} in staging")
    incident, top = fire("staging", f"5xx above 5% on {SERVICE}", sam)
    ok = top.get("deploymentId") == deployment["id"]
    ok = freeze(rhea, alice) and ok
    ok = gate(alice) and ok
    ok = rollback(rhea, sam, alice, production) and ok
    dora(rhea)
    ok = cdevents(began) and ok
    print("\nGolden path done: standard change authorized, deployment succeeded, incident linked to it, a freeze held a"
          " deployment and released it, a gate opened by a change manager's approval, a failed release rolled back"
          " under an emergency change once the on-call engineer confirmed it caused the incident, the DORA figures behind"
          " it all, and each step told the toolchain as CDEvents." if ok else "\nUnexpected: the top suspect"
          " is not the deployment just made, the frozen deployment went out before its freeze ended, the gate was not"
          " allowed, the rollback did not put the release before back, or a CDEvent of the path is missing.")
    print(f"\nSee it in the web console: {GATEWAY}/ — alice (approvals, calendar, changes), rhea (releases), otto"
          " (incidents), pia (problems); the password is the user name.")
    server.shutdown()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
