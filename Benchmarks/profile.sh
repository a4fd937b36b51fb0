#!/usr/bin/env bash
# Profiles the two main queries and the worker path on `nl` with valgrind's callgrind (this VM
# has no hardware counters for `perf`). Collection is switched on only after the data set is
# loaded, so the profiles hold the queries alone. Needs `make bench-data` and valgrind.
#
#     Benchmarks/profile.sh [queries|near|worker]   # default: queries and worker; reports in
#                                                   # Benchmarks/.data/profile/*.txt
#     QUERY=vacanciesForSeeker Benchmarks/profile.sh near   # one direction only (or
#                                                           # seekersForVacancy); default both
#
# Each report lists the functions by exclusive instruction count (Ir), then by inclusive.
set -eu
query=${QUERY:-both}
case $query in
  both | vacanciesForSeeker | seekersForVacancy) ;;
  *) echo "QUERY must be vacanciesForSeeker or seekersForVacancy, not $query" >&2; exit 2 ;;
esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out=$here/.data/profile
data=$here/.data/nl
passes=${PASSES:-1}
mkdir -p "$out"

(cd "$here" && swift build -c release --product ProfileDriver >/dev/null)
driver=$here/.build/release/ProfileDriver
worker=$root/.build/release/banenmatch
[ -x "$worker" ] || { echo "build the worker first: swift build -c release --product banenmatch" >&2; exit 1; }

# Whether QUERY asks for this direction.
wants() { [ "$query" = both ] || [ "$query" = "$1" ]; }

# Waits until FILE has a line matching PATTERN.
wait_for() { until grep -q "$2" "$1" 2>/dev/null; do sleep 1; done; }

report() {
  local name=$1
  {
    echo "# $name: callgrind, $(date -u +%FT%TZ)"
    grep -E "^(==[0-9]+== )?(Collected|done)" "$out/$name.log" || true
    echo "## exclusive"
    callgrind_annotate --inclusive=no "$out/$name.out" 2>/dev/null | sed -n '/^-* *$/,$p' | head -45
    echo "## inclusive"
    callgrind_annotate --inclusive=yes "$out/$name.out" 2>/dev/null | sed -n '/^-* *$/,$p' | head -45
  } | swift demangle --simplified >"$out/$name.txt"
  echo "wrote $out/$name.txt"
}

# One query shape in the driver: load uninstrumented, then instrument `passes` × 1,000 queries.
profile_queries() {
  local name=$1
  shift
  rm -f "$out/$name.out" "$out/$name.log"
  coproc DRIVER { exec valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$out/$name.out" \
    "$driver" "$@" "$passes" 2>"$out/$name.log"; }
  local pid=$DRIVER_PID
  wait_for "$out/$name.log" '^ready'
  callgrind_control -i on "$pid" >/dev/null
  echo go >&"${DRIVER[1]}"
  wait "$pid"
  report "$name"
}

# The worker: `serve --data nl` under callgrind, 1,000 pipelined match.vacanciesForSeeker
# requests over the benchmark's seeker sample once it has answered engine.info.
profile_worker() {
  local name=worker-vacanciesForSeeker
  local requests=$out/requests.jsonl
  "$driver" requests >"$requests" 2>/dev/null </dev/null
  rm -f "$out/$name.out" "$out/$name.log"
  coproc WORKER { exec valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$out/$name.out" \
    "$worker" serve --data "$data" --log-level error 2>"$out/$name.log"; }
  local pid=$WORKER_PID
  echo '{"jsonrpc":"2.0","id":0,"method":"engine.info"}' >&"${WORKER[1]}"
  local line
  read -r line <&"${WORKER[0]}"
  callgrind_control -i on "$pid" >/dev/null
  # A background job does not inherit the coproc's descriptors: give it a copy.
  local input
  exec {input}>&"${WORKER[1]}"
  cat "$requests" >&"$input" &
  local writer=$!
  local count
  count=$(wc -l <"$requests")
  for ((i = 0; i < count; i++)); do read -r line <&"${WORKER[0]}"; done
  wait "$writer"
  exec {input}>&- {WORKER[1]}>&-
  wait "$pid" || true
  report "$name"
}

case ${1:-all} in
  queries)
    if wants vacanciesForSeeker; then profile_queries vacanciesForSeeker-top10 vacancies; fi
    if wants seekersForVacancy; then profile_queries seekersForVacancy-top10 seekers; fi
    ;;
  near)
    if wants vacanciesForSeeker; then profile_queries vacanciesForSeeker-top10-nearMisses5 vacancies near; fi
    if wants seekersForVacancy; then profile_queries seekersForVacancy-top10-nearMisses5 seekers near; fi
    ;;
  worker) profile_worker ;;
  *)
    if wants vacanciesForSeeker; then profile_queries vacanciesForSeeker-top10 vacancies; fi
    if wants seekersForVacancy; then profile_queries seekersForVacancy-top10 seekers; fi
    profile_worker
    ;;
esac
