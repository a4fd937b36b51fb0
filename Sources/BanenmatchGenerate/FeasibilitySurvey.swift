public import Banenmatch
public import BanenmatchJSON
import Dispatch

/// How many feasible partners the records of a data set have, measured with the real engine
/// (SPEC section 3, default options): the check that matches are neither almost none nor
/// almost all.
///
///     let data = try DataDirectory.load("/tmp/nl")
///     let survey = try FeasibilitySurvey(data: data, seekerSample: 2000, vacancySample: 500, date: today)
///     print(survey.report)
public struct FeasibilitySurvey: Sendable {
  /// Feasible vacancies of each sampled seeker, ascending.
  public let vacanciesPerSeeker: [Int]
  /// Feasible seekers of each sampled vacancy, ascending.
  public let seekersPerVacancy: [Int]

  /// Queries every (n / sample)-th record of each file, in file order, on all cores.
  public init(data: DataDirectory, seekerSample: Int, vacancySample: Int, date: Day) throws(ValidationError) {
    let index = try data.index()
    let options = MatchOptions(date: date, limit: 0)
    let seekers = FeasibilitySurvey.every(data.seekers, seekerSample)
    let vacancies = FeasibilitySurvey.every(data.vacancies, vacancySample)
    vacanciesPerSeeker = FeasibilitySurvey.counts(seekers.count) { i in
      (try? index.vacancies(for: seekers[i], options: options))?.feasible ?? 0
    }
    seekersPerVacancy = FeasibilitySurvey.counts(vacancies.count) { i in
      (try? index.seekers(for: vacancies[i], options: options))?.feasible ?? 0
    }
  }

  /// A few lines for a terminal or a README table.
  public var report: String {
    [
      "feasible vacancies per seeker (\(vacanciesPerSeeker.count) seekers): "
        + FeasibilitySurvey.summary(vacanciesPerSeeker),
      "feasible seekers per vacancy (\(seekersPerVacancy.count) vacancies): "
        + FeasibilitySurvey.summary(seekersPerVacancy),
    ].joined(separator: "\n")
  }

  /// The `p`-th percentile (0–100) of sorted `values`, nearest rank.
  public static func percentile(_ values: [Int], _ p: Int) -> Int {
    guard !values.isEmpty else { return 0 }
    let rank = max(1, (p * values.count + 99) / 100)
    return values[min(values.count, rank) - 1]
  }

  static func summary(_ values: [Int]) -> String {
    guard !values.isEmpty else { return "none sampled" }
    let zero = values.prefix { $0 == 0 }.count
    let mean = Double(values.reduce(0, +)) / Double(values.count)
    let percentiles = [10, 25, 50, 75, 90, 99].map { "p\($0) \(percentile(values, $0))" }
    return "zero \(zero * 1000 / values.count / 10).\(zero * 1000 / values.count % 10)%, "
      + percentiles.joined(separator: ", ") + ", max \(values.last!), mean \(Int(mean.rounded()))"
  }

  private static func every<T>(_ records: [T], _ sample: Int) -> [T] {
    guard sample > 0, !records.isEmpty else { return [] }
    let step = max(1, records.count / sample)
    return Array(stride(from: 0, to: records.count, by: step).prefix(sample).map { records[$0] })
  }

  /// `count(i)` for every i in 0..<n, in parallel, sorted ascending.
  private static func counts(_ n: Int, _ count: @Sendable (Int) -> Int) -> [Int] {
    var results = [Int](repeating: 0, count: n)
    results.withUnsafeMutableBufferPointer { buffer in
      let slots = CountSlots(buffer: buffer)
      DispatchQueue.concurrentPerform(iterations: n) { i in slots.buffer[i] = count(i) }
    }
    return results.sorted()
  }
}

/// Results shared by parallel iterations: each writes only its own slot.
private struct CountSlots: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<Int>
}
