#!/usr/bin/env python3
"""Prints a training job's server-sent progress events (read from stdin) one line per event."""
import json
import sys


def pct(value):
    return "   -  " if value is None else f"{100 * value:5.1f}%"


def main():
    event = None
    for raw in sys.stdin:
        line = raw.rstrip("\n")
        if line.startswith("event: "):
            event = line[7:]
            continue
        if not line.startswith("data: "):
            continue
        data = json.loads(line[6:])
        if event == "snapshot":
            job = data.get("job") or {}
            print(f"job {job.get('id')}: {data['status']} ({data['reason']})", flush=True)
        elif event == "status":
            print(f"status: {data['status']} ({data['reason']})", flush=True)
        elif event == "round":
            r = data["round"]
            if r["evaluation"]:
                print(f"final evaluation: accuracy {pct(r['accuracy'])} on {r['participants']} providers' test data", flush=True)
            else:
                loss = r["trainLoss"]
                print(
                    f"round {r['round']:3d}: {r['participants']}/{r['assigned']} results, {r['failed']} failed, "
                    f"train loss {loss:.4f}, {r['bytesIn'] / 1e6:.1f} MB in / {r['bytesOut'] / 1e6:.1f} MB out, "
                    f"{r['wallMs'] / 1000:.1f} s (slowest provider {r['slowestComputeMs'] / 1000:.1f} s)"
                    + (f", kept the model: {r['keptBecause']}" if r["keptBecause"] else "")
                    + (f", ε spent {r['epsilonSpent']:.3f}" if r.get("epsilonSpent") is not None else ""),
                    flush=True,
                )
        elif event == "evaluated":
            r = data["round"]
            print(f"           model after round {r['round']}: test accuracy {pct(r['accuracy'])}, loss {r['loss']:.4f}", flush=True)
        elif event == "model":
            print(f"registered model {data['model']} v{data['modelVersion']}", flush=True)
            return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
