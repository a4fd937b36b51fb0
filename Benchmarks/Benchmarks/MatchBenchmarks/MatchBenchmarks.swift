import Banenmatch
import BanenmatchJSON
import BenchmarkData
import Benchmark

/// Queries on the `nl` data set (300,000 seekers, 60,000 vacancies), each over a fixed sample
/// of 1,000 records, one query per iteration.
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
    timeUnits: .microseconds,
    warmupIterations: 50,
    maxDuration: .seconds(5),
    maxIterations: 20_000
  )

  let shared = SharedIndex()

  func seekerQuery(_ name: String, explain: Bool, nearMisses: Int) {
    Benchmark(name) { (benchmark: Benchmark, state: SharedIndex.State) throws in
      let (index, seekers, _) = state
      let options = MatchOptions(date: NationalData.today, limit: 10, explain: explain, nearMisses: nearMisses)
      var next = 0
      benchmark.startMeasurement()
      for _ in benchmark.scaledIterations {
        let results = try index.vacancies(for: seekers[next], options: options)
        blackHole(results)
        next = next + 1 == seekers.count ? 0 : next + 1
      }
    } setup: { () throws -> SharedIndex.State in
      let state = shared.get()
      // Asserted once: every sampled seeker gets an answer that agrees with its counts.
      let check = try state.0.vacancies(for: state.1[0], options: MatchOptions(date: NationalData.today))
      precondition(check.matches.count == min(10, check.feasible))
      return state
    }
  }

  func vacancyQuery(_ name: String, explain: Bool, nearMisses: Int) {
    Benchmark(name) { (benchmark: Benchmark, state: SharedIndex.State) throws in
      let (index, _, vacancies) = state
      let options = MatchOptions(date: NationalData.today, limit: 10, explain: explain, nearMisses: nearMisses)
      var next = 0
      benchmark.startMeasurement()
      for _ in benchmark.scaledIterations {
        let results = try index.seekers(for: vacancies[next], options: options)
        blackHole(results)
        next = next + 1 == vacancies.count ? 0 : next + 1
      }
    } setup: { () throws -> SharedIndex.State in
      let state = shared.get()
      let check = try state.0.seekers(for: state.2[0], options: MatchOptions(date: NationalData.today))
      precondition(check.matches.count == min(10, check.feasible))
      return state
    }
  }

  seekerQuery("vacanciesForSeeker top10", explain: false, nearMisses: 0)
  seekerQuery("vacanciesForSeeker top10 explain", explain: true, nearMisses: 0)
  seekerQuery("vacanciesForSeeker top10 nearMisses5", explain: false, nearMisses: 5)
  vacancyQuery("seekersForVacancy top10", explain: false, nearMisses: 0)
  vacancyQuery("seekersForVacancy top10 explain", explain: true, nearMisses: 0)
  vacancyQuery("seekersForVacancy top10 nearMisses5", explain: false, nearMisses: 5)

  // The six above keep their cursor in a local of the closure, which package-benchmark calls
  // once per sample (scaling factor 1): `next` restarts at 0 every time, so they measure the
  // first sampled record only. The six below are the same queries with the cursor kept across
  // samples, so each sample is the next record of the 1,000 and p50/p99 are over the sample.
  func cycledSeekerQuery(_ name: String, explain: Bool, nearMisses: Int) {
    Benchmark(name) { (benchmark: Benchmark, state: CycledSample) throws in
      let options = MatchOptions(date: NationalData.today, limit: 10, explain: explain, nearMisses: nearMisses)
      let seeker = state.nextSeeker()
      benchmark.startMeasurement()
      for _ in benchmark.scaledIterations {
        blackHole(try state.index.vacancies(for: seeker, options: options))
      }
    } setup: { () throws -> CycledSample in
      let sample = CycledSample(shared.get())
      for seeker in sample.seekers {
        let check = try sample.index.vacancies(for: seeker, options: MatchOptions(date: NationalData.today))
        precondition(check.matches.count == min(10, check.feasible))
      }
      return sample
    }
  }

  func cycledVacancyQuery(_ name: String, explain: Bool, nearMisses: Int) {
    Benchmark(name) { (benchmark: Benchmark, state: CycledSample) throws in
      let options = MatchOptions(date: NationalData.today, limit: 10, explain: explain, nearMisses: nearMisses)
      let vacancy = state.nextVacancy()
      benchmark.startMeasurement()
      for _ in benchmark.scaledIterations {
        blackHole(try state.index.seekers(for: vacancy, options: options))
      }
    } setup: { () throws -> CycledSample in
      let sample = CycledSample(shared.get())
      for vacancy in sample.vacancies {
        let check = try sample.index.seekers(for: vacancy, options: MatchOptions(date: NationalData.today))
        precondition(check.matches.count == min(10, check.feasible))
      }
      return sample
    }
  }

  cycledSeekerQuery("vacanciesForSeeker top10 cycled", explain: false, nearMisses: 0)
  cycledSeekerQuery("vacanciesForSeeker top10 explain cycled", explain: true, nearMisses: 0)
  cycledSeekerQuery("vacanciesForSeeker top10 nearMisses5 cycled", explain: false, nearMisses: 5)
  cycledVacancyQuery("seekersForVacancy top10 cycled", explain: false, nearMisses: 0)
  cycledVacancyQuery("seekersForVacancy top10 explain cycled", explain: true, nearMisses: 0)
  cycledVacancyQuery("seekersForVacancy top10 nearMisses5 cycled", explain: false, nearMisses: 5)
}

/// The index and the samples, built once per benchmark process.
final class SharedIndex: @unchecked Sendable {
  typealias State = (MatchIndex, [Seeker], [Vacancy])
  private var state: State?

  func get() -> State {
    if let state { return state }
    let index = NationalData.index()
    let seekerIDs = NationalData.sample(index.seekers.map(\.id), count: 1000)
    let vacancyIDs = NationalData.sample(index.vacancies.map(\.id), count: 1000)
    let built = (index, seekerIDs.map { index.seeker(id: $0)! }, vacancyIDs.map { index.vacancy(id: $0)! })
    state = built
    return built
  }
}

/// The index and samples with cursors that survive from one sample to the next.
final class CycledSample: @unchecked Sendable {
  let index: MatchIndex
  let seekers: [Seeker]
  let vacancies: [Vacancy]
  private var seekerCursor = 0
  private var vacancyCursor = 0

  init(_ state: SharedIndex.State) { (index, seekers, vacancies) = state }

  /// The next sampled seeker, round and round the 1,000.
  func nextSeeker() -> Seeker {
    defer { seekerCursor = (seekerCursor + 1) % seekers.count }
    return seekers[seekerCursor]
  }

  /// The next sampled vacancy, round and round the 1,000.
  func nextVacancy() -> Vacancy {
    defer { vacancyCursor = (vacancyCursor + 1) % vacancies.count }
    return vacancies[vacancyCursor]
  }
}
