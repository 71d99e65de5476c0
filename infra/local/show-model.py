#!/usr/bin/env python3
"""Summarises a model version record (JSON on stdin): metrics, blob hashes and provenance."""
import json
import sys

v = json.load(sys.stdin)
providers = sorted({c["provider"] for c in v["contributions"]})
accuracy = v.get("accuracy")
print(f"model {v['name']} v{v['version']}: test accuracy "
      + (f"{100 * accuracy:.2f}% (loss {v['loss']:.4f})" if accuracy is not None else "not measured")
      + f" after {v['rounds']} rounds of {v['strategy']}")
print(f"  weights   sha256:{v['weights']} ({v['weightsBytes']} bytes, safetensors)")
print(f"  initial   sha256:{v['initialWeights']}")
print(f"  job       {v['job']}; {len(v['contributions'])} results from {len(providers)} providers shaped it")
for c in v["contributions"][:3]:
    print(f"    round {c['round']} {c['provider']} result sha256:{c['resultSha256']}")
if len(v["contributions"]) > 3:
    print(f"    ... (all {len(v['contributions'])} in the version record)")
