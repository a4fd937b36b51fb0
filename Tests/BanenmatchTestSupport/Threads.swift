#if canImport(Glibc)
  import Glibc
#endif

/// Runs every `body(i)` on a thread of its own, all at once, as the loader's
/// `concurrentPerform` runs them in a worker (under the test runner, `concurrentPerform` runs
/// every iteration on one thread), and joins them, so that nothing holds `body` once this
/// returns (`withoutActuallyEscaping` checks it).
public func onThreads(_ count: Int, _ body: @Sendable (Int) -> Void) {
  withoutActuallyEscaping(body) { body in
    var threads: [pthread_t] = []
    for i in 0..<count {
      let job = Unmanaged.passRetained(ThreadJob { body(i) }).toOpaque()
      var thread = pthread_t()
      let created = pthread_create(
        &thread, nil,
        { argument in
          Unmanaged<ThreadJob>.fromOpaque(argument!).takeRetainedValue().run()
          return nil
        }, job)
      precondition(created == 0, "pthread_create failed")
      threads.append(thread)
    }
    for thread in threads { pthread_join(thread, nil) }
  }
}

/// Work for a thread of `onThreads`.
private final class ThreadJob {
  let run: () -> Void
  init(_ run: @escaping () -> Void) { self.run = run }
}
