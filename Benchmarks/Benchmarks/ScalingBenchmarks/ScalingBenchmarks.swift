import Banenmatch
import BanenmatchJSON
import Benchmark
import BenchmarkData

/// How the two top-10 queries (no explanation) grow with the data: the `nl` generator at 1/4,
/// 1/2, 1 and 2 times national scale (same seed), each in `Benchmarks/.data/<name>` and each
/// benchmark over a fixed sample of 1,000 records of its own set. Every benchmark runs in a
/// process of its own, so each loads only its data set.
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
    timeUnits: .microseconds,
    warmupIterations: 50,
    maxDuration: .seconds(5),
    maxIterations: 20_000
  )

  /// The data sets, by name: `make bench` generates each with `--seed 42`.
  let scales = [
    ("nl-0.25", 75_000, 15_000),
    ("nl-0.5", 150_000, 30_000),
    ("nl", 300_000, 60_000),
    ("nl-2", 600_000, 120_000),
  ]

  for (name, seekerCount, vacancyCount) in scales {
    // The closure runs once per sample: the cursor in `state` moves to the next record.
    Benchmark("vacanciesForSeeker top10 \(name)") { (benchmark: Benchmark, state: ScaledData) throws in
      let options = MatchOptions(date: NationalData.today, limit: 10)
      let id = state.seekers[state.nextSeeker()]
      benchmark.startMeasurement()
      for _ in benchmark.scaledIterations {
        blackHole(try state.index.vacancies(forSeekerID: id, options: options))
      }
    } setup: {
      ScaledData(name, seekers: seekerCount, vacancies: vacancyCount)
    }

    Benchmark("seekersForVacancy top10 \(name)") { (benchmark: Benchmark, state: ScaledData) throws in
      let options = MatchOptions(date: NationalData.today, limit: 10)
      let id = state.vacancies[state.nextVacancy()]
      benchmark.startMeasurement()
      for _ in benchmark.scaledIterations {
        blackHole(try state.index.seekers(forVacancyID: id, options: options))
      }
    } setup: {
      ScaledData(name, seekers: seekerCount, vacancies: vacancyCount)
    }
  }
}

/// One data set's index, its samples of 1,000 seekers and 1,000 vacancies, and a cursor over
/// each: the benchmark closure runs once per sample, so a counter local to it would query the
/// first record only.
final class ScaledData: @unchecked Sendable {
  let index: MatchIndex
  /// Sampled ids, asked by id as the worker asks.
  let seekers: [String]
  let vacancies: [String]
  private var seekerCursor = 0
  private var vacancyCursor = 0

  /// The next seeker of the sample, round and round.
  func nextSeeker() -> Int {
    defer { seekerCursor = (seekerCursor + 1) % seekers.count }
    return seekerCursor
  }

  /// The next vacancy of the sample, round and round.
  func nextVacancy() -> Int {
    defer { vacancyCursor = (vacancyCursor + 1) % vacancies.count }
    return vacancyCursor
  }

  init(_ name: String, seekers seekerCount: Int, vacancies vacancyCount: Int) {
    let index = NationalData.index(name)
    self.index = index
    // Asserted once: the set is the size its name says (a stale cache would not be).
    precondition(
      index.seekerCount == seekerCount && index.vacancyCount == vacancyCount,
      "\(NationalData.directory(name)) holds \(index.seekerCount) seekers and \(index.vacancyCount) vacancies")
    seekers = NationalData.sample(index.seekerIDs, count: 1000)
    vacancies = NationalData.sample(index.vacancyIDs, count: 1000)
    let check = try! index.vacancies(forSeekerID: seekers[0], options: MatchOptions(date: NationalData.today))
    precondition(check.matches.count == min(10, check.feasible))
  }
}
