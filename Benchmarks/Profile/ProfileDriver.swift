import Banenmatch
import BenchmarkData

#if canImport(Glibc)
  import Glibc
#endif

// A small driver for profilers (`Benchmarks/profile.sh`): loads `nl`, says `ready` on stderr,
// waits for a line on stdin (time to switch the profiler's collection on), then runs one
// query shape over the fixed 1,000-record sample `passes` times.
//
//     ProfileDriver vacancies|seekers [explain] [passes]
//     ProfileDriver requests      # the worker benchmark's 1,000 requests, as JSON Lines

let arguments = CommandLine.arguments.dropFirst()
guard let shape = arguments.first, ["vacancies", "seekers", "requests"].contains(shape) else {
  say("usage: ProfileDriver vacancies|seekers [explain] [passes] | requests")
  exit(64)
}
let explain = arguments.contains("explain")
let passes = arguments.compactMap { Int($0) }.first ?? 3

let index = NationalData.index()
if shape == "requests" {
  for (number, id) in NationalData.sample(index.seekers.map(\.id), count: 1000).enumerated() {
    print(
      #"{"jsonrpc":"2.0","id":\#(number + 1),"method":"match.vacanciesForSeeker","params":{"seekerId":"\#(id)","limit":10,"date":"2026-12-01"}}"#
    )
  }
  exit(0)
}
let options = MatchOptions(date: NationalData.today, limit: 10, explain: explain)
let seekers = NationalData.sample(index.seekers.map(\.id), count: 1000).map { index.seeker(id: $0)! }
let vacancies = NationalData.sample(index.vacancies.map(\.id), count: 1000).map { index.vacancy(id: $0)! }

say("ready")
_ = readLine()
var matches = 0
for _ in 0..<passes {
  if shape == "vacancies" {
    for seeker in seekers { matches += try index.vacancies(for: seeker, options: options).matches.count }
  } else {
    for vacancy in vacancies { matches += try index.seekers(for: vacancy, options: options).matches.count }
  }
}
say("done: \(passes * 1000) queries, \(matches) matches")

/// A line on stderr.
func say(_ text: String) {
  let line = Array((text + "\n").utf8)
  _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}
