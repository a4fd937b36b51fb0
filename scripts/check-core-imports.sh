#!/usr/bin/env bash
# The core module (Sources/Banenmatch) must import neither Foundation nor any C module, and
# must declare no dependencies: it is the part every other module and host can rely on.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
imports=$(grep -rnE '^[[:space:]]*(@[A-Za-z_]+[[:space:]]+)*((public|package|internal|fileprivate|private)[[:space:]]+)?import[[:space:]]' Sources/Banenmatch || true)
if [ -n "$imports" ]; then
  echo "check-core: Sources/Banenmatch must not import anything:"
  echo "$imports"
  status=1
fi
deps=$(swift package dump-package 2>/dev/null | python3 -c '
import json, sys
pkg = json.load(sys.stdin)
core = [t for t in pkg["targets"] if t["name"] == "Banenmatch"][0]
print(len(core.get("dependencies", [])))')
if [ "$deps" != "0" ]; then
  echo "check-core: target Banenmatch must have no dependencies (has $deps)"
  status=1
fi
[ $status = 0 ] && echo "check-core: Sources/Banenmatch imports nothing and depends on nothing"
exit $status
