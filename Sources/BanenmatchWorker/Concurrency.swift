import BanenmatchJSON
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Gives the pages the allocator holds free back to the system (glibc keeps them otherwise).
/// glibc's `malloc_trim` is not in the `Glibc` module (`malloc.h`), so it is looked up once.
func releaseFreedMemory() {
  #if canImport(Glibc)
    _ = mallocTrim?(0)
  #endif
}

#if canImport(Glibc)
  private let mallocTrim: (@convention(c) (Int) -> Int32)? = dlsym(
    UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim"
  )
  .map { unsafeBitCast($0, to: (@convention(c) (Int) -> Int32).self) }
#endif

/// Set by `$/cancelRequest`; long requests check it between units of work.
final class CancellationFlag: Sendable {
  private let cancelled = Atomic<Bool>(false)
  init() {}
  var isCancelled: Bool { cancelled.load(ordering: .relaxed) }
  func cancel() { cancelled.store(true, ordering: .relaxed) }
  /// Throws -32800 when the request has been cancelled.
  func check() throws(RPCError) { if isCancelled { throw .cancelled } }
}

/// The output of parallel chunks, kept in chunk order.
final class ChunkResults: Sendable {
  private let chunks: Mutex<[[UInt8]]>
  init(count: Int) { chunks = Mutex(Array(repeating: [], count: count)) }
  func set(_ index: Int, _ bytes: [UInt8]) { chunks.withLock { $0[index] = bytes } }
  func bytes(_ index: Int) -> [UInt8] { chunks.withLock { $0[index] } }
  var totalBytes: Int { chunks.withLock { $0.reduce(0) { $0 + $1.count } } }
}

/// Work done so far, across threads.
final class ProgressCounter: Sendable {
  private let value = Atomic<Int>(0)
  init() {}
  /// Adds `count`; returns the new total.
  func add(_ count: Int) -> Int { value.add(count, ordering: .relaxed).newValue }
}

/// The machine's processors.
enum System {
  static var activeProcessorCount: Int {
    let count = sysconf(Int32(_SC_NPROCESSORS_ONLN))
    return count > 0 ? count : 1
  }
}
