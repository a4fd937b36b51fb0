import Dispatch

#if canImport(Glibc)
  import Glibc
#endif

/// Decodes a JSON Lines file on several threads with no thread ever waiting for a whole block
/// to finish: the file is read in blocks of whole lines, each cut at line ends into parts;
/// every thread takes the next part, or reads the next block when no part is left; the
/// calling thread also commits the blocks, in file order, as soon as all their parts are
/// decoded, while the other threads go on with the next block. At most `maxBlocks` blocks
/// are in memory at once.
final class LinePipeline<Decoder: LineDecoder>: @unchecked Sendable {
  typealias Record = Decoder.Record

  /// Blocks read ahead of the one being committed, at most.
  static var maxBlocks: Int { 3 }

  private let reader: BlockReader
  private let pool: DecoderPool<Decoder>
  private let partsPerBlock: Int
  private let monitor = Monitor()

  // Guarded by `monitor`:
  /// Blocks read and not yet committed, in file order.
  private var blocks: [LineBlock<Record>] = []
  private var readerBusy = false
  private var atEnd = false
  /// Set when the work is over: everything committed, the commit asked to stop, or a read failed.
  private var stopped = false
  private var failure: FileError?
  private var helpersRunning = 0
  private var spareBuffers: [UnsafeMutableRawBufferPointer] = []

  init(path: String, threads: Int, pool: DecoderPool<Decoder>) throws(FileError) {
    reader = try BlockReader(path: path)
    self.pool = pool
    partsPerBlock = max(1, threads)
  }

  deinit {
    for block in blocks { block.buffer.deallocate() }
    for buffer in spareBuffers { buffer.deallocate() }
  }

  /// Decodes the whole file on the calling thread and `threads - 1` helpers; calls `commit`
  /// on the calling thread with each block, in file order, until it returns false.
  func run(threads: Int, commit: (LineBlock<Record>) -> Bool) throws(FileError) {
    JSONDocument.prepareForThreads()
    for _ in 1..<max(1, threads) { LinePipelineQueue.helpers.async { self.help() } }
    var decoder = pool.take()
    decoder.begin()
    monitor.lock()
    while !stopped {
      if let first = blocks.first, first.undecoded == 0 {
        blocks.removeFirst()
        monitor.unlock()
        decoder.end()
        let goOn = commit(first)
        decoder.begin()
        monitor.lock()
        spareBuffers.append(first.buffer)
        if !goOn { stopped = true }
        monitor.broadcast()
        continue
      }
      if atEnd && blocks.isEmpty { break }
      if step(&decoder) { continue }
      monitor.wait()
    }
    // Helpers finish the part in hand and leave; those not started yet leave at once.
    stopped = true
    monitor.broadcast()
    while helpersRunning > 0 { monitor.wait() }
    let failure = failure
    monitor.unlock()
    decoder.end()
    pool.give(decoder)
    if let failure { throw failure }
  }

  /// A helper thread: decodes parts and reads blocks until the work is over.
  private func help() {
    monitor.lock()
    guard !stopped else {
      monitor.unlock()
      return
    }
    helpersRunning += 1
    monitor.unlock()
    var decoder = pool.take()
    decoder.begin()
    monitor.lock()
    while !stopped {
      if step(&decoder) { continue }
      if atEnd && !blocks.contains(where: { $0.nextPart < $0.outputs.count }) { break }
      monitor.wait()
    }
    monitor.unlock()
    decoder.end()
    pool.give(decoder)
    monitor.lock()
    helpersRunning -= 1
    monitor.broadcast()
    monitor.unlock()
  }

  /// With the monitor locked: decodes the next part, or reads the next block; false when
  /// there is nothing to do now. Returns with the monitor locked.
  private func step(_ decoder: inout Decoder) -> Bool {
    if let block = blocks.first(where: { $0.nextPart < $0.outputs.count }) {
      let part = block.nextPart
      block.nextPart += 1
      monitor.unlock()
      JSONLines.decodeLines(block.part(part), file: reader.path, decoder: &decoder, into: block.outputs[part])
      monitor.lock()
      block.undecoded -= 1
      if block.undecoded == 0 { monitor.broadcast() }
      return true
    }
    guard !readerBusy && !atEnd && !stopped && blocks.count < Self.maxBlocks else { return false }
    readerBusy = true
    let spare = spareBuffers.popLast()
    monitor.unlock()
    let result: Result<LineBlock<Record>?, FileError>
    do throws(FileError) {
      result = .success(
        try reader.next(into: spare).map { LineBlock(buffer: $0.buffer, count: $0.count, parts: partsPerBlock) })
    } catch {
      result = .failure(error)
    }
    monitor.lock()
    readerBusy = false
    switch result {
    case .success(let block?): blocks.append(block)
    case .success(nil): atEnd = true
    case .failure(let error):
      failure = error
      atEnd = true
      stopped = true
    }
    monitor.broadcast()
    return true
  }
}

/// Where the pipeline's helper threads run: a queue of our own, so that they get threads
/// even when the caller runs on a busy shared pool (the caller never waits for a helper
/// that has not started).
enum LinePipelineQueue {
  static let helpers = DispatchQueue(label: "banenmatch.json-lines", attributes: .concurrent)
}

/// A block of whole lines in a buffer of its own, cut at line ends into parts, each decoded
/// into its own output.
final class LineBlock<Record>: @unchecked Sendable {
  let buffer: UnsafeMutableRawBufferPointer
  /// The bytes of whole lines at the start of `buffer`.
  let count: Int
  let bounds: [Int]
  let outputs: [PartOutput<Record>]
  // Guarded by the pipeline's monitor:
  var nextPart = 0
  var undecoded: Int

  init(buffer: UnsafeMutableRawBufferPointer, count: Int, parts: Int) {
    self.buffer = buffer
    self.count = count
    let lines = UnsafeRawBufferPointer(rebasing: buffer[..<count])
    bounds = JSONLines.partBounds(lines, parts: parts == 1 ? 1 : max(parts, count / JSONLines.partSize))
    outputs = (1..<bounds.count).map { _ in PartOutput<Record>() }
    undecoded = outputs.count
  }

  /// The bytes of part `index`.
  func part(_ index: Int) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(rebasing: buffer[bounds[index]..<bounds[index + 1]])
  }
}

/// Reads a file in blocks of whole lines, each into a buffer of its own; the unfinished last
/// line of a block starts the next. A line longer than a block grows the buffer.
final class BlockReader: @unchecked Sendable {
  /// Bytes read at a time.
  static var blockSize: Int { 4 << 20 }

  let path: String
  private let fd: Int32
  /// The start of a line the last block cut.
  private var carry: [UInt8] = []
  private var atEnd = false

  init(path: String) throws(FileError) {
    self.path = path
    fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw FileError(file: path, message: String(cString: strerror(errno))) }
  }

  deinit { close(fd) }

  /// The next block of whole lines (the last may lack its newline at the end of the file)
  /// in `buffer` or a new or larger buffer (whichever is returned now belongs to the
  /// caller); nil at the end of the file, `buffer` deallocated.
  func next(into buffer: UnsafeMutableRawBufferPointer?) throws(FileError) -> (
    buffer: UnsafeMutableRawBufferPointer, count: Int
  )? {
    var storage = buffer ?? .allocate(byteCount: Self.blockSize, alignment: 16)
    var filled = carry.count
    if filled > storage.count { grow(&storage, to: filled * 2, keeping: 0) }
    if !carry.isEmpty {
      carry.withUnsafeBytes { storage.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
      carry = []
    }
    while true {
      if atEnd {
        guard filled > 0 else {
          storage.deallocate()
          return nil
        }
        return (storage, filled)
      }
      if filled == storage.count { grow(&storage, to: storage.count * 2, keeping: filled) }
      let count = read(fd, storage.baseAddress! + filled, storage.count - filled)
      if count < 0 {
        if errno == EINTR { continue }
        let error = FileError(file: path, message: String(cString: strerror(errno)))
        storage.deallocate()
        throw error
      }
      if count == 0 {
        atEnd = true
        continue
      }
      let searched = filled
      filled += count
      // The last newline among the bytes just read (those before hold none).
      var end = filled
      while end > searched && storage[end - 1] != UInt8(ascii: "\n") { end -= 1 }
      if end > searched {
        carry = Array(storage[end..<filled])
        return (storage, end)
      }
    }
  }

  private func grow(_ storage: inout UnsafeMutableRawBufferPointer, to size: Int, keeping bytes: Int) {
    let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
    larger.baseAddress!.copyMemory(from: storage.baseAddress!, byteCount: bytes)
    storage.deallocate()
    storage = larger
  }
}

/// A pthread mutex with a condition variable.
final class Monitor: @unchecked Sendable {
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

  init() {
    pthread_mutex_init(mutex, nil)
    pthread_cond_init(condition, nil)
  }

  deinit {
    pthread_cond_destroy(condition)
    pthread_mutex_destroy(mutex)
    condition.deallocate()
    mutex.deallocate()
  }

  func lock() { pthread_mutex_lock(mutex) }
  func unlock() { pthread_mutex_unlock(mutex) }
  /// Unlocks, waits for a `broadcast()`, locks again.
  func wait() { pthread_cond_wait(condition, mutex) }
  func broadcast() { pthread_cond_broadcast(condition) }
}

/// Line decoders for the threads of a load, made when first needed and reused from block to
/// block and file to file (a decoder may keep caches).
final class DecoderPool<Decoder: LineDecoder>: @unchecked Sendable {
  private let monitor = Monitor()
  private var idle: [Decoder] = []
  private let make: () -> Decoder

  init(idle: [Decoder] = [], _ make: @escaping () -> Decoder) {
    self.idle = idle
    self.make = make
  }

  func take() -> Decoder {
    monitor.lock()
    let decoder = idle.popLast()
    monitor.unlock()
    return decoder ?? make()
  }

  func give(_ decoder: Decoder) {
    monitor.lock()
    idle.append(decoder)
    monitor.unlock()
  }

  /// The decoders made so far; the pool is left empty.
  func drain() -> [Decoder] {
    monitor.lock()
    defer { monitor.unlock() }
    let decoders = idle
    idle = []
    return decoders
  }
}

/// The records, errors and line count of one part of a block; written by the thread that
/// decodes the part, read by the one that commits the block.
final class PartOutput<Record>: @unchecked Sendable {
  let records = RecordBuffer<Record>()
  /// Line numbers counted from 1 at the start of the part.
  var errors: [LineError] = []
  var lines = 0
}

/// Records in memory of our own, so that they can be moved (not copied, which retains and
/// releases every string and array in them) from thread to file to array.
final class RecordBuffer<Record> {
  private var base: UnsafeMutablePointer<Record>?
  private(set) var count = 0
  private var capacity = 0

  init() {}

  deinit {
    base?.deinitialize(count: count)
    base?.deallocate()
  }

  func append(_ record: consuming Record) {
    if count == capacity { reserve(max(16, capacity * 2)) }
    (base! + count).initialize(to: record)
    count += 1
  }

  private func reserve(_ total: Int) {
    let storage = UnsafeMutablePointer<Record>.allocate(capacity: total)
    if let base {
      storage.moveInitialize(from: base, count: count)
      base.deallocate()
    }
    base = storage
    capacity = total
  }

  /// Moves the records to the end of `array`; this buffer is left empty.
  func move(appendingTo array: inout [Record]) {
    for index in 0..<count { array.append((base! + index).move()) }
    count = 0
  }

  /// The records of `buffers` in order as one array; the buffers are left empty.
  static func takeArray(from buffers: [RecordBuffer]) -> [Record] {
    let total = buffers.reduce(0) { $0 + $1.count }
    return [Record](unsafeUninitializedCapacity: total) { storage, initialized in
      for buffer in buffers where buffer.count > 0 {
        (storage.baseAddress! + initialized).moveInitialize(from: buffer.base!, count: buffer.count)
        initialized += buffer.count
        buffer.count = 0
      }
    }
  }
}

/// The records of a whole file, moved block by block into one array, reserved from the
/// first block for the length of the file.
struct RecordCollector<Record> {
  private(set) var records: [Record] = []
  private let fileSize: Int?
  private var reserved = false

  init(file: String) {
    var status = stat()
    fileSize = stat(file, &status) == 0 && status.st_size > 0 ? Int(status.st_size) : nil
  }

  mutating func add(_ block: LineBlock<Record>) {
    let count = block.outputs.reduce(0) { $0 + $1.records.count }
    if !reserved, let fileSize, count > 0 {
      reserved = true
      let estimate = Double(count) * Double(fileSize) / Double(max(1, block.count)) * 1.02
      records.reserveCapacity(Int(min(estimate, Double(Int32.max))) + 64)
    }
    for part in block.outputs { part.records.move(appendingTo: &records) }
  }
}
