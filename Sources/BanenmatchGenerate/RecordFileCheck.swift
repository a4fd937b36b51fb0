import Banenmatch
import BanenmatchJSON

/// The two kinds of JSON Lines files (SPEC section 2).
public enum RecordKind: String, CaseIterable, Sendable {
  case seekers, vacancies

  /// The kind of a file, from its first non-blank line: a vacancy has `employer` or `jobType`.
  public static func detect(_ bytes: [UInt8]) -> RecordKind {
    var start = 0
    while start < bytes.count {
      var end = start
      while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
      let line = Array(bytes[start..<end])
      start = end + 1
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
      if let document = try? JSONDocument(parsing: line), document.root.kind == .object {
        let root = document.root
        return root.member("employer") != nil || root.member("jobType") != nil ? .vacancies : .seekers
      }
      // Not JSON: fall back on the text.
      let text = String(decoding: line, as: UTF8.self)
      return text.contains("\"employer\"") || text.contains("\"jobType\"") ? .vacancies : .seekers
    }
    return .seekers
  }
}

/// One thing wrong with a line: `FILE:LINE: field.path: message`.
public struct LineProblem: Hashable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  /// Empty when the line is not JSON at all.
  public var path: String
  public var message: String

  public var description: String {
    path.isEmpty ? "\(file):\(line): \(message)" : "\(file):\(line): \(path): \(message)"
  }
}

/// Checks a JSON Lines file of seekers or vacancies line by line, as `banenmatch validate`
/// does: every bad line with its number, field path and message, and a summary.
///
///     let check = RecordFileCheck(bytes: try JSONLines.read(file: "samples/seekers.jsonl"),
///                                 file: "samples/seekers.jsonl")
///     check.isValid   // true
///     check.summary   // "samples/seekers.jsonl: 60 records (seekers), 0 bad lines"
///
/// A bad line is one that is not JSON, fails SPEC section 2 (wrong type, missing field, out
/// of range, bad date, code length), or repeats an id of an earlier good line. A duplicate is
/// an error here, stricter than the engine (where the last record wins): in a data file it
/// silently drops a record, which an auditor wants to hear about.
public struct RecordFileCheck: Sendable {
  public let file: String
  public let kind: RecordKind
  /// Non-blank lines.
  public private(set) var records = 0
  public private(set) var badLines = 0
  /// The first `problemLimit` problems, in line order.
  public private(set) var problems: [LineProblem] = []
  /// Problems found beyond `problemLimit`.
  public private(set) var unreported = 0

  /// At most this many problems are listed per file (`JSONLines.errorLimit`).
  public static let problemLimit = JSONLines.errorLimit

  public var isValid: Bool { badLines == 0 }

  /// `FILE: N records (kind), M bad lines`.
  public var summary: String {
    "\(file): \(records) records (\(kind.rawValue)), \(badLines) bad line\(badLines == 1 ? "" : "s")"
  }

  /// Every line `validate` prints for this file: the problems, "and more" when capped, the
  /// summary.
  public var report: [String] {
    var lines = problems.map(\.description)
    if unreported > 0 { lines.append("\(file): … and \(unreported) more problems not shown") }
    lines.append(summary)
    return lines
  }

  /// Checks `bytes`, the content of `file`, as `kind` (detected from the first line when nil).
  public init(bytes: [UInt8], file: String, kind: RecordKind? = nil) {
    self.file = file
    self.kind = kind ?? RecordKind.detect(bytes)
    var firstLine: [String: Int] = [:]
    var lineNumber = 0
    var start = 0
    while start < bytes.count {
      lineNumber += 1
      var end = start
      while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
      let line = Array(bytes[start..<end])
      start = end + 1
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
      records += 1
      let (id, errors) = decode(line)
      var found = errors.map { LineProblem(file: file, line: lineNumber, path: $0.path, message: $0.message) }
      if let id {
        if let first = firstLine[id] {
          found.append(
            LineProblem(
              file: file, line: lineNumber, path: "id",
              message: "duplicate id \(quote(id)), first on line \(first); the engine would keep only the last"))
        } else {
          firstLine[id] = lineNumber
        }
      }
      guard !found.isEmpty else { continue }
      badLines += 1
      let room = max(0, RecordFileCheck.problemLimit - problems.count)
      problems += found.prefix(room)
      unreported += max(0, found.count - room)
    }
  }

  /// The id of a good line, or the errors of a bad one.
  private func decode(_ line: [UInt8]) -> (id: String?, errors: [LineError]) {
    switch kind {
    case .seekers:
      let result = JSONLines.decode(line, file: file) { (json) throws(ValidationError) in
        try RecordDecoding.seeker(json)
      }
      return (result.records.first?.id, result.errors)
    case .vacancies:
      let result = JSONLines.decode(line, file: file) { (json) throws(ValidationError) in
        try RecordDecoding.vacancy(json)
      }
      return (result.records.first?.id, result.errors)
    }
  }

  private func quote(_ id: String) -> String {
    id.count > 40 ? "\"\(id.prefix(40))…\"" : "\"\(id)\""
  }
}
