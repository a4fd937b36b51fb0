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
