#!/usr/bin/env python3
"""Checks the manifests `helm template` renders from helm/onedoor.

    python3 helm/onedoor/tests/check-manifests.py [--helm PATH] [--chart DIR]

For the default values and every ci/*-values.yaml file it renders the chart and asserts
what a platform team relies on: probes, resources, security contexts, the migration
hook, least-privilege secrets, consistent selectors. It then renders with values the
schema (or the chart's own validation) must refuse and expects helm to fail.

Needs python3 and PyYAML (.ci/helm-check installs PyYAML when it is missing).
Prints one line per failed check and closes with "N passed, N failed".
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("check-manifests.py needs PyYAML: python3 -m pip install --user pyyaml")

RELEASE = "onedoor"
NAMESPACE = "onedoor"
HOOK = "helm.sh/hook"
HOOK_WEIGHT = "helm.sh/hook-weight"
HOOK_DELETE = "helm.sh/hook-delete-policy"
SCHEMA_ERROR = "don't meet the specifications of the schema"
REQUIRED_LABELS = (
    "app.kubernetes.io/name",
    "app.kubernetes.io/instance",
    "app.kubernetes.io/version",
    "app.kubernetes.io/managed-by",
    "helm.sh/chart",
)


class Checker:
    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0

    def check(self, ok: bool, what: str) -> bool:
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL: {what}")
        return ok


def render(helm: str, chart: Path, args: list[str]) -> subprocess.CompletedProcess:
    cmd = [helm, "template", RELEASE, str(chart), "--namespace", NAMESPACE, *args]
    return subprocess.run(cmd, capture_output=True, text=True)


def load(stdout: str) -> list[dict]:
    return [d for d in yaml.safe_load_all(stdout) if d]


def name_of(o: dict) -> str:
    return f"{o['kind']}/{o['metadata']['name']}"


def annotations(o: dict) -> dict:
    return o.get("metadata", {}).get("annotations") or {}


def is_hook(o: dict) -> bool:
    return HOOK in annotations(o)


def hook_weight(o: dict) -> int:
    return int(annotations(o).get(HOOK_WEIGHT, "0"))


def pod_spec(o: dict) -> dict | None:
    if o["kind"] in ("Deployment", "StatefulSet", "DaemonSet", "Job"):
        return o["spec"]["template"]["spec"]
    if o["kind"] == "CronJob":
        return o["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    return None


def component(o: dict) -> str | None:
    return (o["metadata"].get("labels") or {}).get("app.kubernetes.io/component")


def env_names(c: dict) -> set[str]:
    return {e["name"] for e in c.get("env") or []}


def secret_refs(spec: dict) -> set[tuple[str, str]]:
    refs = set()
    for c in spec.get("containers", []) + spec.get("initContainers", []):
        for e in c.get("env") or []:
            ref = (e.get("valueFrom") or {}).get("secretKeyRef")
            if ref:
                refs.add((ref["name"], ref["key"]))
    return refs


def enabled(values: dict, extra_args: list[str], key: str) -> bool:
    """Whether <key>.enabled is on, given a values file and --set arguments."""
    on = (values.get(key) or {}).get("enabled", True)
    for arg in extra_args:
        if arg.startswith(f"{key}.enabled="):
            on = arg.split("=", 1)[1] == "true"
    return on


def check_manifests(ck: Checker, label: str, objs: list[dict], chart_meta: dict, values: dict, extra_args: list[str] = ()) -> None:
    by_kind: dict[str, list[dict]] = {}
    for o in objs:
        by_kind.setdefault(o["kind"], []).append(o)
    deployments = {component(d): d for d in by_kind.get("Deployment", [])}
    jobs = by_kind.get("Job", [])
    secrets = {s["metadata"]["name"]: s for s in by_kind.get("Secret", [])}
    accounts = {s["metadata"]["name"]: s for s in by_kind.get("ServiceAccount", [])}

    ck.check("api" in deployments, f"[{label}] an api Deployment is rendered")
    if enabled(values, extra_args, "workers"):
        ck.check("workers" in deployments, f"[{label}] a workers Deployment is rendered")
    if enabled(values, extra_args, "migrations"):
        ck.check(len(jobs) == 1, f"[{label}] exactly one Job (migrations) is rendered")

    # Labels and namespaces on everything.
    for o in objs:
        labels = o["metadata"].get("labels") or {}
        missing = [k for k in REQUIRED_LABELS if k not in labels]
        ck.check(not missing, f"[{label}] {name_of(o)} has the standard labels (missing {missing})")
        ck.check(labels.get("app.kubernetes.io/instance") == RELEASE, f"[{label}] {name_of(o)} instance label is the release")
        ck.check(o["metadata"].get("namespace") == NAMESPACE, f"[{label}] {name_of(o)} sets metadata.namespace")

    # Only the migration Job and its own Secret/ServiceAccount are hooks.
    for o in objs:
        if o["kind"] in ("Job",) or (o["kind"] in ("Secret", "ServiceAccount") and component(o) == "migrate"):
            continue
        ck.check(not is_hook(o), f"[{label}] {name_of(o)} is a regular release resource, not a hook")

    # Every pod and container.
    for o in objs:
        spec = pod_spec(o)
        if spec is None:
            continue
        n = name_of(o)
        psc = spec.get("securityContext") or {}
        ck.check(psc.get("runAsNonRoot") is True, f"[{label}] {n} pod runAsNonRoot")
        ck.check(psc.get("runAsUser") == 10001, f"[{label}] {n} pod runAsUser 10001")
        ck.check((psc.get("seccompProfile") or {}).get("type") == "RuntimeDefault", f"[{label}] {n} pod seccompProfile RuntimeDefault")
        ck.check(spec.get("automountServiceAccountToken") is False, f"[{label}] {n} does not mount a service account token")
        tmp_volumes = {v["name"] for v in spec.get("volumes") or [] if "emptyDir" in v}
        containers = spec.get("containers", []) + spec.get("initContainers", [])
        ck.check(bool(containers), f"[{label}] {n} has containers")
        for c in containers:
            cn = f"{n} container {c['name']}"
            res = c.get("resources") or {}
            for kind in ("requests", "limits"):
                for r in ("cpu", "memory"):
                    ck.check(r in (res.get(kind) or {}), f"[{label}] {cn} resources.{kind}.{r}")
            sc = c.get("securityContext") or {}
            ck.check(sc.get("runAsNonRoot") is True, f"[{label}] {cn} runAsNonRoot")
            ck.check(sc.get("runAsUser") == 10001, f"[{label}] {cn} runAsUser 10001")
            ck.check(sc.get("readOnlyRootFilesystem") is True, f"[{label}] {cn} readOnlyRootFilesystem")
            ck.check(sc.get("allowPrivilegeEscalation") is False, f"[{label}] {cn} allowPrivilegeEscalation false")
            ck.check(sc.get("privileged") in (None, False), f"[{label}] {cn} not privileged")
            ck.check("ALL" in ((sc.get("capabilities") or {}).get("drop") or []), f"[{label}] {cn} drops ALL capabilities")
            ck.check(not (sc.get("capabilities") or {}).get("add"), f"[{label}] {cn} adds no capabilities")
            ck.check((sc.get("seccompProfile") or {}).get("type") == "RuntimeDefault", f"[{label}] {cn} seccompProfile RuntimeDefault")
            mounts = {m["mountPath"]: m["name"] for m in c.get("volumeMounts") or []}
            ck.check(mounts.get("/tmp") in tmp_volumes, f"[{label}] {cn} has an emptyDir at /tmp")
            ck.check(":" in c["image"] or "@" in c["image"], f"[{label}] {cn} image is pinned to a tag or digest")
            env = {e["name"]: e for e in c.get("env") or []}
            for secret_env in ("DATABASE_URL", "DATABASE_OWNER_URL", "REDIS_URL"):
                if secret_env in env:
                    ck.check("valueFrom" in env[secret_env] and "value" not in env[secret_env],
                             f"[{label}] {cn} takes {secret_env} from a Secret, not a literal")

    # Image tag defaults to appVersion.
    if not values.get("image", {}).get("tag") and not values.get("image", {}).get("digest") and not any(x.startswith("image.") for x in extra_args):
        api_image = deployments["api"]["spec"]["template"]["spec"]["containers"][0]["image"]
        ck.check(api_image.endswith(":" + str(chart_meta["appVersion"])), f"[{label}] image tag defaults to appVersion ({api_image})")

    configmaps = {c["metadata"]["name"]: c for c in by_kind.get("ConfigMap", [])}

    # API Deployment.
    api = deployments.get("api")
    if api:
        spec = api["spec"]["template"]["spec"]
        c = spec["containers"][0]
        ck.check(c.get("command", []) + c.get("args", []) == ["node", "dist/src/main.js"], f"[{label}] api runs node dist/src/main.js")
        live, ready = c.get("livenessProbe") or {}, c.get("readinessProbe") or {}
        ck.check((live.get("httpGet") or {}).get("path") == "/healthz", f"[{label}] api livenessProbe GET /healthz")
        ck.check((ready.get("httpGet") or {}).get("path") == "/readyz", f"[{label}] api readinessProbe GET /readyz")
        ports = {p["name"]: p["containerPort"] for p in c.get("ports") or []}
        ck.check("http" in ports, f"[{label}] api exposes a port named http")
        for probe in (live, ready, c.get("startupProbe") or {}):
            port = (probe.get("httpGet") or {}).get("port")
            if port is not None:
                ck.check(port == "http" or port == ports.get("http"), f"[{label}] api probe targets the http port")
        cm_refs = [e["configMapRef"]["name"] for e in c.get("envFrom") or [] if "configMapRef" in e]
        ck.check(any(r in configmaps for r in cm_refs), f"[{label}] api reads the chart ConfigMap")
        for r in cm_refs:
            if r in configmaps:
                data = configmaps[r]["data"]
                ck.check(str(data.get("PORT")) == str(ports.get("http")), f"[{label}] PORT in the ConfigMap matches the container port")
                ck.check(data.get("NODE_ENV") == "production", f"[{label}] NODE_ENV=production")
                for k in ("KEYCLOAK_REALM_URL", "KEYCLOAK_CLIENT_ID", "AUTH_TENANT_CLAIM", "LOG_LEVEL", "REDIS_PREFIX", "DATABASE_POOL_MAX",
                          "DATABASE_STATEMENT_TIMEOUT_MS", "DATABASE_LOCK_TIMEOUT_MS", "DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS",
                          "DATABASE_ACQUIRE_TIMEOUT_MS"):
                    ck.check(bool(data.get(k)), f"[{label}] ConfigMap sets {k}")
                for k in ("DATABASE_URL", "DATABASE_OWNER_URL", "REDIS_URL"):
                    ck.check(k not in data, f"[{label}] ConfigMap does not carry the secret {k}")
        ck.check(bool(spec.get("terminationGracePeriodSeconds")), f"[{label}] api sets terminationGracePeriodSeconds")

    # Workers.
    workers = deployments.get("workers")
    if workers:
        c = workers["spec"]["template"]["spec"]["containers"][0]
        ck.check(c.get("command", []) + c.get("args", []) == ["node", "dist/workers/main.js"], f"[{label}] workers run node dist/workers/main.js")
        ck.check("readinessProbe" not in c, f"[{label}] workers have no readiness probe (no Service, no HTTP port)")
        # No traffic port; only /metrics for Prometheus when metrics.workers.enabled.
        worker_ports = [p.get("name") for p in c.get("ports") or []]
        ck.check(worker_ports in ([], ["metrics"]), f"[{label}] workers expose no ports but metrics")
        live = c.get("livenessProbe")
        ck.check(live is None or "exec" in live, f"[{label}] workers liveness is absent or an exec probe (no HTTP server)")

    # Api and workers get the app role only.
    for comp, d in deployments.items():
        spec = d["spec"]["template"]["spec"]
        for c in spec["containers"]:
            names = env_names(c)
            ck.check({"DATABASE_URL", "REDIS_URL"} <= names, f"[{label}] {comp} gets DATABASE_URL and REDIS_URL")
            ck.check("DATABASE_OWNER_URL" not in names, f"[{label}] {comp} does not get DATABASE_OWNER_URL")
        for sname, key in secret_refs(spec):
            if sname in secrets:
                s = secrets[sname]
                ck.check(not is_hook(s), f"[{label}] {comp} reads Secret {sname}, which is a release resource (not a hook)")
                ck.check(key in (s.get("data") or {}) or key in (s.get("stringData") or {}), f"[{label}] Secret {sname} has key {key}")
                ck.check("DATABASE_OWNER_URL" not in (s.get("data") or {}), f"[{label}] Secret {sname} read by {comp} holds no owner credentials")
        ann = d["spec"]["template"]["metadata"].get("annotations") or {}
        ck.check(bool(re.fullmatch(r"[0-9a-f]{64}", ann.get("checksum/config", ""))), f"[{label}] {comp} pods roll on config change (checksum/config)")
        ck.check("checksum/secret" in ann, f"[{label}] {comp} pods roll on secret change (checksum/secret)")
        sel = d["spec"]["selector"]["matchLabels"]
        tpl_labels = d["spec"]["template"]["metadata"]["labels"]
        ck.check(all(tpl_labels.get(k) == v for k, v in sel.items()), f"[{label}] {comp} selector matches its pod labels")
        ck.check(sel.get("app.kubernetes.io/component") == comp, f"[{label}] {comp} selector includes the component")
        ck.check("app.kubernetes.io/version" not in sel and "helm.sh/chart" not in sel, f"[{label}] {comp} selector has no version labels (immutable)")
        for tsc in d["spec"]["template"]["spec"].get("topologySpreadConstraints") or []:
            ck.check((tsc.get("labelSelector") or {}).get("matchLabels") == sel, f"[{label}] {comp} topology spread selects its own pods")

    # The migration Job.
    for job in jobs:
        ann = annotations(job)
        phases = set(ann.get(HOOK, "").split(","))
        ck.check(phases == {"pre-install", "pre-upgrade"}, f"[{label}] migration Job hook is pre-install,pre-upgrade (got {ann.get(HOOK)})")
        ck.check(re.fullmatch(r"-?[0-9]+", ann.get(HOOK_WEIGHT, "")) is not None, f"[{label}] migration Job has a hook-weight")
        policies = set(ann.get(HOOK_DELETE, "").split(","))
        ck.check(policies == {"before-hook-creation", "hook-succeeded"}, f"[{label}] migration Job delete policy before-hook-creation,hook-succeeded")
        spec = job["spec"]["template"]["spec"]
        c = spec["containers"][0]
        ck.check(c.get("command", []) + c.get("args", []) == ["node", "dist/scripts/migrate.js"], f"[{label}] Job runs node dist/scripts/migrate.js")
        ck.check(spec.get("restartPolicy") in ("Never", "OnFailure"), f"[{label}] Job restartPolicy Never/OnFailure")
        ck.check(isinstance(job["spec"].get("backoffLimit"), int), f"[{label}] Job sets backoffLimit")
        ck.check(bool(job["spec"].get("activeDeadlineSeconds")), f"[{label}] Job sets activeDeadlineSeconds")
        ck.check("DATABASE_OWNER_URL" in env_names(c), f"[{label}] Job gets DATABASE_OWNER_URL")
        ck.check(not c.get("envFrom") or all("configMapRef" not in e or e["configMapRef"]["name"] not in configmaps for e in c["envFrom"]),
                 f"[{label}] Job does not depend on the release ConfigMap (absent at pre-install)")
        env = {e["name"]: e.get("value") for e in c.get("env") or []}
        ck.check(env.get("NODE_ENV") == "production" and bool(env.get("KEYCLOAK_REALM_URL")), f"[{label}] Job has the non-secret settings inlined")
        # Whatever the Job needs from this chart must be a hook created before it: regular
        # resources do not exist yet when pre-install hooks run.
        for sname, key in secret_refs(spec):
            if sname in secrets:
                s = secrets[sname]
                ck.check(is_hook(s) and hook_weight(s) < hook_weight(job), f"[{label}] Job's Secret {sname} is a hook created before the Job")
                ck.check(key in (s.get("data") or {}), f"[{label}] Job's Secret {sname} has key {key}")
        sa = spec.get("serviceAccountName", "default")
        if sa in accounts:
            ck.check(is_hook(accounts[sa]) and hook_weight(accounts[sa]) < hook_weight(job), f"[{label}] Job's ServiceAccount {sa} is a hook created before the Job")

    # Service, Ingress, HPA, PDB, NetworkPolicy consistency.
    services = {s["metadata"]["name"]: s for s in by_kind.get("Service", [])}
    for s in services.values():
        sel = s["spec"]["selector"]
        ck.check(sel.get("app.kubernetes.io/component") == "api", f"[{label}] {name_of(s)} selects api pods only")
        ck.check(api is not None and all(api["spec"]["template"]["metadata"]["labels"].get(k) == v for k, v in sel.items()), f"[{label}] {name_of(s)} selector matches api pods")
    for ing in by_kind.get("Ingress", []):
        for rule in ing["spec"]["rules"]:
            for p in rule["http"]["paths"]:
                svc = p["backend"]["service"]
                ck.check(svc["name"] in services, f"[{label}] {name_of(ing)} routes to a rendered Service")
                ports = {pp.get("name") for pp in services.get(svc["name"], {}).get("spec", {}).get("ports", [])}
                ck.check(svc["port"].get("name") in ports or svc["port"].get("number") is not None, f"[{label}] {name_of(ing)} uses a Service port")
                path = p["path"]
                # "/" only as an exact match (the console's first page), never as a prefix.
                ck.check((path != "/" or p.get("pathType") == "Exact") and not path.startswith(("/metrics", "/healthz", "/readyz")),
                         f"[{label}] {name_of(ing)} does not publish /metrics or the probes (path {path})")
    for hpa in by_kind.get("HorizontalPodAutoscaler", []):
        ck.check(hpa["apiVersion"] == "autoscaling/v2", f"[{label}] {name_of(hpa)} is autoscaling/v2")
        target = hpa["spec"]["scaleTargetRef"]["name"]
        d = next((d for d in deployments.values() if d["metadata"]["name"] == target), None)
        ck.check(d is not None, f"[{label}] {name_of(hpa)} targets a rendered Deployment")
        if d is not None:
            ck.check("replicas" not in d["spec"], f"[{label}] {name_of(d)} leaves replicas to the HPA")
        ck.check(bool(hpa["spec"].get("metrics")), f"[{label}] {name_of(hpa)} has metrics")
        ck.check(hpa["spec"]["minReplicas"] <= hpa["spec"]["maxReplicas"], f"[{label}] {name_of(hpa)} min <= max")
    for pdb in by_kind.get("PodDisruptionBudget", []):
        sel = pdb["spec"]["selector"]["matchLabels"]
        ck.check(any(d["spec"]["selector"]["matchLabels"] == sel for d in deployments.values()), f"[{label}] {name_of(pdb)} selects a Deployment's pods")
        ck.check(("minAvailable" in pdb["spec"]) != ("maxUnavailable" in pdb["spec"]), f"[{label}] {name_of(pdb)} sets exactly one of minAvailable/maxUnavailable")
    for np in by_kind.get("NetworkPolicy", []):
        ck.check(np["spec"].get("podSelector") is not None and "Ingress" in np["spec"].get("policyTypes", []), f"[{label}] {name_of(np)} isolates ingress")


def expectations(ck: Checker, label: str, objs: list[dict], expect: dict) -> None:
    kinds = [o["kind"] for o in objs]
    for kind, present in expect.items():
        ck.check((kind in kinds) == present, f"[{label}] {kind} {'present' if present else 'absent'}")


# Values helm must refuse. (args, text expected in the error, why)
SCHEMA = SCHEMA_ERROR
REJECT = [
    (["--set", "api.replicaCount=-1"], SCHEMA, "negative api replicas"),
    (["--set", "workers.replicaCount=-3"], SCHEMA, "negative worker replicas"),
    (["--set-string", "api.replicaCount=2"], SCHEMA, "replicaCount as a string"),
    (["--set", "api.replicaCount=two"], SCHEMA, "replicaCount not a number"),
    (["--set", "image.pullPolicy=Sometimes"], SCHEMA, "unknown image pullPolicy"),
    (["--set", "keycloak.realmUrl=null"], SCHEMA, "missing keycloak.realmUrl"),
    (["--set", "keycloak.realmUrl="], SCHEMA, "empty keycloak.realmUrl"),
    (["--set", "keycloak.realmUrl=keycloak/realms/onedoor"], SCHEMA, "keycloak.realmUrl not an http(s) URL"),
    (["--set", "unknownSetting=1"], SCHEMA, "unknown top-level key"),
    (["--set", "api.replicas=3"], SCHEMA, "unknown key under api"),
    (["--set", "config.logLevel=verbose"], SCHEMA, "unknown log level"),
    (["--set", "database.poolMax=0"], SCHEMA, "pool size 0"),
    (["--set", "database.timeouts.statementMs=0"], SCHEMA, "statement timeout 0 (no bound)"),
    (["--set", "database.timeouts.acquireMs=null"], SCHEMA, "missing acquire timeout"),
    (["--set", "redis.prefix=bad prefix"], SCHEMA, "REDIS_PREFIX with a space"),
    (["--set", "database.url=mysql://x"], SCHEMA, "database.url not PostgreSQL"),
    (["--set", "api.resources=null"], SCHEMA, "api without resources"),
    (["--set", "api.resources.limits=null"], SCHEMA, "api without resource limits"),
    (["--set", "api.livenessProbe=null"], SCHEMA, "api without liveness probe"),
    (["--set", "api.readinessProbe=null"], SCHEMA, "api without readiness probe"),
    (["--set", "containerSecurityContext.allowPrivilegeEscalation=true"], SCHEMA, "privilege escalation"),
    (["--set", "podSecurityContext.runAsNonRoot=false"], SCHEMA, "root pods"),
    (["--set", "image.digest=sha256:abc"], SCHEMA, "malformed digest"),
    (["--set", "config.extra.DATABASE_URL=postgres://x"], SCHEMA, "secret passed as a plain setting"),
    (["--set", "service.type=ExternalName"], SCHEMA, "unsupported Service type"),
    (["--set", "api.terminationGracePeriodSeconds=10"], "must exceed", "grace period shorter than the drain"),
    (["--set", "api.autoscaling.enabled=true", "--set", "api.autoscaling.targetCPUUtilizationPercentage=null",
      "--set", "api.autoscaling.targetMemoryUtilizationPercentage=null"], "set targetCPU", "HPA without metrics"),
    (["--set", "api.autoscaling.enabled=true", "--set", "api.autoscaling.minReplicas=5", "--set", "api.autoscaling.maxReplicas=3"],
     "minReplicas exceeds", "HPA min above max"),
    (["--set", "workers.terminationGracePeriodSeconds=5"], "must exceed", "worker grace period shorter than the drain"),
    (["--set", "resident.smsProvider=dev"], SCHEMA, "the development SMS inbox in production"),
    (["--set", "resident.smsProvider=aliyun", "--set", "resident.aliyun.signName=x", "--set", "resident.aliyun.templateCode=SMS_1",
      "--set", "resident.aliyun.templateBooking=SMS_2"], SCHEMA, "SMS provider without the resident Secret"),
    (["--set", "config.extra.RESIDENT_TOKEN_SECRET=x"], SCHEMA, "resident token secret passed as a plain setting"),
]

# Values helm must accept, with a predicate on the rendered objects.
ACCEPT = [
    (["--set", "keycloak.realmUrl=http://keycloak.sso.svc:8080/realms/onedoor"], lambda objs: True, "plain-http in-cluster realm URL"),
    (["--set", "api.replicaCount=0", "--set", "workers.replicaCount=0"], lambda objs: True, "zero replicas"),
    (["--set", "workers.enabled=false"], lambda objs: not any(o["kind"] == "Deployment" and "workers" in o["metadata"]["name"] for o in objs), "workers disabled"),
    (["--set", "migrations.enabled=false"], lambda objs: not any(o["kind"] == "Job" or is_hook(o) for o in objs), "migrations disabled"),
    (["--set", "serviceAccount.create=false"],
     lambda objs: not any(o["kind"] == "ServiceAccount" for o in objs), "no ServiceAccount created"),
    (["--set", "api.podDisruptionBudget.minAvailable=50%"],
     lambda objs: any(o["kind"] == "PodDisruptionBudget" and o["spec"].get("minAvailable") == "50%" and "maxUnavailable" not in o["spec"] for o in objs),
     "PDB minAvailable as a percentage"),
    (["--set", "image.digest=sha256:" + "a" * 64],
     lambda objs: all(c["image"].endswith("@sha256:" + "a" * 64) for o in objs if pod_spec(o) for c in pod_spec(o)["containers"]), "image by digest"),
    (["--set", "config.extra.GRAPHQL_MAX_DEPTH=6"],
     lambda objs: any(o["kind"] == "ConfigMap" and o["data"].get("GRAPHQL_MAX_DEPTH") == "6" for o in objs), "extra settings reach the ConfigMap"),
    (["--set", "workers.livenessProbe.exec.command={true}"],
     lambda objs: any(o["kind"] == "Deployment" and "livenessProbe" in o["spec"]["template"]["spec"]["containers"][0] and "workers" in o["metadata"]["name"] for o in objs),
     "optional worker exec liveness probe"),
    (["--set", "resident.smsProvider=aliyun", "--set", "resident.existingSecret=onedoor-resident",
      "--set", "resident.aliyun.signName=某县综治中心", "--set", "resident.aliyun.templateCode=SMS_1",
      "--set", "resident.aliyun.templateBooking=SMS_2"],
     lambda objs: any(o["kind"] == "ConfigMap" and o["data"].get("SMS_PROVIDER") == "aliyun" for o in objs)
     and all(any(e.get("secretRef", {}).get("name") == "onedoor-resident" for e in o["spec"]["template"]["spec"]["containers"][0].get("envFrom", []))
             for o in objs if o["kind"] == "Deployment")
     and not any(o["kind"] == "Job" and any(e.get("name") == "SMS_PROVIDER" for e in o["spec"]["template"]["spec"]["containers"][0].get("env", []))
                 for o in objs),
     "residents with Alibaba Cloud SMS: settings in the ConfigMap, the resident Secret for api and workers, not the migration Job"),
]


def main() -> int:
    here = Path(__file__).resolve().parent
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--helm", default=shutil.which("helm") or "helm")
    p.add_argument("--chart", type=Path, default=here.parent)
    a = p.parse_args()
    chart: Path = a.chart.resolve()
    chart_meta = yaml.safe_load((chart / "Chart.yaml").read_text())
    ck = Checker()

    ck.check(chart_meta.get("apiVersion") == "v2", "Chart.yaml apiVersion v2")
    ck.check(str(chart_meta.get("appVersion")) == "0.1.0", "Chart.yaml appVersion 0.1.0")

    value_sets: list[tuple[str, list[str], dict]] = [("defaults", [], {})]
    for f in sorted((chart / "ci").glob("*-values.yaml")):
        value_sets.append((f.name, ["-f", str(f)], yaml.safe_load(f.read_text()) or {}))
    ck.check(any(n == "ha-values.yaml" for n, _, _ in value_sets), "ci/ha-values.yaml exists")
    ck.check(any(n == "minimal-values.yaml" for n, _, _ in value_sets), "ci/minimal-values.yaml exists")

    per_file = {
        "defaults": {"Secret": True, "Ingress": False, "HorizontalPodAutoscaler": False, "NetworkPolicy": False,
                     "PodDisruptionBudget": True, "ServiceAccount": True},
        "ha-values.yaml": {"Ingress": True, "HorizontalPodAutoscaler": True, "NetworkPolicy": True,
                           "PodDisruptionBudget": True, "Secret": False},
        "minimal-values.yaml": {"Secret": True, "Ingress": False, "HorizontalPodAutoscaler": False, "NetworkPolicy": False},
    }

    for label, args, values in value_sets:
        r = render(a.helm, chart, args)
        if not ck.check(r.returncode == 0, f"[{label}] helm template succeeds: {r.stderr.strip()}"):
            continue
        objs = load(r.stdout)
        check_manifests(ck, label, objs, chart_meta, values)
        if label in per_file:
            expectations(ck, label, objs, per_file[label])
        if label == "ha-values.yaml":
            hpas = {o["metadata"]["name"] for o in objs if o["kind"] == "HorizontalPodAutoscaler"}
            ck.check(any(n.endswith("-api") for n in hpas), f"[{label}] api HPA rendered")
            ck.check(any(o["kind"] == "NetworkPolicy" and o["spec"]["podSelector"].get("matchLabels", {}).get("app.kubernetes.io/component") == "api" for o in objs),
                     f"[{label}] NetworkPolicy selects the api")

        for bad, expected, why in REJECT:
            r = render(a.helm, chart, args + bad)
            ck.check(r.returncode != 0 and expected in r.stderr,
                     f"[{label}] rejects {why} ({' '.join(bad)}): exit {r.returncode}, stderr: {r.stderr.strip()[:300]}")
        for good, pred, why in ACCEPT:
            r = render(a.helm, chart, args + good)
            ok = r.returncode == 0
            if ok:
                objs2 = load(r.stdout)
                check_manifests(ck, f"{label} + {why}", objs2, chart_meta, values, good)
                ok = pred(objs2)
            ck.check(ok, f"[{label}] accepts {why} ({' '.join(good)}): {r.stderr.strip()[:300]}")

    print(f"helm-manifests: {ck.passed} passed, {ck.failed} failed")
    return 1 if ck.failed else 0


if __name__ == "__main__":
    sys.exit(main())
