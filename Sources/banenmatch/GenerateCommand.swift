import ArgumentParser
import Banenmatch
import BanenmatchGenerate
import BanenmatchJSON

#if canImport(Glibc)
  import Glibc
#endif

struct GenerateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Writes a realistic synthetic seekers.jsonl and vacancies.jsonl, the same bytes for the same seed.",
    discussion: """
      The national benchmark set `nl` is `--seekers 300000 --vacancies 60000 --seed 42`. Dates are
      spread around --today (default 2026-12-01, never the clock), so a seed gives the same bytes on
      any day and any machine. See samples/README.md for the sources of every figure.
      """)

  @Option(help: "Number of seekers.")
  var seekers: Int?

  @Option(help: "Number of vacancies.")
  var vacancies: Int?

  @Option(help: "Seed of the random numbers (0 to 2^64-1).")
  var seed: UInt64 = 42

  @Option(help: "Directory to write seekers.jsonl and vacancies.jsonl to (created when missing).")
  var out: String?

  @Option(help: "Reference date YYYY-MM-DD that availability and start dates are spread around.")
  var today = "2026-12-01"

  @Option(name: .customLong("vocabulary-out"), help: .hidden)
  var vocabularyOut: String?

  @Option(help: .hidden)
  var survey: Int?

  @Flag(help: .hidden)
  var sequential = false

  func validate() throws {
    if Day(iso: today) == nil { throw ValidationError("--today must be YYYY-MM-DD, got \(today).") }
    if vocabularyOut != nil && seekers == nil && vacancies == nil && out == nil { return }
    guard let seekers, let vacancies, out != nil else {
      throw ValidationError("Give --seekers N, --vacancies M and --out DIR.")
    }
    if seekers < 0 || vacancies < 0 { throw ValidationError("--seekers and --vacancies must not be negative.") }
  }

  func run() throws {
    if let vocabularyOut {
      do {
        try VocabularyFile.write(to: vocabularyOut)
      } catch {
        fail("cannot write \(vocabularyOut): \(error)", code: 1)
      }
    }
    guard let seekers, let vacancies, let out else { return }
    let day = Day(iso: today)!
    let set = DataSet(seekers: seekers, vacancies: vacancies, seed: seed, today: day)
    let started = monotonicSeconds()
    do throws(OutputError) {
      try set.write(to: out, parallel: !sequential)
    } catch {
      fail("cannot write: \(error)", code: 1)
    }
    let seconds = monotonicSeconds() - started
    print("wrote \(out)/seekers.jsonl (\(seekers) seekers) and \(out)/vacancies.jsonl (\(vacancies) vacancies)")
    log("generated in \(Int((seconds * 1000).rounded())) ms (seed \(seed), today \(today))")
    if let survey { try runSurvey(out, sample: survey, date: day) }
  }

  /// Loads what was written through the engine's own loader and counts feasible pairs.
  private func runSurvey(_ directory: String, sample: Int, date: Day) throws {
    let data: DataDirectory
    do {
      data = try DataDirectory.load(directory)
    } catch {
      fail("cannot load \(directory): \(error)", code: 1)
    }
    let survey = try FeasibilitySurvey(data: data, seekerSample: sample, vacancySample: sample / 4, date: date)
    print(survey.report)
  }
}

/// Seconds on the monotonic clock, for timings on stderr.
private func monotonicSeconds() -> Double {
  var now = timespec()
  clock_gettime(CLOCK_MONOTONIC, &now)
  return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// A line on stderr.
private func log(_ message: String) {
  var text = "banenmatch: " + message + "\n"
  text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}
