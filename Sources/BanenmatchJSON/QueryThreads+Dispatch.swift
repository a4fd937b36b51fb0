import Banenmatch
import Dispatch

extension QueryThreads {
  /// Every processor, through `DispatchQueue.concurrentPerform`: what the worker and the
  /// command line give their index. A part finds no idle thread when every core is busy
  /// with other requests, and then runs on the calling thread, after the others.
  public static var allCores: QueryThreads {
    QueryThreads(count: DataDirectory.activeProcessors()) { count, body in
      DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }
  }
}
