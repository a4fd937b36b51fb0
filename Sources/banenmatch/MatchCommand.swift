import ArgumentParser
import Banenmatch
import BanenmatchJSON

#if canImport(Glibc)
  import Glibc
#endif

struct MatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "match",
    abstract: "Ranked matches with reasons for one seeker or one vacancy, as a table or as JSON.")

  @Option(help: "Directory with seekers.jsonl and vacancies.jsonl.")
  var data: String

  @Option(help: "The seeker to find vacancies for.")
  var seeker: String?

  @Option(help: "The vacancy to find seekers for.")
  var vacancy: String?

  @Option(help: "At most this many matches (0–1000).")
  var limit = 10

  @Flag(help: "Show the points per feature and the preferred skills matched and missing.")
  var explain = false

  @Option(name: .customLong("near-misses"), help: "Also show up to N pairs that fail exactly one constraint.")
  var nearMisses = 0

  @Option(help: "\"Now\" for availability and start dates, YYYY-MM-DD (default: today, UTC).")
  var date: String?

  @Flag(help: "Print the worker's JSON result instead of a table.")
  var json = false

  @OptionGroup var loading: IndexLoading

  func validate() throws {
    if (seeker == nil) == (vacancy == nil) {
      throw ValidationError("Give exactly one of --seeker ID and --vacancy ID.")
    }
    if let date, Day(iso: date) == nil { throw ValidationError("--date must be YYYY-MM-DD, got \(date).") }
  }

  func run() throws {
    var index: MatchIndex
    do throws(DataDirectory.LoadError) {
      index = try loading.load(data).0
    } catch {
      fail("cannot load \(data):\n\(error)", code: 2)
    }
    // A large query may use every core, as the worker's (its answer is the same on one).
    index.queryThreads = .allCores
    let options = MatchOptions(
      date: date.flatMap { Day(iso: $0) } ?? todayUTC(), limit: limit, explain: explain, nearMisses: nearMisses)
    let results: MatchResults
    let query: MatchReport.Query
    do {
      if let seeker {
        results = try index.vacancies(forSeekerID: seeker, options: options)
        query = .seeker(index.seeker(id: seeker)!)
      } else {
        let vacancy = vacancy!
        results = try index.seekers(forVacancyID: vacancy, options: options)
        query = .vacancy(index.vacancy(id: vacancy)!)
      }
    } catch .unknownID(let id) {
      fail("no \(seeker != nil ? "seeker" : "vacancy") with id \(id) in \(data)", code: 1)
    } catch .invalid(let error) {
      fail(error.errors.map { "--\($0.path): \($0.message)" }.joined(separator: "\n"), code: 64)
    }
    if json {
      var writer = JSONWriter()
      writer.matchResults(results, idKey: seeker != nil ? "vacancyId" : "seekerId")
      print(writer.string)
    } else {
      print(MatchReport(index: index, results: results, options: options, query: query).text)
    }
  }
}

/// Prints `message` on stderr and exits with `code`.
func fail(_ message: String, code: Int32) -> Never {
  var text = "banenmatch: " + message + "\n"
  text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
  exit(code)
}
