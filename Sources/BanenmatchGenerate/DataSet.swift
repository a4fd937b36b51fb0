public import Banenmatch
import BanenmatchJSON
import Dispatch

#if canImport(Glibc)
  import Glibc
#endif

/// A synthetic data set: `seekers.jsonl` and `vacancies.jsonl` (SPEC section 2), the same
/// bytes for the same parameters on every machine, every run and any number of threads.
///
///     let set = DataSet(seekers: 300_000, vacancies: 60_000, seed: 42, today: Day(iso: "2026-12-01")!)
///     try set.write(to: "/tmp/nl")
///
/// Records are made in chunks of `chunkSize`; chunk *c* of a file draws from its own random
/// source, derived from the seed, the file and *c* alone. Chunks run in parallel and are
/// written in order, so the output cannot depend on scheduling.
public struct DataSet: Sendable {
  public var seekers: Int
  public var vacancies: Int
  public var seed: UInt64
  /// The reference date ("now") for availability and start dates; never the clock.
  public var today: Day

  /// Records per chunk. Part of the output's definition: changing it changes the bytes.
  public static let chunkSize = 2048
  /// The default reference date, fixed so that a seed gives the same bytes on any day.
  public static let defaultToday = Day(year: 2026, month: 12, day: 1)!

  public init(seekers: Int, vacancies: Int, seed: UInt64, today: Day = DataSet.defaultToday) {
    self.seekers = seekers
    self.vacancies = vacancies
    self.seed = seed
    self.today = today
  }

  /// Both files' lines, as chunks in file order: `(seekers, vacancies)`.
  ///
  /// - Parameter parallel: Make chunks on all cores (the default) or one after another;
  ///   the bytes are the same either way.
  public func chunks(parallel: Bool = true) -> (seekers: [[UInt8]], vacancies: [[UInt8]]) {
    let seekerChunks = chunkCount(seekers)
    let total = seekerChunks + chunkCount(vacancies)
    let seekerGenerator = SeekerGenerator(today: today, count: seekers)
    let vacancyGenerator = VacancyGenerator(today: today, count: vacancies)
    var results = [[UInt8]](repeating: [], count: total)
    results.withUnsafeMutableBufferPointer { buffer in
      let slots = ChunkSlots(buffer: buffer)
      let make: @Sendable (Int) -> Void = { chunk in
        if chunk < seekerChunks {
          slots.buffer[chunk] = self.seekerChunk(chunk, seekerGenerator)
        } else {
          slots.buffer[chunk] = self.vacancyChunk(chunk - seekerChunks, vacancyGenerator)
        }
      }
      if parallel {
        DispatchQueue.concurrentPerform(iterations: total, execute: make)
      } else {
        for chunk in 0..<total { make(chunk) }
      }
    }
    return (Array(results[0..<seekerChunks]), Array(results[seekerChunks...]))
  }

  /// Writes `DIR/seekers.jsonl` and `DIR/vacancies.jsonl`, creating `DIR` when missing.
  public func write(to directory: String, parallel: Bool = true) throws(OutputError) {
    if mkdir(directory, 0o755) != 0 && errno != EEXIST {
      throw OutputError(file: directory, message: String(cString: strerror(errno)))
    }
    let (seekerChunks, vacancyChunks) = chunks(parallel: parallel)
    try DataSet.write(seekerChunks, to: directory + "/seekers.jsonl")
    try DataSet.write(vacancyChunks, to: directory + "/vacancies.jsonl")
  }

  private func chunkCount(_ records: Int) -> Int { (records + DataSet.chunkSize - 1) / DataSet.chunkSize }

  private func seekerChunk(_ chunk: Int, _ generator: SeekerGenerator) -> [UInt8] {
    var random = RandomSource(seed: seed, stream: 1, chunk: chunk)
    let range = chunk * DataSet.chunkSize..<min(seekers, (chunk + 1) * DataSet.chunkSize)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(range.count * 420)
    for index in range {
      var writer = JSONWriter(capacity: 1024)
      writer.seeker(generator.seeker(number: index + 1, random: &random))
      bytes += writer.bytes
      bytes.append(UInt8(ascii: "\n"))
    }
    return bytes
  }

  private func vacancyChunk(_ chunk: Int, _ generator: VacancyGenerator) -> [UInt8] {
    var random = RandomSource(seed: seed, stream: 2, chunk: chunk)
    let range = chunk * DataSet.chunkSize..<min(vacancies, (chunk + 1) * DataSet.chunkSize)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(range.count * 620)
    for index in range {
      var writer = JSONWriter(capacity: 1024)
      writer.vacancy(generator.vacancy(number: index + 1, random: &random))
      bytes += writer.bytes
      bytes.append(UInt8(ascii: "\n"))
    }
    return bytes
  }

  /// Writes `chunks` one after another to `path`, replacing the file.
  static func write(_ chunks: [[UInt8]], to path: String) throws(OutputError) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw OutputError(file: path, message: String(cString: strerror(errno))) }
    defer { close(fd) }
    for chunk in chunks {
      var offset = 0
      while offset < chunk.count {
        let written = chunk.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
        if written < 0 {
          if errno == EINTR { continue }
          throw OutputError(file: path, message: String(cString: strerror(errno)))
        }
        offset += written
      }
    }
  }
}

/// A file or directory that could not be written.
public struct OutputError: Error, Hashable, Sendable, CustomStringConvertible {
  public var file: String
  public var message: String
  public init(file: String, message: String) {
    self.file = file
    self.message = message
  }
  public var description: String { "\(file): \(message)" }
}

/// The chunk results, shared by the parallel iterations: each writes only its own slot.
private struct ChunkSlots: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<[UInt8]>
}
