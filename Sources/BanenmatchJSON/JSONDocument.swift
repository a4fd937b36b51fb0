internal import CJansson

#if canImport(Glibc)
  import Glibc
#endif

/// A parsed JSON text, owned: the jansson tree lives in the document's own `JanssonArena`
/// and goes with it, in one `free` per chunk rather than one per node.
///
///     let document = try JSONDocument(parsing: Array(#"{"id": "S-1"}"#.utf8))
///     document.root.member("id")?.string  // "S-1"
///
/// The corresponding C function is `json_loadb`, with `JSON_DECODE_ANY | JSON_ALLOW_NUL`:
/// any value at the top level, `\u0000` allowed inside strings.
public final class JSONDocument: @unchecked Sendable {
  // Read-only after init: jansson allows concurrent reads of a tree nobody mutates, and
  // nothing ever changes a node's reference count (the tree is never `json_decref`ed).
  let pointer: UnsafeMutablePointer<json_t>
  /// Holds every node of the tree.
  private let arena: JanssonArena

  /// Parses `bytes`, which must hold exactly one JSON value (white space around it allowed).
  public convenience init(parsing bytes: UnsafeRawBufferPointer) throws(JSONParseError) {
    let (pointer, arena) = try JSONDocument.load(bytes)
    self.init(pointer: pointer, arena: arena)
  }

  public convenience init(parsing bytes: [UInt8]) throws(JSONParseError) {
    let loaded = bytes.withUnsafeBytes { raw in Result { () throws(JSONParseError) in try JSONDocument.load(raw) } }
    let (pointer, arena) = try loaded.get()
    self.init(pointer: pointer, arena: arena)
  }

  private init(pointer: UnsafeMutablePointer<json_t>, arena: JanssonArena) {
    self.pointer = pointer
    self.arena = arena
  }

  private static func load(
    _ bytes: UnsafeRawBufferPointer
  ) throws(JSONParseError) -> (UnsafeMutablePointer<json_t>, JanssonArena) {
    // A thread's own arena (the loader's) would take the tree and drop it at its next reset.
    precondition(!JanssonArena.isActive, "JSONDocument parsed while a JanssonArena is current")
    // jansson's nodes take a few times the text: one chunk for a request, doubling beyond.
    let arena = JanssonArena(chunkSize: max(1024, bytes.count * 4))
    arena.activate()
    let parsed = parse(bytes)
    arena.deactivate()
    return (try parsed.get(), arena)
  }

  /// Parses `bytes` as `init(parsing:)` does, into a tree in the calling thread's current
  /// `JanssonArena`, or, when none is, one the caller frees with `json_decref`.
  static func parse(_ bytes: UnsafeRawBufferPointer) -> Result<UnsafeMutablePointer<json_t>, JSONParseError> {
    var error = json_error_t()
    let flags = Int(JSON_DECODE_ANY | JSON_ALLOW_NUL)
    let empty: CChar = 0
    let root = withUnsafePointer(to: empty) { emptyPointer in
      json_loadb(bytes.baseAddress?.assumingMemoryBound(to: CChar.self) ?? emptyPointer, bytes.count, flags, &error)
    }
    guard let root else { return .failure(JSONParseError(error)) }
    return .success(root)
  }

  /// Seeds jansson's hash function once, before several threads parse at the same time
  /// (jansson seeds lazily otherwise, which is not thread-safe). The corresponding C function
  /// is `json_object_seed`.
  public static func prepareForThreads() { _ = seeded }

  private static let seeded: Bool = {
    json_object_seed(0x6261_6e65)
    return true
  }()

  /// The top-level value; valid while the document lives.
  public var root: JSONRef { JSONRef(pointer: pointer, owner: self) }
}

/// Where and why a JSON text failed to parse (jansson's `json_error_t`).
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
  /// 1-based line of the error, or -1.
  public var line: Int
  /// 1-based column in characters, or -1.
  public var column: Int
  /// Byte offset of the error.
  public var position: Int
  public var message: String
  /// jansson's `json_error_code`, e.g. 13 for a NUL byte in an object key.
  public var code: Int

  public init(line: Int, column: Int, position: Int, message: String, code: Int = 0) {
    self.line = line
    self.column = column
    self.position = position
    self.message = message
    self.code = code
  }

  init(_ error: json_error_t) {
    var error = error
    let text = withUnsafeBytes(of: &error.text) { raw in
      String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
    }
    self.init(
      line: Int(error.line), column: Int(error.column), position: Int(error.position), message: text,
      code: Int(banenmatch_json_error_code(&error)))
  }

  /// jansson's code for "NUL byte in object key not supported": valid JSON it cannot hold.
  public static let nulInKeyCode = 13

  public var description: String { "line \(line), column \(column): \(message)" }
}
