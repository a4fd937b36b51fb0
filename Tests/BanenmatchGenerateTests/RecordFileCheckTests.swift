import BanenmatchGenerate
import BanenmatchJSON
import Testing

/// `banenmatch validate` names each kind of defect with its line number and field path.
@Suite struct RecordFileCheckTests {
  static let good = #"{"id":"S-1","location":{"lat":52,"lon":5},"maxTravelKm":10,"hours":{"min":4,"max":20}}"#
  static let goodVacancy =
    #"{"id":"V-1","employer":{"id":"E-1","type":"markt"},"jobType":"magazijn","location":{"lat":52,"lon":5},"#
    + #""hours":{"min":4,"max":20}}"#

  /// (defect, line, expected path, a word of the expected message).
  @Test(arguments: [
    ("not JSON", #"{"id":"S-2","location":"#, "", "not valid JSON"),
    ("wrong type", good.replacingOccurrences("\"maxTravelKm\":10", "\"maxTravelKm\":\"10\""), "maxTravelKm", "number"),
    ("missing required field", good.replacingOccurrences(",\"hours\":{\"min\":4,\"max\":20}", ""), "hours", "required"),
    ("out of range", good.replacingOccurrences("\"maxTravelKm\":10", "\"maxTravelKm\":300"), "maxTravelKm", "250"),
    ("out of range, nested", good.replacingOccurrences("\"min\":4", "\"min\":-1"), "hours.min", "0 to 40"),
    ("bad date", good.replacingOccurrences("}}", "},\"availableFrom\":\"2027-02-30\"}"), "availableFrom", "YYYY-MM-DD"),
    (
      "code too long",
      good.replacingOccurrences("}}", "},\"skills\":[\"ok\",\"\(String(repeating: "x", count: 65))\"]}"),
      "skills[1]", "64 bytes"
    ),
    ("bad enumeration", good.replacingOccurrences("}}", "},\"education\":\"havo\"}"), "education", "one of"),
    ("not an object", "[1, 2]", "", "object"),
  ])
  func defect(name: String, line: String, path: String, message: String) {
    let text = [Self.good, line, Self.good.replacingOccurrences("S-1", "S-3")].joined(separator: "\n") + "\n"
    let check = RecordFileCheck(bytes: Array(text.utf8), file: "f.jsonl", kind: .seekers)
    #expect(!check.isValid, "\(name)")
    #expect(check.records == 3 && check.badLines == 1, "\(name)")
    let problem = check.problems.first
    #expect(problem?.line == 2, "\(name)")
    #expect(problem?.path == path, "\(name): \(String(describing: problem))")
    #expect(problem?.message.contains(message) == true, "\(name): \(String(describing: problem))")
    #expect(check.report.first?.hasPrefix(path.isEmpty ? "f.jsonl:2: " : "f.jsonl:2: \(path): ") == true)
    #expect(check.report.last == "f.jsonl: 3 records (seekers), 1 bad line")
  }

  @Test func duplicateIdIsABadLine() {
    let text = [Self.good, "", Self.good].joined(separator: "\n")
    let check = RecordFileCheck(bytes: Array(text.utf8), file: "f.jsonl")
    #expect(check.records == 2 && check.badLines == 1)
    #expect(
      check.problems.map(\.description) == [
        #"f.jsonl:3: id: duplicate id "S-1", first on line 1; the engine would keep only the last"#
      ])
  }

  @Test func vacancyDefectsHaveVacancyPaths() {
    let bad = Self.goodVacancy.replacingOccurrences("\"type\":\"markt\"", "\"type\":\"bv\"")
    let check = RecordFileCheck(bytes: Array((Self.goodVacancy + "\n" + bad + "\n").utf8), file: "v.jsonl")
    #expect(check.kind == .vacancies)
    #expect(check.problems.map(\.path) == ["employer.type"])
    #expect(check.problems.first?.line == 2)
  }

  @Test func kindIsDetectedFromTheFirstNonBlankLine() {
    #expect(RecordKind.detect(Array("\n  \n\(Self.goodVacancy)\n".utf8)) == .vacancies)
    #expect(RecordKind.detect(Array("\(Self.good)\n".utf8)) == .seekers)
    #expect(RecordKind.detect(Array("{\"jobType\": oops\n".utf8)) == .vacancies)
    #expect(RecordKind.detect([]) == .seekers)
    // Forced kind: a seeker line checked as a vacancy misses the vacancy's required fields.
    let check = RecordFileCheck(bytes: Array(Self.good.utf8), file: "f", kind: .vacancies)
    #expect(Set(check.problems.map(\.path)) == ["employer", "jobType"])
  }

  @Test func problemsAreCappedWithAndMore() {
    let text = Array(repeating: "oops", count: 150).joined(separator: "\n")
    let check = RecordFileCheck(bytes: Array(text.utf8), file: "f")
    #expect(check.badLines == 150 && check.problems.count == 100 && check.unreported == 50)
    #expect(check.report.count == 102)
    #expect(check.report[100] == "f: … and 50 more problems not shown")
  }

  @Test func emptyFileIsValid() {
    let check = RecordFileCheck(bytes: Array("\n\n".utf8), file: "f")
    #expect(check.isValid && check.records == 0)
  }
}

extension String {
  /// This string with every `target` replaced (no Foundation in these tests).
  fileprivate func replacingOccurrences(_ target: String, _ replacement: String) -> String {
    var result = ""
    var rest = Substring(self)
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound] + replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
