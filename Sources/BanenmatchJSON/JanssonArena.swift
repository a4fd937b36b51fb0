internal import CJansson
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Memory for jansson trees: parsing costs no `malloc` per node, and the trees are dropped
/// whole by `reset()` or with the arena, with no `free` per node and no walk of the tree.
/// The loader keeps one per thread for its lines; every `JSONDocument` (a worker's request)
/// has its own.
///
/// jansson allocates through one pair of process-wide functions (`json_set_alloc_funcs`).
/// Ours, installed before the first parse, look for an arena made current on the calling
/// thread by `activate()`: there `malloc` bumps a pointer and `free` does nothing; on every
/// other thread, and for memory that is not the arena's, they are libc's `malloc` and `free`.
///
/// The rule that makes it safe: a tree parsed while an arena is current is never
/// `json_decref`ed (it dies with `reset()` or the arena), and nothing of it is used after.
final class JanssonArena: @unchecked Sendable {
  private let state: UnsafeMutablePointer<ArenaState>

  /// An arena whose first chunk (kept across resets) holds `chunkSize` bytes.
  init(chunkSize: Int = 64 << 10) {
    JanssonArena.install()
    state = .allocate(capacity: 1)
    state.initialize(to: ArenaState(chunkSize: chunkSize))
  }

  deinit {
    precondition(JanssonArena.current != UnsafeMutableRawPointer(state), "a current arena deallocated")
    state.pointee.releaseAll()
    state.deinitialize(count: 1)
    state.deallocate()
  }

  /// Makes this arena the calling thread's, for jansson's allocations, until `deactivate()`.
  func activate() {
    precondition(JanssonArena.current == nil, "an arena is already current on this thread")
    activeArenas.add(1, ordering: .relaxed)
    pthread_setspecific(arenaKey, state)
  }

  /// Ends `activate()`; the thread allocates from libc again.
  func deactivate() {
    precondition(JanssonArena.current == UnsafeMutableRawPointer(state), "not the current arena")
    pthread_setspecific(arenaKey, nil)
    activeArenas.subtract(1, ordering: .relaxed)
  }

  /// Drops everything allocated since the last reset: every tree parsed meanwhile is gone.
  func reset() { state.pointee.reset() }

  /// Whether an arena is current on the calling thread.
  static var isActive: Bool {
    install()
    return current != nil
  }

  /// The state of the calling thread's current arena.
  private static var current: UnsafeMutableRawPointer? { pthread_getspecific(arenaKey) }

  /// Installs our allocation functions in jansson, once; before the first parse
  /// (`JSONDocument` calls this) or, at the latest, before the first arena.
  static func install() { _ = installed }

  private static let installed: Bool = {
    guard pthread_key_create(&arenaKey, nil) == 0 else { fatalError("pthread_key_create failed") }
    json_set_alloc_funcs(arenaMalloc, arenaFree)
    return true
  }()
}

/// The thread-local slot holding the current arena's state, set once by `install()` before
/// the functions that read it are given to jansson.
@exclusivity(unchecked) nonisolated(unsafe) private var arenaKey = pthread_key_t()

/// How many threads have an arena current. While none has, the functions need not look for
/// one: a thread counts its own arena before making it current, so it never reads 0 then.
private let activeArenas = Atomic<Int>(0)

/// jansson's `malloc`.
@inline(__always)
private func arenaMalloc(_ size: Int) -> UnsafeMutableRawPointer? {
  guard activeArenas.load(ordering: .relaxed) > 0, let current = pthread_getspecific(arenaKey) else {
    return malloc(size)
  }
  return current.assumingMemoryBound(to: ArenaState.self).pointee.allocate(size)
}

/// jansson's `free`.
@inline(__always)
private func arenaFree(_ pointer: UnsafeMutableRawPointer?) {
  guard let pointer else { return }
  if activeArenas.load(ordering: .relaxed) > 0, let current = pthread_getspecific(arenaKey),
    current.assumingMemoryBound(to: ArenaState.self).pointee.contains(pointer)
  {
    return
  }
  free(pointer)
}

/// The chunks of an arena: the first kept across resets, more (each at least twice the last)
/// while a long line needs them.
private struct ArenaState {
  /// The next free byte of the last chunk, and the end of that chunk.
  var next: UnsafeMutableRawPointer
  var end: UnsafeMutableRawPointer
  /// Start and end of each chunk.
  var chunks: UnsafeMutablePointer<(start: UnsafeMutableRawPointer, end: UnsafeMutableRawPointer)>
  var chunkCount = 1
  var chunkCapacity = 8

  init(chunkSize: Int) {
    guard let first = malloc(chunkSize) else { fatalError("out of memory") }
    next = first
    end = first + chunkSize
    chunks = .allocate(capacity: chunkCapacity)
    chunks[0] = (first, end)
  }

  /// 16-byte aligned like `malloc`'s; nil when out of memory, which jansson reports.
  @inline(__always)
  mutating func allocate(_ size: Int) -> UnsafeMutableRawPointer? {
    // `size` is a size_t: a "negative" one is huge.
    guard size >= 0 && size < Int.max / 4 else { return nil }
    let rounded = max(16, (size + 15) & ~15)
    if end - next >= rounded {
      let pointer = next
      next += rounded
      return pointer
    }
    return allocateChunk(rounded)
  }

  private mutating func allocateChunk(_ rounded: Int) -> UnsafeMutableRawPointer? {
    let last = chunks[chunkCount - 1]
    let size = max(rounded, (last.end - last.start) * 2)
    guard let chunk = malloc(size) else { return nil }
    if chunkCount == chunkCapacity {
      let larger = UnsafeMutablePointer<(start: UnsafeMutableRawPointer, end: UnsafeMutableRawPointer)>
        .allocate(capacity: chunkCapacity * 2)
      larger.moveInitialize(from: chunks, count: chunkCount)
      chunks.deallocate()
      chunks = larger
      chunkCapacity *= 2
    }
    chunks[chunkCount] = (chunk, chunk + size)
    chunkCount += 1
    next = chunk + rounded
    end = chunk + size
    return chunk
  }

  /// Whether `pointer` is in one of the chunks.
  @inline(__always)
  func contains(_ pointer: UnsafeMutableRawPointer) -> Bool {
    for index in 0..<chunkCount where chunks[index].start <= pointer && pointer < chunks[index].end {
      return true
    }
    return false
  }

  mutating func reset() {
    for index in 1..<max(1, chunkCount) { free(chunks[index].start) }
    chunkCount = 1
    next = chunks[0].start
    end = chunks[0].end
  }

  mutating func releaseAll() {
    reset()
    free(chunks[0].start)
    chunks.deallocate()
  }
}
