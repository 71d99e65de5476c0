#!/usr/bin/env python3
"""Shares a model version with a second client, shows the grant at work, revokes it, and prints the
owner's audit log of the version.

usage: share-and-audit.py API_URL OWNER_KEY PARTNER_KEY MODEL VERSION
The partner calls the owner's model as OWNER.MODEL through the Open Inference Protocol: refused
(404) before the grant, answered with it, refused again once it is revoked. Every step, allowed or
refused, is in the owner's audit log (GET /api/audit), which is printed last.
"""
import importlib.util
import json
import os
import sys
import time
import urllib.error
import urllib.request
from collections import Counter

# The image reader and the CA-pinned TLS context of the inference demo beside this file.
_spec = importlib.util.spec_from_file_location("infer_demo", os.path.join(os.path.dirname(__file__), "infer-demo.py"))
infer_demo = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(infer_demo)

# The Api resolves model names and rights at most every 2 s; a grant or revocation shows after that.
FRESHNESS = 2.5


def call(method, url, key, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30, context=infer_demo.TLS) as response:
            text = response.read()
            return response.status, json.loads(text) if text else None
    except urllib.error.HTTPError as error:
        return error.code, None


def infer(api, key, name, version, image):
    body = {"inputs": [{"name": "input", "shape": [1, 1, 28, 28], "datatype": "FP32", "data": [round(v, 6) for v in image]}],
            "outputs": [{"name": "label"}]}
    return call("POST", f"{api}/v2/models/{name}/versions/{version}/infer", key, body)


def main():
    api, owner_key, partner_key, model, version = sys.argv[1:6]
    image, label = infer_demo.read_images(1)[0], infer_demo.read_labels(1)[0]
    shared_name = f"demo.{model}"
    grant_url = f"{api}/api/models/{model}/versions/{version}/grants/partner"

    status, _ = infer(api, partner_key, shared_name, version, image)
    print(f"  partner calls {shared_name} v{version} before any grant: HTTP {status}")
    if status != 404:
        raise SystemExit("the partner reached a model nobody shared with it")

    status, grant = call("PUT", grant_url, owner_key, {"rights": "use"})
    if status != 200:
        raise SystemExit(f"the grant was refused: HTTP {status}")
    print(f"  demo grants partner '{grant['rights']}' of {model} v{version} (the partner calls it {grant['inferenceName']})")
    time.sleep(FRESHNESS)
    status, answer = infer(api, partner_key, shared_name, version, image)
    if status != 200:
        raise SystemExit(f"the partner's call with the grant failed: HTTP {status}")
    predicted = answer["outputs"][0]["data"][0]
    print(f"  partner calls it with a test image: {infer_demo.CLASSES[predicted]} (true: {infer_demo.CLASSES[label]})")

    status, _ = call("DELETE", grant_url, owner_key)
    if status != 204:
        raise SystemExit(f"the revocation was refused: HTTP {status}")
    time.sleep(FRESHNESS)
    status, _ = infer(api, partner_key, shared_name, version, image)
    print(f"  demo revokes it; the partner's next call: HTTP {status}")
    if status != 404:
        raise SystemExit("the partner still reached the model after the revocation")

    status, entries = call("GET", f"{api}/api/audit?resource=model/demo/{model}/{version}&limit=1000", owner_key)
    if status != 200:
        raise SystemExit(f"the audit log could not be read: HTTP {status}")
    tally = Counter()
    for e in entries:
        outcome = "allowed" if e["allowed"] else f"refused ({e['detail']})"
        tally[(e["actor"], e["action"], outcome)] += e["count"]
    print(f"  the owner's audit log of model/demo/{model}/{version} ({len(entries)} entries):")
    print(f"    {'COUNT':>6}  {'ACTOR':<52} {'ACTION':<16} OUTCOME")
    for (actor, action, outcome), count in sorted(tally.items(), key=lambda item: (-item[1], item[0])):
        print(f"    {count:>6}  {actor:<52} {action:<16} {outcome}")
    if not any(actor == "partner" and action == "model.infer" for actor, action, _ in tally):
        raise SystemExit("the partner's calls are missing from the audit log")


if __name__ == "__main__":
    main()
