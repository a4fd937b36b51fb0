import Banenmatch
import BanenmatchJSON
import BenchmarkData

#if canImport(Glibc)
  import Glibc
#endif

// A developer's stopwatch, not a benchmark (the figures that count come from `make bench`):
// loads a data set, then runs each query shape over the fixed 1,000-record sample and prints
// p50/p99/mean per query and a digest of every answer, so that a change to the engine can be
// checked for speed and for identical results in one minute.
//
//     DevTimer [set=nl] [passes=3] [shapes=v,ve,vn,s,se,sn] [by=id|record] [warm=N [flush=1]] [threads=1]
//
// `warm=N` runs each query N times before the timed run, so that its memory is in the caches;
// `flush=1` then reads 64 MB in between, so that only the branch history stays warm. Against
// the plain run they tell how much of a query's time is waiting on memory.

let arguments = CommandLine.arguments.dropFirst()
func argument(_ name: String) -> String? {
  arguments.first { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1)) }
}
let set = argument("set") ?? "nl"
let passes = Int(argument("passes") ?? "3") ?? 3
let shapes = (argument("shapes") ?? "v,ve,vn,s,se,sn").split(separator: ",").map(String.init)
/// By id (as the worker asks), or with the record inline (validated and looked up each time).
let byID = argument("by") != "record"

func now() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_MONOTONIC, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}
func rssMB() -> String {
  guard let file = fopen("/proc/self/status", "r") else { return "?" }
  defer { fclose(file) }
  var line = [CChar](repeating: 0, count: 256)
  var out = ""
  while fgets(&line, 256, file) != nil {
    let text = line.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    if text.hasPrefix("VmRSS") || text.hasPrefix("VmHWM") { out += text.filter { $0 != "\n" && $0 != "\t" } + " " }
  }
  return out
}

var start = now()
let data = NationalData.load(set)
print("load \(set): \(Int((now() - start) * 1000)) ms  \(rssMB())")
start = now()
var index = try data.index()
// As the worker: a large query's scan split over every core, unless `threads=1`.
// `split=N`: the fewest entries in a query's windows for which it is split.
index.queryThreads =
  argument("threads") == "1"
  ? .one
  : argument("split").flatMap { Int($0) }.map { split in
    let all = QueryThreads.allCores
    return QueryThreads(count: all.count, minimumEntries: split) { all.run($0, $1) }
  } ?? .allCores
print("index: \(Int((now() - start) * 1000)) ms  \(rssMB())")
let seekers = NationalData.sample(index.seekerIDs, count: 1000).map { index.seeker(id: $0)! }
let vacancies = NationalData.sample(index.vacancyIDs, count: 1000).map { index.vacancy(id: $0)! }

/// FNV-1a over the answer's ids, scores (to 1e-6), counts and gaps.
struct Digest {
  var value: UInt64 = 0xcbf2_9ce4_8422_2325
  mutating func add(_ text: String) { for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 } }
  mutating func add(_ results: MatchResults) {
    add("\(results.candidates),\(results.feasible);")
    for match in results.matches {
      add("\(match.id):\((match.score * 1e6).rounded()):\(match.unknown.rawValue)")
      if let e = match.explanation { add("\(e.matchedSkills)\(e.missingSkills)\((e.distanceKm * 1e6).rounded())") }
    }
    for miss in results.nearMisses { add("n\(miss.id):\((miss.score * 1e6).rounded()):\(miss.gap)") }
  }
}

let warmRuns = Int(argument("warm") ?? "0") ?? 0
var flushBuffer = argument("flush") != nil ? [Int](repeating: 1, count: 8 << 20) : []
for shape in shapes {
  let options = MatchOptions(
    date: NationalData.today, limit: 10, explain: shape.hasSuffix("e"), nearMisses: shape.hasSuffix("n") ? 5 : 0)
  var times: [Double] = []
  var slowest: [(time: Double, record: Int, feasible: Int)] = []
  var digest = Digest()
  var feasible = 0
  for pass in 0..<passes {
    for i in 0..<1000 {
      func query() throws -> MatchResults {
        shape.hasPrefix("v")
          ? (byID
            ? try index.vacancies(forSeekerID: seekers[i].id, options: options)
            : try index.vacancies(for: seekers[i], options: options))
          : (byID
            ? try index.seekers(forVacancyID: vacancies[i].id, options: options)
            : try index.seekers(for: vacancies[i], options: options))
      }
      for _ in 0..<warmRuns { _ = try query() }
      if !flushBuffer.isEmpty {
        var sum = 0
        for k in stride(from: 0, to: flushBuffer.count, by: 8) { sum &+= flushBuffer[k] }
        flushBuffer[0] = sum & 1
      }
      let t0 = now()
      let results = try query()
      times.append(now() - t0)
      if pass == passes - 1 { slowest.append((times.last!, i, results.feasible)) }
      if pass == 0 && argument("nearstats") != nil && !results.nearMisses.isEmpty {
        let kinds = results.nearMisses.map { "\($0.constraint)" }
        print(
          "NS \(shape.hasPrefix("v") ? seekers[i].id : vacancies[i].id) \(results.nearMisses.count) \(results.nearMisses.last!.score) \(results.matches.last?.score ?? -1) \(kinds.joined(separator: ","))"
        )
      }
      if pass == 0 {
        digest.add(results)
        feasible += results.feasible
      }
    }
  }
  times.sort()
  if argument("slowest") != nil {
    for item in slowest.sorted(by: { $0.time > $1.time }).prefix(Int(argument("slowest")!) ?? 10) {
      let detail =
        shape.hasPrefix("v")
        ? "seeker \(seekers[item.record].id) travel \(seekers[item.record].maxTravelKm) skills \(seekers[item.record].skills.count)"
        : "vacancy \(vacancies[item.record].id) required \(vacancies[item.record].requiredSkills.count) \(vacancies[item.record].region ?? "-")"
      print("  \(Int(item.time * 1e6)) µs  feasible \(item.feasible)  \(detail)")
    }
  }
  let mean = times.reduce(0, +) / Double(times.count)
  func us(_ x: Double) -> String { String(Int((x * 1e6).rounded())) }
  print(
    "\(shape + String(repeating: " ", count: max(0, 3 - shape.count))) p50 \(us(times[times.count / 2])) µs  p99 \(us(times[times.count * 99 / 100])) µs  mean \(us(mean)) µs  max \(us(times.last!)) µs  feasible/q \(feasible / 1000)  digest \(String(digest.value, radix: 16))"
  )
}
