import Banenmatch

#if canImport(Glibc)
  import Glibc
#endif

/// A byte string of at most 16 bytes in two words, so that keys compare and hash without a
/// call to `memcmp`: for 8–16 bytes the first and the last 8 (they overlap), for 4–7 the
/// first and the last 4, for 1–3 the first, middle and last byte. Two strings of the same
/// length are equal exactly when their words are.
struct ShortBytes: Equatable {
  static let capacity = 16
  var first: UInt64
  var second: UInt64
  var count: Int

  /// nil when `bytes` is longer than `capacity`.
  @inline(__always)
  init?(_ bytes: UnsafeRawBufferPointer) {
    let count = bytes.count
    guard count <= ShortBytes.capacity else { return nil }
    self.count = count
    if count >= 8 {
      first = bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
      second = bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    } else if count >= 4 {
      first =
        UInt64(bytes.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
        | UInt64(bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)) << 32
      second = 0
    } else if count > 0 {
      first = UInt64(bytes[0]) | UInt64(bytes[count / 2]) << 8 | UInt64(bytes[count - 1]) << 16
      second = 0
    } else {
      first = 0
      second = 0
    }
  }

  /// No bytes.
  init() {
    first = 0
    second = 0
    count = 0
  }

  init?(_ text: StaticString) {
    guard let bytes = text.withUTF8Buffer({ ShortBytes(UnsafeRawBufferPointer($0)) }) else { return nil }
    self = bytes
  }

  init?(_ text: String) {
    var text = text
    guard let bytes = text.withUTF8({ ShortBytes(UnsafeRawBufferPointer($0)) }) else { return nil }
    self = bytes
  }

  @inline(__always)
  var hash: UInt64 {
    var hash = (first ^ 0x9E37_79B9_7F4A_7C15) &* 0xFF51_AFD7_ED55_8CCD
    hash ^= (second ^ UInt64(truncatingIfNeeded: count) << 56) &* 0xC4CE_B9FE_1A85_EC53
    return hash ^ (hash >> 31)
  }
}

/// Values made once per distinct byte string and then found by those bytes: the codes of a
/// data file (skills, needs, regions, employers …) repeat enormously, so its loader makes
/// one `String` per code (longer than 15 bytes, a String is a heap object) and every record
/// shares it; likewise one `Day` per date text.
///
/// Bounded: at most `maxEntries` keys of at most `maxKeyLength` bytes are kept, and a lookup
/// probes at most `maxProbes` slots; past a bound the caller simply makes the value anew.
/// Not thread-safe: one per thread.
struct InternTable<Value> {
  static var maxEntries: Int { 1 << 16 }
  static var maxKeyLength: Int { 128 }
  static var maxProbes: Int { 32 }

  /// A key: its bytes when short (`short.count` ≤ 16), else their place in `longKeys`.
  private struct Key {
    var hash: UInt64
    var short: ShortBytes
    var isLong: Bool
    var offset: Int
  }

  /// Open addressing: an index into `keys` and `values` plus one, 0 for an empty slot.
  private var slots: [Int32] = Array(repeating: 0, count: 1024)
  private var keys: [Key] = []
  private var values: [Value] = []
  /// The keys longer than `ShortBytes.capacity`, back to back.
  private var longKeys: [UInt8] = []

  init() {}

  /// The value for `key`: the kept one, or `make(key)` (kept when within bounds).
  @inline(__always)
  mutating func value(for key: UnsafeBufferPointer<UInt8>, _ make: (UnsafeBufferPointer<UInt8>) -> Value) -> Value {
    let short = ShortBytes(UnsafeRawBufferPointer(key))
    let hash: UInt64
    if let short {
      hash = short.hash
    } else {
      guard key.count <= Self.maxKeyLength else { return make(key) }
      hash = key.byteHash
    }
    let found = find(key, short: short, hash: hash)
    if found.index >= 0 { return values[found.index] }
    let value = make(key)
    if found.slot >= 0 && keys.count < Self.maxEntries {
      insert(key, short: short, hash: hash, value: value, at: found.slot)
    }
    return value
  }

  /// The kept value for `key`, if any.
  func existing(for key: UnsafeBufferPointer<UInt8>) -> Value? {
    guard let (short, hash) = Self.hashed(key) else { return nil }
    let found = find(key, short: short, hash: hash)
    return found.index >= 0 ? values[found.index] : nil
  }

  /// Keeps `value` for `key` (not kept yet), when within bounds.
  mutating func insert(_ value: Value, for key: UnsafeBufferPointer<UInt8>) {
    guard keys.count < Self.maxEntries, let (short, hash) = Self.hashed(key) else { return }
    let found = find(key, short: short, hash: hash)
    if found.index < 0 && found.slot >= 0 { insert(key, short: short, hash: hash, value: value, at: found.slot) }
  }

  /// The packed form (when short) and hash of `key`; nil when too long to keep.
  @inline(__always)
  private static func hashed(_ key: UnsafeBufferPointer<UInt8>) -> (short: ShortBytes?, hash: UInt64)? {
    if let short = ShortBytes(UnsafeRawBufferPointer(key)) { return (short, short.hash) }
    guard key.count <= maxKeyLength else { return nil }
    return (nil, key.byteHash)
  }

  /// The index of `key`, or -1 and the empty slot where it belongs (-1 when too far).
  @inline(__always)
  private func find(_ key: UnsafeBufferPointer<UInt8>, short: ShortBytes?, hash: UInt64) -> (index: Int, slot: Int) {
    slots.withUnsafeBufferPointer { slots in
      keys.withUnsafeBufferPointer { keys in
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        for _ in 0..<Self.maxProbes {
          let index = Int(slots[slot]) - 1
          if index < 0 { return (-1, slot) }
          if keys[index].hash == hash {
            if let short {
              if !keys[index].isLong && keys[index].short == short { return (index, slot) }
            } else if keys[index].isLong && keys[index].short.count == key.count
              && longKeys.withUnsafeBufferPointer({
                memcmp($0.baseAddress! + keys[index].offset, key.baseAddress!, key.count) == 0
              })
            {
              return (index, slot)
            }
          }
          slot = (slot + 1) & mask
        }
        return (-1, -1)
      }
    }
  }

  private mutating func insert(
    _ key: UnsafeBufferPointer<UInt8>, short: ShortBytes?, hash: UInt64, value: Value, at slot: Int
  ) {
    var stored = Key(hash: hash, short: short ?? ShortBytes(), isLong: short == nil, offset: longKeys.count)
    if short == nil {
      stored.short.count = key.count
      longKeys.append(contentsOf: key)
    }
    keys.append(stored)
    values.append(value)
    slots[slot] = Int32(keys.count)
    if keys.count * 2 > slots.count { rehash() }
  }

  /// Twice the slots, every key placed again.
  private mutating func rehash() {
    slots = Array(repeating: 0, count: slots.count * 2)
    let mask = slots.count - 1
    for (index, key) in keys.enumerated() {
      var slot = Int(truncatingIfNeeded: key.hash) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(index + 1)
    }
  }
}
