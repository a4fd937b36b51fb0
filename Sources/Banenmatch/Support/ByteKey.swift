/// A string compared, hashed and ordered by its UTF-8 bytes.
///
/// Swift's `String` equality is canonical equivalence; ids and codes are byte strings in
/// SPEC section 2 ("é" and "e\u{301}" are different ids), and ties sort in byte order.
@usableFromInline
struct ByteKey: Hashable, Sendable {
  @usableFromInline var string: String
  @inlinable init(_ string: String) { self.string = string }

  @inlinable static func == (lhs: ByteKey, rhs: ByteKey) -> Bool {
    var left = lhs.string
    var right = rhs.string
    return left.withUTF8 { a in right.withUTF8 { b in a.hasSameBytes(as: b) } }
  }

  @inlinable func hash(into hasher: inout Hasher) {
    var copy = string
    copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }
}

extension String {
  /// Byte order of the UTF-8 encodings, which is also Unicode code point order.
  @inlinable
  func bytesPrecede(_ other: String) -> Bool {
    utf8.lexicographicallyPrecedes(other.utf8)
  }
}
