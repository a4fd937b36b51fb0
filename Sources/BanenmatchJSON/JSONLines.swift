public import Banenmatch

#if canImport(Glibc)
  import Glibc
#endif

/// One bad line of a JSON Lines file: the file, the 1-based line, the field and what is wrong.
public struct LineError: Error, Hashable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  /// The field path inside the record (`hours.min`), empty when the line is not JSON at all.
  public var path: String
  public var message: String

  public var description: String {
    path.isEmpty ? "\(file):\(line): \(message)" : "\(file):\(line): \(path): \(message)"
  }
}

/// A file that could not be read.
public struct FileError: Error, Hashable, Sendable, CustomStringConvertible {
  public var file: String
  public var message: String
  public var description: String { "\(file): \(message)" }
}

/// Reads seekers and vacancies from JSON Lines: one record a line, blank lines skipped.
public enum JSONLines {
  /// At most this many bad lines are reported per file.
  public static let errorLimit = 100

  /// The whole content of a file.
  public static func read(file path: String) throws(FileError) -> [UInt8] {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw FileError(file: path, message: String(cString: strerror(errno))) }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw FileError(file: path, message: String(cString: strerror(errno)))
      }
      if count == 0 { return bytes }
      bytes.append(contentsOf: chunk[0..<count])
    }
  }

  /// Decodes every line of `bytes` with `decode`; the records of the good lines, and the
  /// errors of the bad ones (at most `errorLimit`).
  public static func decode<Record>(
    _ bytes: [UInt8], file: String, _ decode: (JSONRef) throws(ValidationError) -> Record
  ) -> (records: [Record], errors: [LineError]) {
    var records: [Record] = []
    var errors: [LineError] = []
    bytes.withUnsafeBytes { buffer in
      var lineNumber = 0
      var start = 0
      while start < buffer.count && errors.count < errorLimit {
        lineNumber += 1
        var end = start
        while end < buffer.count && buffer[end] != UInt8(ascii: "\n") { end += 1 }
        let line = UnsafeRawBufferPointer(rebasing: buffer[start..<end])
        start = end + 1
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
        do throws(JSONParseError) {
          let document = try JSONDocument(parsing: line)
          do throws(ValidationError) {
            records.append(try decode(document.root))
          } catch {
            for fieldError in error.errors {
              errors.append(LineError(file: file, line: lineNumber, path: fieldError.path, message: fieldError.message))
            }
          }
        } catch {
          errors.append(
            LineError(
              file: file, line: lineNumber, path: "",
              message: "not valid JSON: \(error.message) at column \(error.column)"))
        }
      }
    }
    return (records, Array(errors.prefix(errorLimit)))
  }
}

/// `DIR/seekers.jsonl` and `DIR/vacancies.jsonl` (SPEC section 4, `--data DIR`).
public struct DataDirectory: Sendable {
  public var seekers: [Seeker]
  public var vacancies: [Vacancy]

  /// Why a data directory could not be loaded: unreadable files or bad lines.
  public enum LoadError: Error, Sendable, CustomStringConvertible {
    case file(FileError)
    case lines([LineError])

    public var description: String {
      switch self {
      case .file(let error): error.description
      case .lines(let errors): errors.map(\.description).joined(separator: "\n")
      }
    }
  }

  /// Loads both files; a missing or bad file, or any bad line, is an error.
  public static func load(_ directory: String) throws(LoadError) -> DataDirectory {
    let seekerFile = directory + "/seekers.jsonl"
    let vacancyFile = directory + "/vacancies.jsonl"
    let seekerBytes: [UInt8]
    let vacancyBytes: [UInt8]
    do {
      seekerBytes = try JSONLines.read(file: seekerFile)
      vacancyBytes = try JSONLines.read(file: vacancyFile)
    } catch {
      throw .file(error)
    }
    let seekers = JSONLines.decode(seekerBytes, file: seekerFile) { (json) throws(ValidationError) in
      try RecordDecoding.seeker(json)
    }
    let vacancies = JSONLines.decode(vacancyBytes, file: vacancyFile) { (json) throws(ValidationError) in
      try RecordDecoding.vacancy(json)
    }
    let errors = seekers.errors + vacancies.errors
    if !errors.isEmpty { throw .lines(errors) }
    return DataDirectory(seekers: seekers.records, vacancies: vacancies.records)
  }

  /// An index holding both files' records (one write each).
  public func index() throws(ValidationError) -> MatchIndex {
    var index = MatchIndex()
    try index.upsert(seekers: seekers)
    try index.upsert(vacancies: vacancies)
    return index
  }
}
