public import Banenmatch
import Dispatch
import Synchronization

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
    bytes.withUnsafeBytes { decodeLines($0, firstLine: 1, file: file, decode) }
  }

  /// Decodes the lines of `buffer`, numbered from `firstLine`.
  static func decodeLines<Record>(
    _ buffer: UnsafeRawBufferPointer, firstLine: Int, file: String,
    _ decode: (JSONRef) throws(ValidationError) -> Record
  ) -> (records: [Record], errors: [LineError]) {
    var records: [Record] = []
    var errors: [LineError] = []
    var lineNumber = firstLine - 1
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
    return (records, Array(errors.prefix(errorLimit)))
  }

  /// Bytes read from a file at a time by `decode(file:)`.
  static let blockSize = 8 << 20

  /// Decodes a JSON Lines file block by block, each block's lines split over `threads`
  /// threads; the records come out in file order whatever the thread count, and the file is
  /// never held in memory whole.
  public static func decode<Record: Sendable>(
    file path: String, threads: Int, _ decode: @escaping @Sendable (JSONRef) throws(ValidationError) -> Record
  ) throws(FileError) -> (records: [Record], errors: [LineError]) {
    var records: [Record] = []
    let errors = try JSONLines.decode(file: path, threads: threads, decode) { records += $0 }
    return (records, errors)
  }

  /// Like `decode(file:threads:_:)`, but hands over the records of each block as soon as it is
  /// decoded (the good lines' records), so that they need not all be held at once. Returns
  /// the bad lines.
  public static func decode<Record: Sendable>(
    file path: String, threads: Int, _ decode: @escaping @Sendable (JSONRef) throws(ValidationError) -> Record,
    each: ([Record]) -> Void
  ) throws(FileError) -> [LineError] {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw FileError(file: path, message: String(cString: strerror(errno))) }
    defer { close(fd) }
    var errors: [LineError] = []
    var pending: [UInt8] = []  // the start of a line the last block cut
    var chunk = [UInt8](repeating: 0, count: blockSize)
    var nextLine = 1
    while errors.count < errorLimit {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw FileError(file: path, message: String(cString: strerror(errno)))
      }
      var block = pending
      block.append(contentsOf: chunk[0..<count])
      if count > 0 {
        // Keep the unfinished last line for the next block.
        guard let lastNewline = block.lastIndex(of: UInt8(ascii: "\n")) else {
          pending = block
          continue
        }
        pending = Array(block[(lastNewline + 1)...])
        block.removeSubrange((lastNewline + 1)...)
      } else {
        pending = []
      }
      if !block.isEmpty {
        let part = decodeBlock(block, firstLine: nextLine, file: path, threads: threads, decode)
        errors += part.errors
        each(part.records)
        nextLine += part.lines
      }
      if count == 0 { break }
    }
    return Array(errors.prefix(errorLimit))
  }

  /// One block of whole lines, split at line ends into `threads` parts decoded at once.
  private static func decodeBlock<Record: Sendable>(
    _ block: [UInt8], firstLine: Int, file: String, threads: Int,
    _ decode: @escaping @Sendable (JSONRef) throws(ValidationError) -> Record
  ) -> (records: [Record], errors: [LineError], lines: Int) {
    // Part boundaries just after a newline, and the line number each part starts at.
    var bounds = [0]
    var firstLines = [firstLine]
    var line = firstLine
    var position = 0
    let parts = max(1, threads)
    for part in 1..<parts {
      let target = block.count * part / parts
      while position < target {
        if block[position] == UInt8(ascii: "\n") { line += 1 }
        position += 1
      }
      while position < block.count && block[position - 1] != UInt8(ascii: "\n") {
        if block[position] == UInt8(ascii: "\n") { line += 1 }
        position += 1
      }
      bounds.append(position)
      firstLines.append(line)
    }
    bounds.append(block.count)
    let partBounds = bounds
    let partLines = firstLines
    let results = PartResults<Record>(count: parts)
    JSONDocument.prepareForThreads()
    block.withUnsafeBytes { buffer in
      let base = UnsafeRawBufferPointer(buffer)
      nonisolated(unsafe) let shared = base
      DispatchQueue.concurrentPerform(iterations: parts) { part in
        let range = partBounds[part]..<partBounds[part + 1]
        let slice = UnsafeRawBufferPointer(rebasing: shared[range])
        results.set(part, decodeLines(slice, firstLine: partLines[part], file: file, decode))
      }
    }
    var records: [Record] = []
    var errors: [LineError] = []
    for part in 0..<parts {
      let result = results.get(part)
      records += result.records
      errors += result.errors
    }
    let lines = block.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    return (records, errors, lines)
  }
}

/// The results of the parts of a block, filled from several threads.
private final class PartResults<Record: Sendable>: @unchecked Sendable {
  private var results: [(records: [Record], errors: [LineError])]
  private let lock = Mutex(())

  init(count: Int) { results = Array(repeating: ([], []), count: count) }

  func set(_ part: Int, _ result: (records: [Record], errors: [LineError])) {
    lock.withLock { _ in results[part] = result }
  }

  func get(_ part: Int) -> (records: [Record], errors: [LineError]) { lock.withLock { _ in results[part] } }
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
    let threads = activeProcessors()
    let seekers: (records: [Seeker], errors: [LineError])
    let vacancies: (records: [Vacancy], errors: [LineError])
    do {
      seekers = try JSONLines.decode(file: seekerFile, threads: threads) { (json) throws(ValidationError) in
        try RecordDecoding.seeker(json)
      }
      vacancies = try JSONLines.decode(file: vacancyFile, threads: threads) { (json) throws(ValidationError) in
        try RecordDecoding.vacancy(json)
      }
    } catch {
      throw .file(error)
    }
    let errors = seekers.errors + vacancies.errors
    if !errors.isEmpty { throw .lines(errors) }
    return DataDirectory(seekers: seekers.records, vacancies: vacancies.records)
  }

  /// An index of both files (one write each), built block by block as the files are read, so
  /// that the decoded records are never all held beside the index.
  public static func loadIndex(_ directory: String) throws(LoadError) -> MatchIndex {
    var index = MatchIndex()
    let threads = activeProcessors()
    var errors: [LineError] = []
    do {
      errors += try JSONLines.decode(
        file: directory + "/seekers.jsonl", threads: threads,
        { (json) throws(ValidationError) in try RecordDecoding.seeker(json) },
        each: { index.upsert(validatedSeekers: $0, countingAsWrite: false) })
      errors += try JSONLines.decode(
        file: directory + "/vacancies.jsonl", threads: threads,
        { (json) throws(ValidationError) in try RecordDecoding.vacancy(json) },
        each: { index.upsert(validatedVacancies: $0, countingAsWrite: false) })
    } catch {
      throw .file(error)
    }
    if !errors.isEmpty { throw .lines(errors) }
    index.countWrites(2)
    return index
  }

  /// An index holding both files' records (one write each). The records were validated
  /// when they were decoded, so they are not checked a second time.
  public func index() throws(ValidationError) -> MatchIndex {
    var index = MatchIndex()
    index.upsert(validatedSeekers: seekers)
    index.upsert(validatedVacancies: vacancies)
    return index
  }

  /// The machine's processors.
  static func activeProcessors() -> Int {
    let count = sysconf(Int32(_SC_NPROCESSORS_ONLN))
    return count > 0 ? count : 1
  }
}
