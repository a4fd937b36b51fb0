import Banenmatch
import BanenmatchJSON
import BanenmatchWorker
import Benchmark
import BenchmarkData

#if canImport(Glibc)
  import Glibc
#endif

/// The long operations on the whole `nl` data set: loading both JSON Lines files, building the
/// index from decoded records, and `match.batch` over all 300,000 seekers on 1 and 2 threads.
/// Each takes seconds, so few iterations; every benchmark runs in a process of its own.
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
    timeUnits: .milliseconds,
    warmupIterations: 1,
    maxDuration: .seconds(60),
    maxIterations: 5
  )

  /// Megabytes (10^6 bytes) of JSON Lines per second of the whole load.
  let megabytesPerSecond = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)
  /// Thousands of records (seekers + vacancies) per second.
  let kiloRecordsPerSecond = BenchmarkMetric.custom("krecords/s", polarity: .prefersLarger, useScalingFactor: false)
  /// Seekers ranked per second.
  let seekersPerSecond = BenchmarkMetric.custom("seekers/s", polarity: .prefersLarger, useScalingFactor: false)
  let defaults = Benchmark.defaultConfiguration.metrics

  // Both files, decoded and validated on all cores (`DataDirectory.load`, what `serve --data` does).
  Benchmark(
    "load JSON Lines nl (seekers + vacancies)",
    configuration: .init(metrics: defaults + [megabytesPerSecond, kiloRecordsPerSecond])
  ) { benchmark, bytes in
    benchmark.startMeasurement()
    let started = ContinuousClock.now
    let data = try DataDirectory.load(NationalData.directory())
    let elapsed = ContinuousClock.now - started
    benchmark.stopMeasurement()
    precondition(data.seekers.count == 300_000 && data.vacancies.count == 60_000)
    benchmark.measurement(megabytesPerSecond, Int(Double(bytes) / 1e6 / elapsed.seconds))
    benchmark.measurement(kiloRecordsPerSecond, Int(360.0 / elapsed.seconds))
  } setup: {
    fileSize(NationalData.directory() + "/seekers.jsonl") + fileSize(NationalData.directory() + "/vacancies.jsonl")
  }

  // `MatchIndex()` + the public upserts (which validate again) from records already decoded.
  Benchmark(
    "index build from decoded records nl",
    configuration: .init(metrics: defaults + [kiloRecordsPerSecond])
  ) { benchmark, data in
    benchmark.startMeasurement()
    let started = ContinuousClock.now
    var index = MatchIndex()
    try index.upsert(seekers: data.seekers)
    try index.upsert(vacancies: data.vacancies)
    let elapsed = ContinuousClock.now - started
    benchmark.stopMeasurement()
    precondition(index.seekerCount == 300_000 && index.vacancyCount == 60_000)
    benchmark.measurement(kiloRecordsPerSecond, Int(360.0 / elapsed.seconds))
    blackHole(index)
  } setup: {
    NationalData.load()
  }

  // `match.batch {allSeekers: true, limit: 10}` without the RPC layer: every seeker, by id in
  // byte order as the worker sorts them, top 10, no explanation.
  func batch(threads: Int) {
    Benchmark(
      "match.batch all 300000 seekers top10 threads=\(threads)",
      // No warm-up run: one run is tens of seconds, and the setup has touched everything.
      configuration: .init(metrics: defaults + [seekersPerSecond], warmupIterations: 0)
    ) { benchmark, state in
      let (index, seekers) = state
      let options = MatchOptions(date: NationalData.today, limit: 10)
      benchmark.startMeasurement()
      let started = ContinuousClock.now
      let bytes = try BatchMatching.matches(index: index, seekerIDs: seekers, options: options, threads: threads)
      let elapsed = ContinuousClock.now - started
      benchmark.stopMeasurement()
      precondition(bytes?.isEmpty == false)
      benchmark.measurement(seekersPerSecond, Int(Double(seekers.count) / elapsed.seconds))
      blackHole(bytes)
    } setup: { () -> (MatchIndex, [String]) in
      let index = NationalData.index()
      let seekers = index.seekerIDs.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      precondition(seekers.count == 300_000)
      if threads > 1 {
        // Asserted once: the answer is the same bytes whatever the number of threads.
        let options = MatchOptions(date: NationalData.today, limit: 10)
        let one = try BatchMatching.matches(index: index, seekerIDs: seekers, options: options, threads: 1)
        let many = try BatchMatching.matches(index: index, seekerIDs: seekers, options: options, threads: threads)
        precondition(one != nil && one == many, "match.batch differs between 1 and \(threads) threads")
      }
      return (index, seekers)
    }
  }

  batch(threads: 1)
  batch(threads: 2)
}

/// The size of a file in bytes.
func fileSize(_ path: String) -> Int {
  var info = stat()
  guard stat(path, &info) == 0 else { fatalError("\(path) is missing (run `make bench`)") }
  return Int(info.st_size)
}

extension Duration {
  /// The duration in seconds, as a Double.
  var seconds: Double {
    let (seconds, attoseconds) = components
    return Double(seconds) + Double(attoseconds) / 1e18
  }
}
