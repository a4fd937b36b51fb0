/// Byte strings compared and hashed eight bytes at a time: codes and ids are compared by their
/// UTF-8 bytes (SPEC section 2), and loading a national data set interns millions of them.
extension UnsafeBufferPointer where Element == UInt8 {
  /// Whether both hold the same bytes. A generic `elementsEqual` walks them a byte at a time.
  @inlinable
  package func hasSameBytes(as other: UnsafeBufferPointer<UInt8>) -> Bool {
    guard count == other.count else { return false }
    let a = UnsafeRawBufferPointer(self)
    let b = UnsafeRawBufferPointer(other)
    let count = a.count
    if count >= 8 {
      var offset = 0
      while offset + 8 <= count {
        if a.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
          != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        {
          return false
        }
        offset += 8
      }
      // The last eight bytes, overlapping the words already compared.
      return offset == count
        || a.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
          == b.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    }
    for k in 0..<count where a[k] != b[k] { return false }
    return true
  }

  /// A 64-bit hash of the bytes, eight at a time (multiply and fold). Not keyed: like the
  /// FNV-1a it replaced in `CodeTable`, it is no defence against collisions chosen on purpose.
  @inlinable
  package var byteHash: UInt64 {
    let bytes = UnsafeRawBufferPointer(self)
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: bytes.count)
    var offset = 0
    while offset + 8 <= bytes.count {
      hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
      hash ^= hash >> 32
      offset += 8
    }
    if offset < bytes.count {
      // The bytes left, in one word (below eight bytes in all, they are read one by one).
      var last: UInt64 = 0
      if bytes.count >= 8 {
        last = bytes.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
      } else {
        for k in offset..<bytes.count { last |= UInt64(bytes[k]) << (8 * UInt64(k - offset)) }
      }
      hash = (hash ^ last) &* 0xC4CE_B9FE_1A85_EC53
    }
    // A full finalizer (MurmurHash3's fmix64): tables take a slot from the low bits, which the
    // multiplies above leave blind to the last bytes (numbered codes would share slots).
    hash ^= hash >> 33
    hash &*= 0xFF51_AFD7_ED55_8CCD
    hash ^= hash >> 33
    hash &*= 0xC4CE_B9FE_1A85_EC53
    return hash ^ (hash >> 33)
  }
}
