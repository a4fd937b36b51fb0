import Banenmatch
import BanenmatchJSON
import Benchmark
import BenchmarkData

/// Queries on the `nl` data set (300,000 seekers, 60,000 vacancies), each over a fixed sample
/// of 1,000 records, one query per iteration.
///
/// Each query is measured twice: timed with `wallClock` and `throughput` alone, and once more
/// "instrumented", with `mallocCountTotal`: the malloc counter costs time of its own in every
/// iteration, which would otherwise be counted as the query's. The resident peak with the
/// index loaded is measured apart ("index resident"): `peakMemoryResident`'s sampler thread
/// allocates too (16 mallocs per iteration at the median, more the longer the iteration), and
/// `mallocCountTotal` counts every thread's, so with it a query's count drifted with the
/// machine's speed.
let benchmarks: @Sendable () -> Void = {
  // In nanoseconds: whole microseconds decided a ratio at the 1.5× bound (18 / 12 µs).
  let timed = Benchmark.Configuration(
    metrics: [.wallClock, .throughput], timeUnits: .nanoseconds, warmupIterations: 50, maxDuration: .seconds(5),
    maxIterations: 20_000)
  let instrumented = Benchmark.Configuration(
    metrics: [.wallClock, .mallocCountTotal], timeUnits: .microseconds, warmupIterations: 50,
    maxDuration: .seconds(2), maxIterations: 5_000)

  let shared = SharedIndex()

  // Each sample is the next record of the fixed sample of 1,000 (the cursor lives in the
  // setup state, which survives from one sample to the next), asked by id as the worker asks.
  func query(_ name: String, _ direction: Direction, explain: Bool, nearMisses: Int) {
    for (suffix, configuration) in [("", timed), (" (instrumented)", instrumented)] {
      Benchmark(name + suffix, configuration: configuration) { (benchmark: Benchmark, state: CycledSample) throws in
        let options = MatchOptions(date: NationalData.today, limit: 10, explain: explain, nearMisses: nearMisses)
        let id = state.next(direction)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
          blackHole(try state.ask(direction, id: id, options: options))
        }
      } setup: { () throws -> CycledSample in
        let sample = CycledSample(shared.get())
        // Asserted once: every sampled record gets an answer that agrees with its counts.
        for id in sample.ids(direction) {
          let check = try sample.ask(direction, id: id, options: MatchOptions(date: NationalData.today))
          precondition(check.matches.count == min(10, check.feasible))
        }
        return sample
      }
    }
  }

  // The harness's own mallocs per iteration, which `mallocCountTotal` would count as the
  // query's: none without the memory sampler (subtracted all the same by
  // scripts/bench-targets.py).
  Benchmark("harness baseline, empty iteration", configuration: instrumented) { benchmark in
    for _ in benchmark.scaledIterations { blackHole(benchmark) }
  }

  // The resident peak of a process holding the decoded records and the index, as every
  // query benchmark's does.
  Benchmark(
    "index resident, nl",
    configuration: Benchmark.Configuration(metrics: [.peakMemoryResident], maxDuration: .seconds(1), maxIterations: 10)
  ) { (benchmark: Benchmark, state: CycledSample) in
    for _ in benchmark.scaledIterations { blackHole(state.index.seekerCount) }
  } setup: { () -> CycledSample in
    CycledSample(shared.get())
  }

  query("vacanciesForSeeker top10", .vacanciesForSeeker, explain: false, nearMisses: 0)
  query("vacanciesForSeeker top10 explain", .vacanciesForSeeker, explain: true, nearMisses: 0)
  query("vacanciesForSeeker top10 nearMisses5", .vacanciesForSeeker, explain: false, nearMisses: 5)
  query("seekersForVacancy top10", .seekersForVacancy, explain: false, nearMisses: 0)
  query("seekersForVacancy top10 explain", .seekersForVacancy, explain: true, nearMisses: 0)
  query("seekersForVacancy top10 nearMisses5", .seekersForVacancy, explain: false, nearMisses: 5)
}

/// The index and the sampled ids, built once per benchmark process.
final class SharedIndex: @unchecked Sendable {
  typealias State = (MatchIndex, [String], [String])
  private var state: State?

  func get() -> State {
    if let state { return state }
    let index = NationalData.index()
    let built = (
      index, NationalData.sample(index.seekerIDs, count: 1000), NationalData.sample(index.vacancyIDs, count: 1000)
    )
    state = built
    return built
  }
}

/// The index and sampled ids with cursors that survive from one sample to the next.
final class CycledSample: @unchecked Sendable {
  let index: MatchIndex
  let seekerIDs: [String]
  let vacancyIDs: [String]
  private var seekerCursor = 0
  private var vacancyCursor = 0

  init(_ state: SharedIndex.State) { (index, seekerIDs, vacancyIDs) = state }

  /// The sampled ids a query in this direction asks about.
  func ids(_ direction: Direction) -> [String] {
    direction == .vacanciesForSeeker ? seekerIDs : vacancyIDs
  }

  /// The next sampled id for this direction, round and round the 1,000.
  func next(_ direction: Direction) -> String {
    switch direction {
    case .vacanciesForSeeker:
      defer { seekerCursor = (seekerCursor + 1) % seekerIDs.count }
      return seekerIDs[seekerCursor]
    case .seekersForVacancy:
      defer { vacancyCursor = (vacancyCursor + 1) % vacancyIDs.count }
      return vacancyIDs[vacancyCursor]
    }
  }

  /// The query itself, by id as the worker asks.
  @inline(__always)
  func ask(_ direction: Direction, id: String, options: MatchOptions) throws -> MatchResults {
    switch direction {
    case .vacanciesForSeeker: try index.vacancies(forSeekerID: id, options: options)
    case .seekersForVacancy: try index.seekers(forVacancyID: id, options: options)
    }
  }
}

/// Which way a benchmarked query matches: a seeker's vacancies, or a vacancy's seekers.
enum Direction: Sendable {
  case vacanciesForSeeker
  case seekersForVacancy
}
