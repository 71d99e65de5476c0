#!/usr/bin/env python3
"""Shows the platform catching a dishonest serving node: sends a burst of single-image requests
(some answered by the node that lies on purpose, one in three re-computed by the platform's own
verifier), then prints the fraud cases opened and the stakes slashed.

usage: catch-liar.py API_URL KEY MODEL VERSION [REQUESTS]
"""
import concurrent.futures
import gzip
import json
import os
import ssl
import struct
import sys
import time
import urllib.request

# The Api is HTTPS: with OAI_CA_FILE (oai.sh sets it to the development CA) only that CA is trusted.
TLS = ssl.create_default_context(cafile=os.environ.get("OAI_CA_FILE") or None)

DATA = "/usr/share/datasets/fashion-mnist"
MEAN, STD = 0.2860406, 0.3530242


def images(count):
    with gzip.open(f"{DATA}/t10k-images-idx3-ubyte.gz") as f:
        f.read(16)
        raw = f.read(784 * count)
    return [[round((b / 255.0 - MEAN) / STD, 6) for b in raw[i * 784:(i + 1) * 784]] for i in range(count)]


def call(api, key, path, body=None):
    request = urllib.request.Request(f"{api}{path}", data=None if body is None else json.dumps(body).encode(),
                                     method="GET" if body is None else "POST",
                                     headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30, context=TLS) as response:
        return json.load(response)


def main():
    api, key, model, version = sys.argv[1:5]
    count = int(sys.argv[5]) if len(sys.argv) > 5 else 60
    rows = images(20)
    # Listed before the burst: a provider suspended for proven fraud goes offline and leaves the list.
    providers = [p["address"] for p in call(api, key, "/api/providers?take=100")["items"]]
    path = f"/v2/models/{model}/versions/{version}/infer"
    with concurrent.futures.ThreadPoolExecutor(max_workers=12) as pool:
        answers = list(pool.map(lambda i: call(api, key, path, {
            "inputs": [{"name": "input", "shape": [1, 1, 28, 28], "datatype": "FP32", "data": rows[i % len(rows)]}]}), range(count)))
    print(f"{len(answers)} single-image requests answered; checking the providers' records for fraud cases")
    deadline = time.time() + 90
    caught = {}
    while time.time() < deadline:
        for address in providers:
            cases = call(api, key, f"/api/providers/{address}/cases")
            # Only this model version's cases: a provider's record keeps older ones too.
            settled = [c for c in cases if c["status"] != "recorded" and (c.get("evidence") or {}).get("modelKey", "").endswith(f"/{model}/{version}")]
            if settled:
                caught[address] = settled
        if caught:
            break
        time.sleep(2)
    if not caught:
        print("no fraud case settled in time (the dishonest node may not have been asked)")
        return
    for address, cases in caught.items():
        stake = call(api, key, f"/api/providers/{address}/stake")
        for c in cases:
            evidence = c["evidence"]
            slashed = int(c.get("slashedWei") or 0) / 1e18
            print(f"  {address}: {evidence['kind']} case {c['id'][:16]}... {c['status']}, slashed {slashed:g} OAI"
                  f" ({len(evidence['answers'])} signed answers compared)")
        print(f"  {address}: active stake now {int(stake['active']) / 1e18:g} OAI")
    honest = [a for a in providers if a not in caught]
    print(f"  {len(honest)} other providers: no case")


if __name__ == "__main__":
    main()
