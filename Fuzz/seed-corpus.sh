#!/bin/sh
# Seeds the libFuzzer corpus directory $1 (created if missing) from JSONTestSuite's parsing
# files and from requests built on samples/: every method, line-framed and header-framed.
set -eu
corpus=${1:?usage: Fuzz/seed-corpus.sh CORPUS_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$corpus"

suite="$root/../shared/testdata/JSONTestSuite/test_parsing"
if [ -d "$suite" ]; then
  for file in "$suite"/*.json; do cp "$file" "$corpus/jsts-$(basename "$file")"; done
fi

seeker=$(head -n 1 "$root/samples/seekers.jsonl")
vacancy=$(head -n 1 "$root/samples/vacancies.jsonl")
n=0
seed() {  # one request: as a line, and as a header-framed message
  n=$((n + 1))
  printf '%s\n' "$1" > "$corpus/seed-$n-line"
  printf 'Content-Length: %d\r\n\r\n%s' "$(printf '%s' "$1" | wc -c)" "$1" > "$corpus/seed-$n-header"
}
seed '{"jsonrpc":"2.0","id":1,"method":"engine.info"}'
seed '{"jsonrpc":"2.0","id":"s","method":"index.stats","params":{}}'
seed '{"jsonrpc":"2.0","id":2,"method":"seekers.upsert","params":{"seekers":['"$seeker"']}}'
seed '{"jsonrpc":"2.0","id":3,"method":"vacancies.upsert","params":{"vacancies":['"$vacancy"']}}'
seed '{"jsonrpc":"2.0","id":4,"method":"seekers.remove","params":{"ids":["S-0001","S-9"]}}'
seed '{"jsonrpc":"2.0","id":5,"method":"vacancies.remove","params":{"ids":["V-0002"]}}'
seed '{"jsonrpc":"2.0","id":6,"method":"match.vacanciesForSeeker","params":{"seekerId":"S-0002","limit":5,"explain":true,"nearMisses":3,"date":"2026-12-01"}}'
seed '{"jsonrpc":"2.0","id":7,"method":"match.vacanciesForSeeker","params":{"seeker":'"$seeker"',"weights":{"skills":1,"distance":0.5},"maxKm":20,"regions":["friesland"]}}'
seed '{"jsonrpc":"2.0","id":8,"method":"match.seekersForVacancy","params":{"vacancyId":"V-0001","explain":true,"nearMisses":2,"employerTypes":["markt"]}}'
seed '{"jsonrpc":"2.0","id":9,"method":"match.seekersForVacancy","params":{"vacancy":'"$vacancy"',"excludeIds":["S-0001"]}}'
seed '{"jsonrpc":"2.0","id":10,"method":"match.batch","params":{"seekerIds":["S-0001","S-0002"],"limit":3,"progressToken":"t"}}'
seed '{"jsonrpc":"2.0","id":11,"method":"match.batch","params":{"allSeekers":true,"sectors":["onderwijs"],"jobTypes":["kantine"]}}'
seed '[{"jsonrpc":"2.0","id":12,"method":"engine.info"},{"jsonrpc":"2.0","method":"seekers.remove","params":{"ids":["S-0003"]}},{"foo":"boo"}]'
seed '{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":10}}'
seed '{"jsonrpc":"2.0","id":13,"method":"shutdown"}
{"jsonrpc":"2.0","id":14,"method":"engine.info"}
{"jsonrpc":"2.0","method":"exit"}'
seed '{"jsonrpc":"2.0","id":1.5,"method":"foobar","params":[1,2]}'
printf 'Content-Length: 99999999999999999999999\r\n\r\n{}Content-Length: 2\r\n\r\n[]' > "$corpus/seed-huge-length"
printf 'content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}' > "$corpus/seed-content-type"
echo "corpus $corpus: $(ls "$corpus" | wc -l) files"
