/// An index written out as it is in memory, columns and grids, and read back without decoding
/// a record or laying out a grid again: what lets a worker restart on the same data in a
/// fraction of the time its JSON Lines take to load (`IndexSnapshotFile` keeps one beside them).
///
/// The bytes are this build's own layout of each column (no endianness is converted; padding
/// is written as zeros): a snapshot is read only by the executable that wrote it, which its
/// keeper checks. Every byte is hashed as it is written and read, and the hash ends the
/// snapshot: a file cut short or changed on disk is refused (`SnapshotError`), never read as
/// an index. The hash is no defence against a file forged on purpose, which the keeper's file
/// permissions are.
///
///     var sink = SomeSink()
///     try index.writeSnapshot(to: &sink)
///     var source = SomeSource()
///     let copy = try MatchIndex(snapshot: &source)   // the same answers, the same version
enum IndexSnapshotFormat {
  /// "BMINDEX" and the format's number: a snapshot of another format is refused.
  static let magic: UInt64 = 0x0158_4544_4E49_4D42
}

/// Why a snapshot could not be written or read.
public struct SnapshotError: Error, CustomStringConvertible, Sendable {
  public var description: String
  public init(_ description: String) { self.description = description }
}

/// Where a snapshot's bytes go, in order.
public protocol SnapshotSink {
  mutating func write(_ bytes: UnsafeRawBufferPointer) throws(SnapshotError)
}

/// Where a snapshot's bytes come from, in order.
public protocol SnapshotSource {
  /// Fills `bytes` whole, or throws (at the end of the bytes too).
  mutating func read(into bytes: UnsafeMutableRawBufferPointer) throws(SnapshotError)
  /// How many bytes are left: no array larger than this is allocated.
  var remaining: Int { get }
}

/// A 64-bit hash of a stream of bytes, whatever pieces it comes in (the writer and the reader
/// buffer it differently): 32 bytes at a time in four independent multiply-and-fold lanes
/// (as `byteHash` folds one word), so that hashing keeps pace with reading. Not keyed: it
/// tells damage, not forgery.
package struct SnapshotHash {
  private var lanes: (UInt64, UInt64, UInt64, UInt64) = (
    0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344, 0xA409_3822_299F_31D0, 0x082E_FA98_EC4E_6C89
  )
  /// Up to 31 bytes waiting for the rest of their block, and how many.
  private var carry: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
  private var carried = 0
  private var total: UInt64 = 0

  package init() {}

  @inline(__always)
  private static func fold(_ lane: inout UInt64, _ word: UInt64) {
    lane = (lane ^ word) &* 0xFF51_AFD7_ED55_8CCD
    lane ^= lane >> 32
  }

  @inline(__always)
  private mutating func block(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
    Self.fold(&lanes.0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    Self.fold(&lanes.1, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
    Self.fold(&lanes.2, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
    Self.fold(&lanes.3, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
  }

  package mutating func add(_ bytes: UnsafeRawBufferPointer) {
    total &+= UInt64(bytes.count)
    var offset = 0
    if carried > 0 {
      let taken = min(32 - carried, bytes.count)
      withUnsafeMutableBytes(of: &carry) { carry in
        UnsafeMutableRawBufferPointer(rebasing: carry[carried..<carried + taken])
          .copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[0..<taken]))
      }
      carried += taken
      offset = taken
      guard carried == 32 else { return }
      let full = carry
      withUnsafeBytes(of: full) { block($0, at: 0) }
      carried = 0
    }
    while offset + 32 <= bytes.count {
      block(bytes, at: offset)
      offset += 32
    }
    if offset < bytes.count {
      let left = bytes.count - offset
      carry = (0, 0, 0, 0)
      withUnsafeMutableBytes(of: &carry) { carry in
        UnsafeMutableRawBufferPointer(rebasing: carry[0..<left])
          .copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset...]))
      }
      carried = left
    }
  }

  /// The hash of the bytes so far (the bytes short of a block and the count included).
  package var value: UInt64 {
    var (a, b, c, d) = lanes
    if carried > 0 {
      var rest = carry
      withUnsafeMutableBytes(of: &rest) { _ = $0[carried...].initializeMemory(as: UInt8.self, repeating: 0) }
      Self.fold(&a, rest.0)
      Self.fold(&b, rest.1)
      Self.fold(&c, rest.2)
      Self.fold(&d, rest.3)
    }
    var hash = total
    for lane in [a, b, c, d] { Self.fold(&hash, lane) }
    hash ^= hash >> 33
    hash &*= 0xC4CE_B9FE_1A85_EC53
    return hash ^ (hash >> 33)
  }
}

/// A value a snapshot holds as its bytes, which are all its own (no padding).
protocol SnapshotPrimitive: BitwiseCopyable {}
extension UInt8: SnapshotPrimitive {}
extension Int8: SnapshotPrimitive {}
extension UInt16: SnapshotPrimitive {}
extension UInt32: SnapshotPrimitive {}
extension Int32: SnapshotPrimitive {}
extension UInt64: SnapshotPrimitive {}
extension Int: SnapshotPrimitive {}
extension Double: SnapshotPrimitive {}
extension Bool: SnapshotPrimitive {}

/// A struct of plain fields that a snapshot holds as its bytes, with the bytes between and
/// after its fields (padding: whatever the memory held) written as zeros, so that a snapshot
/// never carries stray bytes of the process's memory, and the same index writes the same bytes.
protocol SnapshotPlain: BitwiseCopyable {
  /// The bytes of every stored property (`FieldBytes(Self.self, [field(\Self.a), field(\Self.b)])`).
  static var fieldBytes: FieldBytes { get }
}

/// Which bytes of a type's stride hold its fields.
struct FieldBytes: Sendable {
  /// 0xFF where a field is, 0 elsewhere, over the type's stride.
  let mask: [UInt8]
  /// How many stored properties the ranges came from (checked against the type in the tests).
  let fields: Int

  /// One element of `fields` per stored property: its bytes (`field`), or those of a stored
  /// struct's own fields (`fields`).
  init<T>(_ type: T.Type, _ fields: [[Range<Int>]]) {
    var mask = [UInt8](repeating: 0, count: MemoryLayout<T>.stride)
    for range in fields.joined() {
      for k in range {
        precondition(mask[k] == 0, "\(T.self): fields overlap")
        mask[k] = 0xFF
      }
    }
    self.mask = mask
    self.fields = fields.count
  }

  var isDense: Bool { !mask.contains(0) }

  /// The mask as words (the stride is whole words).
  var words: [UInt64] {
    stride(from: 0, to: mask.count - 7, by: 8).map { k in
      (0..<8).reduce(0) { word, b in word | UInt64(mask[k + b]) << UInt64(8 * b) }
    }
  }
}

/// The bytes of a stored property of `T`, for `FieldBytes`.
func field<T, Value>(_ path: KeyPath<T, Value>) -> [Range<Int>] {
  guard let offset = MemoryLayout<T>.offset(of: path) else { preconditionFailure("\(path) is not stored inline") }
  return [offset..<offset + MemoryLayout<Value>.size]
}

/// The bytes of the fields of a stored struct of `T`, at the struct's offset.
func fields<T, Value: SnapshotPlain>(_ path: KeyPath<T, Value>) -> [Range<Int>] {
  guard let offset = MemoryLayout<T>.offset(of: path) else { preconditionFailure("\(path) is not stored inline") }
  var ranges: [Range<Int>] = []
  var start: Int?
  for (k, byte) in Value.fieldBytes.mask.enumerated() {
    if byte != 0, start == nil { start = k }
    if byte == 0, let first = start {
      ranges.append(offset + first..<offset + k)
      start = nil
    }
  }
  if let first = start { ranges.append(offset + first..<offset + Value.fieldBytes.mask.count) }
  return ranges
}

/// Writes items (scalars, arrays of plain values, strings) through a buffer, hashing their bytes.
struct SnapshotWriter<Sink: SnapshotSink> {
  var sink: Sink
  private var buffer: [UInt8] = []
  private var hash = SnapshotHash()
  /// The first error of the sink: items after it are dropped, and `finish` throws it.
  private var failure: SnapshotError?

  /// Arrays at least this large go to the sink directly, after the buffer.
  private static var directBytes: Int { 1 << 16 }

  init(sink: Sink) {
    self.sink = sink
    buffer.reserveCapacity(Self.directBytes * 2)
  }

  mutating func scalar<T: SnapshotPrimitive>(_ value: T) {
    withUnsafeBytes(of: value) { put($0) }
  }

  mutating func array<T: SnapshotPrimitive>(_ array: [T]) {
    scalar(array.count)
    array.withUnsafeBytes { put($0) }
  }

  mutating func array<T: SnapshotPrimitive>(_ array: ContiguousArray<T>) {
    scalar(array.count)
    array.withUnsafeBytes { put($0) }
  }

  /// A struct, its padding as zeros.
  mutating func plain<T: SnapshotPlain>(_ value: T) {
    plainBytes(ContiguousArray(CollectionOfOne(value)))
  }

  /// Structs, their padding as zeros.
  mutating func plain<T: SnapshotPlain>(_ values: ContiguousArray<T>) {
    scalar(values.count)
    plainBytes(values)
  }

  /// The structs' bytes, copied a chunk at a time and masked a word at a time.
  private mutating func plainBytes<T: SnapshotPlain>(_ values: ContiguousArray<T>) {
    let fieldBytes = T.fieldBytes
    values.withUnsafeBytes { bytes in
      if fieldBytes.isDense {
        put(bytes)
        return
      }
      let stride = MemoryLayout<T>.stride
      precondition(stride % 8 == 0, "\(T.self): a stride of whole words")
      let mask = fieldBytes.words
      let chunkBytes = max(1, Self.directBytes / stride) * stride
      var chunk = [UInt64](repeating: 0, count: chunkBytes / 8)
      var offset = 0
      while offset < bytes.count {
        let count = min(chunkBytes, bytes.count - offset)
        chunk.withUnsafeMutableBytes { chunk in
          chunk.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]))
          let words = chunk.bindMemory(to: UInt64.self)
          var k = 0
          while k < count / 8 {
            for m in mask.indices { words[k + m] &= mask[m] }
            k += mask.count
          }
          put(UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
        }
        offset += count
      }
    }
  }

  mutating func plain<T: SnapshotPlain>(_ values: [T]) { plain(ContiguousArray(values)) }

  mutating func strings(_ strings: some Collection<String>) {
    scalar(strings.count)
    var lengths = ContiguousArray<UInt32>()
    lengths.reserveCapacity(strings.count)
    var bytes = ContiguousArray<UInt8>()
    for var string in strings {
      string.withUTF8 { utf8 in
        lengths.append(UInt32(utf8.count))
        bytes.append(contentsOf: utf8)
      }
    }
    array(lengths)
    array(bytes)
  }

  /// A count, then each item as `write` writes it.
  mutating func items<T>(_ items: [T], _ write: (T, inout Self) -> Void) {
    scalar(items.count)
    for item in items { write(item, &self) }
  }

  mutating func grids<Entry>(_ grids: [CellGrid<Entry>]) {
    items(grids) { grid, writer in grid.write(to: &writer) }
  }

  private mutating func put(_ bytes: UnsafeRawBufferPointer) {
    hash.add(bytes)
    if bytes.count >= Self.directBytes {
      flush()
      send(bytes)
    } else {
      buffer.append(contentsOf: bytes)
      if buffer.count >= Self.directBytes { flush() }
    }
  }

  private mutating func flush() {
    let pending = buffer
    buffer.removeAll(keepingCapacity: true)
    pending.withUnsafeBytes { send($0) }
  }

  private mutating func send(_ bytes: UnsafeRawBufferPointer) {
    guard failure == nil, bytes.count > 0 else { return }
    do throws(SnapshotError) { try sink.write(bytes) } catch { failure = error }
  }

  /// Ends the snapshot with the hash of its items and flushes.
  mutating func finish() throws(SnapshotError) {
    let total = hash.value
    withUnsafeBytes(of: total) { buffer.append(contentsOf: $0) }
    flush()
    if let failure { throw failure }
  }
}

/// Reads what `SnapshotWriter` wrote, item by item, checking every size against the bytes
/// left and the final hash against the items read.
final class SnapshotReader<Source: SnapshotSource> {
  var source: Source
  private let buffer: UnsafeMutableRawBufferPointer
  private var start = 0
  private var end = 0
  private var hash = SnapshotHash()

  private static var bufferBytes: Int { 1 << 16 }

  init(source: Source) {
    self.source = source
    buffer = .allocate(byteCount: Self.bufferBytes, alignment: 16)
  }

  deinit { buffer.deallocate() }

  /// Bytes not read yet: what is buffered and what the source still has.
  private var left: Int { end - start + source.remaining }

  private func take(_ destination: UnsafeMutableRawBufferPointer) throws(SnapshotError) {
    var filled = 0
    while filled < destination.count {
      if start == end {
        let wanted = destination.count - filled
        if wanted >= Self.bufferBytes {
          try source.read(into: UnsafeMutableRawBufferPointer(rebasing: destination[filled...]))
          return
        }
        let size = min(Self.bufferBytes, source.remaining)
        guard size > 0 else { throw SnapshotError("the snapshot ends early") }
        try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<size]))
        (start, end) = (0, size)
      }
      let count = min(end - start, destination.count - filled)
      UnsafeMutableRawBufferPointer(rebasing: destination[filled..<filled + count])
        .copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[start..<start + count]))
      start += count
      filled += count
    }
  }

  func scalar<T: BitwiseCopyable>(_ type: T.Type) throws(SnapshotError) -> T {
    // A struct is written with its padding (`SnapshotWriter.plain`): its stride.
    try withUnsafeTemporaryAllocation(byteCount: MemoryLayout<T>.stride, alignment: MemoryLayout<T>.alignment) {
      bytes throws(SnapshotError) in
      try take(bytes)
      hash.add(UnsafeRawBufferPointer(bytes))
      return bytes.load(as: T.self)
    }
  }

  /// A count, checked against the bytes left at `stride` bytes per element.
  func count(stride: Int) throws(SnapshotError) -> Int {
    let count = try scalar(Int.self)
    guard count >= 0, count <= left / max(1, stride) else { throw SnapshotError("a size larger than the snapshot") }
    return count
  }

  /// A Bool as written (one byte, 0 or 1).
  func bool() throws(SnapshotError) -> Bool {
    switch try scalar(UInt8.self) {
    case 0: false
    case 1: true
    default: throw SnapshotError("a flag that is neither 0 nor 1")
    }
  }

  func array<T: BitwiseCopyable>(_ type: [T].Type) throws(SnapshotError) -> [T] {
    Array(try array(ContiguousArray<T>.self))
  }

  func array<T: BitwiseCopyable>(_ type: ContiguousArray<T>.Type) throws(SnapshotError) -> ContiguousArray<T> {
    let count = try count(stride: MemoryLayout<T>.stride)
    var failure: SnapshotError?
    let array = ContiguousArray<T>(unsafeUninitializedCapacity: count) { elements, initialized in
      let bytes = UnsafeMutableRawBufferPointer(elements)
      do throws(SnapshotError) {
        try take(bytes)
        hash.add(UnsafeRawBufferPointer(bytes))
      } catch {
        failure = error
        bytes.initializeMemory(as: UInt8.self, repeating: 0)
      }
      initialized = count
    }
    if let failure { throw failure }
    return array
  }

  func strings() throws(SnapshotError) -> ContiguousArray<String> {
    let count = try count(stride: MemoryLayout<UInt32>.stride)
    let lengths = try array(ContiguousArray<UInt32>.self)
    let bytes = try array(ContiguousArray<UInt8>.self)
    guard lengths.count == count, lengths.reduce(0, { $0 + Int($1) }) == bytes.count else {
      throw SnapshotError("string lengths that do not add up")
    }
    var strings = ContiguousArray<String>()
    strings.reserveCapacity(count)
    bytes.withUnsafeBufferPointer { bytes in
      var offset = 0
      for length in lengths {
        let next = offset + Int(length)
        strings.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<next]), as: UTF8.self))
        offset = next
      }
    }
    return strings
  }

  /// A count, then that many items, each read by `read` (each at least `bytes` bytes long).
  func items<T>(bytes: Int, _ read: (SnapshotReader) throws(SnapshotError) -> T) throws(SnapshotError) -> [T] {
    let count = try count(stride: bytes)
    var items: [T] = []
    items.reserveCapacity(count)
    for _ in 0..<count { items.append(try read(self)) }
    return items
  }

  func grids<Entry>(_ type: Entry.Type) throws(SnapshotError) -> [CellGrid<Entry>] {
    try items(bytes: 64) { reader throws(SnapshotError) in try CellGrid(from: reader) }
  }

  /// Reads the hash that ends the snapshot and compares it with the items'; nothing may follow.
  func finish() throws(SnapshotError) {
    let computed = hash.value
    guard try scalar(UInt64.self) == computed else { throw SnapshotError("the snapshot's hash does not match") }
    guard left == 0 else { throw SnapshotError("bytes after the end of the snapshot") }
  }
}

extension GeoPoint: SnapshotPlain {
  static let fieldBytes = FieldBytes(Self.self, [field(\Self.lat), field(\Self.lon)])
}
