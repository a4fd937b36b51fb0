public import Banenmatch
import Dispatch

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
    withoutActuallyEscaping(decode) { decode in
      var decoder = DocumentLineDecoder(decode: decode)
      let output = PartOutput<Record>()
      bytes.withUnsafeBytes { decodeLines($0, file: file, decoder: &decoder, into: output) }
      return (RecordBuffer.takeArray(from: [output.records]), Array(output.errors.prefix(errorLimit)))
    }
  }

  /// Decodes the lines of `buffer` into `output`: its records, its errors with line numbers
  /// counted from 1 at the start of `buffer`, and its number of lines (newlines, plus an
  /// unfinished last line). Stops decoding, but not counting, at `errorLimit` errors.
  static func decodeLines<Decoder: LineDecoder>(
    _ buffer: UnsafeRawBufferPointer, file: String, decoder: inout Decoder, into output: PartOutput<Decoder.Record>
  ) {
    guard let base = buffer.baseAddress else { return }
    let count = buffer.count
    let records = output.records
    var errors: [LineError] = []
    var lineNumber = 0
    var start = 0
    while start < count {
      if errors.count >= errorLimit {
        lineNumber += countLines(UnsafeRawBufferPointer(start: base + start, count: count - start))
        break
      }
      lineNumber += 1
      let end = newline(in: buffer, from: start) ?? count
      let line = UnsafeRawBufferPointer(start: base + start, count: end - start)
      start = end + 1
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
      switch decoder.decode(line) {
      case .record(let record):
        records.append(record)
      case .invalid(let fieldErrors):
        for fieldError in fieldErrors {
          errors.append(LineError(file: file, line: lineNumber, path: fieldError.path, message: fieldError.message))
        }
      case .notJSON(let error):
        errors.append(
          LineError(
            file: file, line: lineNumber, path: "",
            message: "not valid JSON: \(error.message) at column \(error.column)"))
      }
    }
    output.errors = errors
    output.lines = lineNumber
  }

  /// The lines of `buffer`: its newlines, and one more when it does not end with one.
  static func countLines(_ buffer: UnsafeRawBufferPointer) -> Int {
    var lines = 0
    var start = 0
    while start < buffer.count {
      let end = newline(in: buffer, from: start) ?? buffer.count
      lines += 1
      start = end + 1
    }
    return lines
  }

  /// The offset of the first newline in `buffer` at or after `start`.
  @inline(__always)
  static func newline(in buffer: UnsafeRawBufferPointer, from start: Int) -> Int? {
    guard start < buffer.count, let base = buffer.baseAddress else { return nil }
    return memchr(base + start, Int32(UInt8(ascii: "\n")), buffer.count - start).map { UnsafeRawPointer($0) - base }
  }

  /// The size a block is cut into for the threads to share (at line ends): small enough that
  /// no thread waits long for the others at the end of a file.
  static let partSize = 128 << 10

  /// Decodes a JSON Lines file block by block, each block's lines split over `threads`
  /// threads; the records come out in file order whatever the thread count, and the file is
  /// never held in memory whole.
  public static func decode<Record: Sendable>(
    file path: String, threads: Int, _ decode: @escaping @Sendable (JSONRef) throws(ValidationError) -> Record
  ) throws(FileError) -> (records: [Record], errors: [LineError]) {
    var records = RecordCollector<Record>(file: path)
    let errors = try decodeFile(path, threads: threads, pool: DecoderPool { DocumentLineDecoder(decode: decode) }) {
      records.add($0)
    }
    return (records.records, errors)
  }

  /// Like `decode(file:threads:_:)`, but hands over the records of each block as soon as it is
  /// decoded (the good lines' records), so that they need not all be held at once. Returns
  /// the bad lines.
  public static func decode<Record: Sendable>(
    file path: String, threads: Int, _ decode: @escaping @Sendable (JSONRef) throws(ValidationError) -> Record,
    each: ([Record]) -> Void
  ) throws(FileError) -> [LineError] {
    try decodeFile(path, threads: threads, pool: DecoderPool { DocumentLineDecoder(decode: decode) }) {
      each(RecordBuffer.takeArray(from: $0.outputs.map(\.records)))
    }
  }

  /// Reads `path` block by block and decodes each block's lines on up to `threads` threads
  /// with decoders from `pool` (`LinePipeline`); hands each block, in file order, to `each`
  /// on the calling thread. Stops after the block in which the errors reach `errorLimit`.
  static func decodeFile<Decoder: LineDecoder>(
    _ path: String, threads: Int, pool: DecoderPool<Decoder>, each: (LineBlock<Decoder.Record>) -> Void
  ) throws(FileError) -> [LineError] {
    let pipeline = try LinePipeline(path: path, threads: threads, pool: pool)
    var errors: [LineError] = []
    var nextLine = 1
    try pipeline.run(threads: threads) { block in
      for part in block.outputs {
        for var error in part.errors {
          error.line += nextLine - 1
          errors.append(error)
        }
        nextLine += part.lines
      }
      each(block)
      return errors.count < errorLimit
    }
    return Array(errors.prefix(errorLimit))
  }

  /// Offsets that cut `block` into about `parts` parts, each just after a newline: the first
  /// is 0 and the last `block.count`.
  static func partBounds(_ block: UnsafeRawBufferPointer, parts: Int) -> [Int] {
    var bounds = [0]
    guard parts > 1 else { return bounds + [block.count] }
    for part in 1..<parts {
      let target = max(block.count * part / parts, bounds[bounds.count - 1] + 1)
      guard target < block.count else { break }
      // The first offset at or after `target` just after a newline.
      guard let newline = newline(in: block, from: target - 1) else { break }
      let bound = newline + 1
      guard bound < block.count else { break }
      bounds.append(bound)
    }
    bounds.append(block.count)
    return bounds
  }
}

/// What one non-blank line decoded to.
enum LineOutcome<Record> {
  case record(Record)
  case invalid([FieldError])
  case notJSON(JSONParseError)
}

/// Decodes lines into records, on one thread at a time.
protocol LineDecoder: SendableMetatype {
  associatedtype Record
  /// Called on a thread before it decodes lines with this decoder.
  mutating func begin()
  mutating func decode(_ line: UnsafeRawBufferPointer) -> LineOutcome<Record>
  /// Called on the same thread when it is done with this decoder for now.
  mutating func end()
}

/// Each line a `JSONDocument`, its root handed to a closure.
struct DocumentLineDecoder<Record>: LineDecoder {
  let decode: (JSONRef) throws(ValidationError) -> Record

  func begin() {}
  func end() {}

  func decode(_ line: UnsafeRawBufferPointer) -> LineOutcome<Record> {
    do throws(JSONParseError) {
      let document = try JSONDocument(parsing: line)
      do throws(ValidationError) {
        return .record(try decode(document.root))
      } catch {
        return .invalid(error.errors)
      }
    } catch {
      return .notJSON(error)
    }
  }
}

/// A record type that `RecordLineDecoder` can read.
protocol LineRecord {
  static func decode(_ json: JSONValue, _ decoder: inout FieldDecoder) throws(ValidationError) -> Self
}

extension Seeker: LineRecord {
  static func decode(_ json: JSONValue, _ decoder: inout FieldDecoder) throws(ValidationError) -> Seeker {
    try RecordDecoding.seeker(json, &decoder)
  }
}

extension Vacancy: LineRecord {
  static func decode(_ json: JSONValue, _ decoder: inout FieldDecoder) throws(ValidationError) -> Vacancy {
    try RecordDecoding.vacancy(json, &decoder)
  }
}

/// Records as `RecordDecoding` reads them, for loading data files: each line parsed into the
/// thread's `JanssonArena` and dropped with it, and repeated codes, names and dates shared
/// (`FieldDecoder(sharing:)`) for as long as the decoder is reused.
struct RecordLineDecoder<Record: LineRecord>: LineDecoder {
  private let arena: JanssonArena
  private var fields: FieldDecoder

  init() {
    arena = JanssonArena()
    fields = FieldDecoder(sharing: true)
  }

  /// A decoder of another record type with the arena and shared values of `other`.
  init<Other>(reusing other: RecordLineDecoder<Other>) {
    arena = other.arena
    fields = other.fields
  }

  func begin() { arena.activate() }

  func end() { arena.deactivate() }

  mutating func decode(_ line: UnsafeRawBufferPointer) -> LineOutcome<Record> {
    defer { arena.reset() }
    switch JSONDocument.parse(line) {
    case .failure(let error):
      return .notJSON(error)
    case .success(let root):
      fields.reset()
      do throws(ValidationError) {
        return .record(try Record.decode(JSONValue(root), &fields))
      } catch {
        return .invalid(error.errors)
      }
    }
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
    var seekers = RecordCollector<Seeker>(file: directory + "/seekers.jsonl")
    var vacancies = RecordCollector<Vacancy>(file: directory + "/vacancies.jsonl")
    try loadFiles(directory, seekers: { seekers.add($0) }, vacancies: { vacancies.add($0) })
    return DataDirectory(seekers: seekers.records, vacancies: vacancies.records)
  }

  /// An index of both files (one write each), built block by block as the files are read, so
  /// that the decoded records are never all held beside the index.
  public static func loadIndex(_ directory: String) throws(LoadError) -> MatchIndex {
    var index = MatchIndex()
    try loadFiles(
      directory,
      seekers: {
        index.upsert(validatedSeekers: RecordBuffer.takeArray(from: $0.outputs.map(\.records)), countingAsWrite: false)
      },
      vacancies: {
        index.upsert(
          validatedVacancies: RecordBuffer.takeArray(from: $0.outputs.map(\.records)), countingAsWrite: false)
      })
    // Laying out the index (the grids of the seekers' skills) uses every core too.
    index.countWrites(2) { count, body in DispatchQueue.concurrentPerform(iterations: count, execute: body) }
    return index
  }

  /// Decodes `DIR/seekers.jsonl`, then `DIR/vacancies.jsonl`, on all processors, handing
  /// each block (in file order, on the calling thread) to `seekers` or `vacancies`; throws
  /// when a file cannot be read or any line is bad (after both files, with the errors of both).
  private static func loadFiles(
    _ directory: String, seekers: (LineBlock<Seeker>) -> Void, vacancies: (LineBlock<Vacancy>) -> Void
  ) throws(LoadError) {
    let threads = activeProcessors()
    var errors: [LineError] = []
    do {
      let seekerDecoders = DecoderPool { RecordLineDecoder<Seeker>() }
      errors += try JSONLines.decodeFile(
        directory + "/seekers.jsonl", threads: threads, pool: seekerDecoders, each: seekers)
      // The vacancies' codes (skills, regions, …) are mostly the seekers': keep sharing them.
      let vacancyDecoders = DecoderPool(idle: seekerDecoders.drain().map(RecordLineDecoder<Vacancy>.init(reusing:))) {
        RecordLineDecoder<Vacancy>()
      }
      errors += try JSONLines.decodeFile(
        directory + "/vacancies.jsonl", threads: threads, pool: vacancyDecoders, each: vacancies)
    } catch {
      throw .file(error)
    }
    if !errors.isEmpty { throw .lines(errors) }
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
