#!/usr/bin/env python3
"""A host service that spawns the Banenmatch worker and talks JSON-RPC 2.0 to it over its
pipes, using only the standard library.

    python3 examples/host.py [path/to/banenmatch] [data dir]

Newline-delimited framing: one JSON message per line each way. Responses may come out of
order, so they are matched by id. stderr (the worker's logs) is drained on its own thread so
the worker can never block on a full pipe.
"""
import itertools
import json
import subprocess
import sys
import threading

binary = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/banenmatch"
data = sys.argv[2] if len(sys.argv) > 2 else "samples"


class Worker:
    def __init__(self, *args):
        self.process = subprocess.Popen(
            [binary, "serve", *args],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.ids = itertools.count(1)
        self.pending = {}  # responses that arrived before anyone asked for them
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    def _drain_stderr(self):
        for line in self.process.stderr:
            sys.stderr.write("worker: " + line.decode("utf-8", "replace"))

    def send(self, method, params=None, notify=False):
        message = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        if not notify:
            message["id"] = next(self.ids)
        self.process.stdin.write(json.dumps(message).encode() + b"\n")
        self.process.stdin.flush()
        return message.get("id")

    def receive(self, request_id):
        while request_id not in self.pending:
            line = self.process.stdout.readline()  # lines can be long: no size limit here
            if not line:
                raise EOFError("the worker closed its stdout")
            message = json.loads(line)
            if "id" in message:  # skip notifications such as $/progress
                self.pending[message["id"]] = message
        response = self.pending.pop(request_id)
        if "error" in response:
            raise RuntimeError(response["error"])
        return response["result"]

    def call(self, method, params=None):
        return self.receive(self.send(method, params))

    def close(self):
        self.call("shutdown")
        self.send("exit", notify=True)
        self.process.stdin.close()
        return self.process.wait(timeout=10)


worker = Worker("--data", data)
info = worker.call("engine.info")
print(f"{info['name']} {info['version']}: {info['counts']['seekers']} seekers, "
      f"{info['counts']['vacancies']} vacancies")

# Pipelined: send several requests, then collect the answers by id.
ids = [worker.send("match.vacanciesForSeeker",
                   {"seekerId": seeker, "limit": 3, "explain": True, "nearMisses": 2,
                    "date": "2026-12-01"})
       for seeker in ("S-0040", "S-0023")]
for request_id in ids:
    result = worker.receive(request_id)
    for match in result["matches"]:
        features = match["explanation"]["features"]
        reasons = ", ".join(f"{name} {f['points']}" for name, f in features.items())
        print(f"  {match['vacancyId']}  {match['score']:7.4f}  ({reasons})")
    for miss in result["nearMisses"]:
        print(f"  near miss {miss['vacancyId']}: {miss['constraint']} {miss['missing']}")

print("exit code", worker.close())
