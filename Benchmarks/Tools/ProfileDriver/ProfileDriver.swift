import Banenmatch
import BenchmarkData

#if canImport(Glibc)
  import Glibc
#endif

// A small driver for profilers (`Benchmarks/profile.sh`): loads a data set (`nl` unless
// `set=NAME`), says `ready` on stderr, waits for a line on stdin (time to switch the profiler's
// collection on), then runs one query shape over the fixed 1,000-record sample `passes` times
// and reports the mean candidates and feasible pairs per query.
//
//     ProfileDriver vacancies|seekers [explain] [near] [passes] [set=nl-2]   # near: 5 near misses
//     ProfileDriver requests      # the worker benchmark's 1,000 requests, as JSON Lines

let arguments = CommandLine.arguments.dropFirst()
guard let shape = arguments.first, ["vacancies", "seekers", "requests"].contains(shape) else {
  say("usage: ProfileDriver vacancies|seekers [explain] [near] [passes] [set=NAME] | requests")
  exit(64)
}
let explain = arguments.contains("explain")
let passes = arguments.compactMap { Int($0) }.first ?? 3
let set = arguments.first { $0.hasPrefix("set=") }.map { String($0.dropFirst(4)) } ?? "nl"

let index = NationalData.index(set)
if shape == "requests" {
  for (number, id) in NationalData.sample(index.seekerIDs, count: 1000).enumerated() {
    print(
      #"{"jsonrpc":"2.0","id":\#(number + 1),"method":"match.vacanciesForSeeker","params":{"seekerId":"\#(id)","limit":10,"date":"2026-12-01"}}"#
    )
  }
  exit(0)
}
let options = MatchOptions(
  date: NationalData.today, limit: 10, explain: explain, nearMisses: arguments.contains("near") ? 5 : 0)
let seekers = NationalData.sample(index.seekerIDs, count: 1000).map { index.seeker(id: $0)! }
let vacancies = NationalData.sample(index.vacancyIDs, count: 1000).map { index.vacancy(id: $0)! }

say("ready")
_ = readLine()
var (matches, candidates, feasible) = (0, 0, 0)
for _ in 0..<passes {
  for i in 0..<1000 {
    let results =
      shape == "vacancies"
      ? try index.vacancies(forSeekerID: seekers[i].id, options: options)
      : try index.seekers(forVacancyID: vacancies[i].id, options: options)
    matches += results.matches.count
    candidates += results.candidates
    feasible += results.feasible
  }
}
let queries = passes * 1000
say(
  "done: \(set), \(queries) queries, \(matches) matches, per query \(candidates / queries) candidates, "
    + "\(feasible / queries) feasible")

/// A line on stderr.
func say(_ text: String) {
  let line = Array((text + "\n").utf8)
  _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}
