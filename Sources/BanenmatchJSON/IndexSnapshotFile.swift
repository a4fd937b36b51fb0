public import Banenmatch
import Dispatch

#if canImport(Glibc)
  import Glibc
#endif

/// The index of a data directory kept beside its JSON Lines, in `DIR/banenmatch-index.snapshot`,
/// so that the next start on the same data reads the index back instead of decoding and laying
/// out every record again (`MatchIndex.writeSnapshot(to:)`).
///
/// The snapshot is used only when it was written by this very executable from the very bytes
/// now in `seekers.jsonl` and `vacancies.jsonl`: its header holds a hash of the executable and
/// the size and hash of each file, all computed again at every start. Any other snapshot —
/// older data, another build, a file cut short or damaged — is passed over (and replaced once
/// the JSON Lines have loaded), never read as the index. The JSON Lines stay the only source of
/// the records; the snapshot holds the same personal data, in the same directory, readable
/// by its owner only (mode 0600), and is written again whenever they change.
public enum IndexSnapshotFile {
  public static let fileName = "banenmatch-index.snapshot"

  /// Why `read` found nothing to read.
  private static let noSnapshot = "none"

  /// How an index was loaded: from the snapshot, or from the JSON Lines (and whether a
  /// snapshot was written for the next start, or why not).
  public enum Outcome: Sendable, CustomStringConvertible {
    case fromSnapshot
    case fromJSONLines(snapshot: String)

    public var description: String {
      switch self {
      case .fromSnapshot: "read from \(IndexSnapshotFile.fileName)"
      case .fromJSONLines(let snapshot): "decoded from the JSON Lines; snapshot: \(snapshot)"
      }
    }
  }

  /// Loads `DIR`'s index from its snapshot when that matches the data and this executable,
  /// else from the JSON Lines (`DataDirectory.loadIndex`), then writes the snapshot for the
  /// next start. A bad line is the same error as without the snapshot.
  public static func loadIndex(_ directory: String) throws(DataDirectory.LoadError) -> (MatchIndex, Outcome) {
    let path = directory + "/" + fileName
    let before = Fingerprint(directory: directory)
    // Why the snapshot there was passed over, for the log ("" when there was none).
    var passedOver = ""
    if let before {
      switch read(path, expecting: before) {
      case .success(let index): return (index, .fromSnapshot)
      case .failure(let error) where error.description != noSnapshot: passedOver = " (the one there: \(error))"
      case .failure: break
      }
    }
    let index = try DataDirectory.loadIndex(directory)
    guard let before else {
      return (index, .fromJSONLines(snapshot: "not written: the files or the executable cannot be read"))
    }
    // Written only when the files did not change while they were read.
    guard Fingerprint(directory: directory) == before else {
      return (index, .fromJSONLines(snapshot: "not written: the files changed while they were read"))
    }
    switch write(index, to: path, fingerprint: before) {
    case .success: return (index, .fromJSONLines(snapshot: "written" + passedOver))
    case .failure(let error): return (index, .fromJSONLines(snapshot: "not written: \(error)"))
    }
  }

  /// The index in the snapshot at `path`, if it was written with this fingerprint and reads
  /// back whole.
  static func read(_ path: String, expecting fingerprint: Fingerprint) -> Result<MatchIndex, SnapshotError> {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return .failure(SnapshotError(noSnapshot)) }
    defer { close(fd) }
    var source = FileSource(fd: fd)
    do throws(SnapshotError) {
      guard try source.readFingerprint() == fingerprint else {
        throw SnapshotError("written from other data or by another build")
      }
      return .success(try MatchIndex(snapshot: &source))
    } catch {
      return .failure(error)
    }
  }

  /// Writes the snapshot to a new file beside `path` and renames it into place, so that a
  /// reader sees the old snapshot or the new one whole, never a part.
  static func write(_ index: MatchIndex, to path: String, fingerprint: Fingerprint) -> Result<Void, SnapshotError> {
    removeAbandonedFiles(of: path)
    let temporary = path + ".\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return .failure(SnapshotError(String(cString: strerror(errno)))) }
    let name = strdup(temporary)
    fileBeingWritten = name
    defer {
      fileBeingWritten = nil
      free(name)
    }
    var sink = FileSink(fd: fd)
    var open = true
    do throws(SnapshotError) {
      try fingerprint.words.withUnsafeBytes { bytes in Result { () throws(SnapshotError) in try sink.write(bytes) } }
        .get()
      try index.writeSnapshot(to: &sink)
      open = false
      guard close(fd) == 0 else { throw SnapshotError(String(cString: strerror(errno))) }
      guard rename(temporary, path) == 0 else { throw SnapshotError(String(cString: strerror(errno))) }
      return .success(())
    } catch {
      if open { close(fd) }
      unlink(temporary)
      return .failure(error)
    }
  }
}

extension IndexSnapshotFile {
  /// The snapshot file being written (a C string), while it is: a signal handler that ends the
  /// process removes it (`unlink` is safe there), so that no part of a snapshot stays behind.
  nonisolated(unsafe) public static var fileBeingWritten: UnsafeMutablePointer<CChar>? = nil

  /// Removes the files that writers of `path` which are no longer running left (killed while
  /// writing): `path.<pid>-<n>.tmp` whose process is gone.
  static func removeAbandonedFiles(of path: String) {
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[..<$0]) } ?? "."
    let prefix = (slash.map { String(path[path.index(after: $0)...]) } ?? path) + "."
    guard let entries = opendir(directory) else { return }
    defer { closedir(entries) }
    while let entry = readdir(entries) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      guard name.hasPrefix(prefix), name.hasSuffix(".tmp"),
        let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }), pid > 0,
        kill(pid, 0) != 0 && errno == ESRCH
      else { continue }
      unlink(directory + "/" + name)
    }
  }
}

/// What a snapshot must have been written from: this executable and these two files, each by
/// its size and a hash of its bytes.
struct Fingerprint: Equatable {
  /// The format, then the executable's size and hash, then each file's.
  var words: [UInt64]

  static let format: UInt64 = 0x0150_4E53_4D4E_4142  // "BANMSNP" and the format's number

  /// Nil when a file or the executable cannot be read.
  init?(directory: String) {
    let paths = ["/proc/self/exe", directory + "/seekers.jsonl", directory + "/vacancies.jsonl"]
    // The files on every core, each thread writing its own element.
    var hashes = [(size: UInt64, hash: UInt64)?](repeating: nil, count: paths.count)
    hashes.withUnsafeMutableBufferPointer { values in
      nonisolated(unsafe) let values = values
      DispatchQueue.concurrentPerform(iterations: paths.count) { k in values[k] = Self.hash(file: paths[k]) }
    }
    var words = [Self.format]
    for entry in hashes {
      guard let entry else { return nil }
      words += [entry.size, entry.hash]
    }
    self.words = words
  }

  init(words: [UInt64]) { self.words = words }

  /// The size and a hash of the bytes of the file at `path`, read a megabyte at a time.
  static func hash(file path: String) -> (size: UInt64, hash: UInt64)? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    let chunk = 1 << 20
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
    defer { buffer.deallocate() }
    var size: UInt64 = 0
    var hash = SnapshotHash()
    while true {
      let count = Glibc.read(fd, buffer.baseAddress, chunk)
      if count < 0 && errno == EINTR { continue }
      guard count >= 0 else { return nil }
      if count == 0 { return (size, hash.value) }
      size += UInt64(count)
      hash.add(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
    }
  }
}

/// A snapshot file's bytes, read with `read(2)` straight into the index's arrays.
struct FileSource: SnapshotSource {
  let fd: Int32
  private(set) var remaining: Int

  init(fd: Int32) {
    self.fd = fd
    var status = stat()
    remaining = fstat(fd, &status) == 0 ? Int(status.st_size) : 0
  }

  mutating func read(into bytes: UnsafeMutableRawBufferPointer) throws(SnapshotError) {
    var done = 0
    while done < bytes.count {
      let count = Glibc.read(fd, bytes.baseAddress! + done, bytes.count - done)
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else {
        throw SnapshotError(count == 0 ? "the snapshot ends early" : String(cString: strerror(errno)))
      }
      done += count
    }
    remaining -= done
  }

  /// The fingerprint at the head of the file.
  mutating func readFingerprint() throws(SnapshotError) -> Fingerprint {
    var words = [UInt64](repeating: 0, count: 7)
    guard remaining >= words.count * 8 else { throw SnapshotError("the snapshot ends early") }
    try words.withUnsafeMutableBytes { bytes in Result { () throws(SnapshotError) in try read(into: bytes) } }.get()
    return Fingerprint(words: words)
  }
}

/// A snapshot file being written with `write(2)`.
struct FileSink: SnapshotSink {
  let fd: Int32

  func write(_ bytes: UnsafeRawBufferPointer) throws(SnapshotError) {
    var done = 0
    while done < bytes.count {
      let count = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { throw SnapshotError(String(cString: strerror(errno))) }
      done += count
    }
  }
}
