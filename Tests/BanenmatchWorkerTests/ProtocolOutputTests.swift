import Dispatch
import Foundation
import Synchronization
import Testing

@testable import BanenmatchWorker

#if canImport(Glibc)
  import Glibc
#endif

/// `ProtocolOutput`'s deferred answers: held only while requests wait to start, always in
/// the order sent, and written by the next plain send, by `flush()`, or once 64 KiB are held.
@Suite struct ProtocolOutputTests {
  typealias Capture = FuzzRegressionTests.Capture

  @Test func aDeferrableAnswerWaitsOnlyWhileRequestsWait() {
    let capture = Capture()
    let output = ProtocolOutput(fd: capture.fd, framing: .lines)
    // Nothing waits: written at once.
    output.send(Array("1".utf8), deferrable: true)
    #expect(capture.lines == ["1"])
    // A request waits: held back, until a plain send writes both, in order.
    output.backlog.store(1, ordering: .relaxed)
    output.send(Array("2".utf8), deferrable: true)
    #expect(capture.lines == ["1"])
    output.send(Array("3".utf8))
    #expect(capture.lines == ["1", "2", "3"])
    // Held back, then flushed.
    output.send(Array("4".utf8), deferrable: true)
    #expect(capture.lines == ["1", "2", "3"])
    output.backlog.store(0, ordering: .relaxed)
    output.flush()
    #expect(capture.lines == ["1", "2", "3", "4"])
    output.flush()
    #expect(capture.lines == ["1", "2", "3", "4"])
  }

  @Test func heldAnswersAreWrittenOnceTheyReachTheLimit() {
    let capture = Capture()
    let output = ProtocolOutput(fd: capture.fd, framing: .headers)
    output.backlog.store(1, ordering: .relaxed)
    let body = Array(repeating: UInt8(ascii: "7"), count: 1000)
    var sent = 0
    while capture.bytes.isEmpty && sent < 1000 {
      output.send(body, deferrable: true)
      sent += 1
    }
    // Each frame is a 24-byte header and 1,000 bytes: the first to reach 64 KiB is written
    // with all those held before it.
    let frame = "Content-Length: 1000\r\n\r\n".utf8.count + 1000
    #expect(sent == (ProtocolOutput.deferLimit + frame - 1) / frame)
    #expect(capture.bytes.count == sent * frame)
  }

  /// The buffer written last is emptied and kept for the next answers (up to 256 KiB): what
  /// follows it must be exactly what was sent, in both framings, with and without deferral,
  /// across sizes below and above the kept buffer's and the deferral limit.
  @Test(arguments: Framing.allCases)
  func keptBuffersCarryNoStaleBytes(framing: Framing) {
    let capture = Capture()
    let output = ProtocolOutput(fd: capture.fd, framing: framing)
    var expected: [UInt8] = []
    let sizes = [300_000, 10, 70_000, 5, 1_000, 200_000, 3, 66_000, 66_000, 1, 400_000, 2]
    for (position, size) in sizes.enumerated() {
      let body = Array(repeating: UInt8(ascii: "a") + UInt8(position), count: size)
      output.backlog.store(position % 3 == 0 ? 0 : 1, ordering: .relaxed)
      output.send(body, deferrable: position % 2 == 0)
      expected += framing.frame(body)
    }
    output.backlog.store(0, ordering: .relaxed)
    output.flush()
    #expect(capture.bytes == expected)
  }

  /// Several threads sending at once into a pipe read slowly, so that a write blocks while
  /// the others queue behind it and the writer takes their frames in turn: every message
  /// arrives whole, once, and each thread's in the order it sent them.
  @Test func concurrentSendersKeepEachMessageWhole() {
    let pipe = SlowPipe()
    let output = ProtocolOutput(fd: pipe.writeEnd, framing: .lines)
    let threads = 4
    let perThread = 500
    // Threads of their own (a `concurrentPerform` here ran every iteration on one thread),
    // started together.
    let ready = Atomic<Int>(0)
    let finished = DispatchSemaphore(value: 0)
    let senders = (0..<threads).map { thread in
      Thread {
        ready.add(1, ordering: .acquiringAndReleasing)
        while ready.load(ordering: .acquiring) < threads { sched_yield() }
        for message in 0..<perThread {
          // Sizes from a few bytes to 300, so that writes of many sizes reuse the buffers.
          let body =
            Array("\(thread):\(message):".utf8) + Array(repeating: UInt8(ascii: "x"), count: (message * 37) % 300)
          output.backlog.store(message % 5 == 0 ? 0 : 1, ordering: .relaxed)
          output.send(body, deferrable: true)
        }
        finished.signal()
      }
    }
    for sender in senders { sender.start() }
    for _ in senders { finished.wait() }
    output.backlog.store(0, ordering: .relaxed)
    output.flush()
    let received = pipe.finish()
    #expect(received.last == 0x0A)
    var next = Array(repeating: 0, count: threads)
    var wrong = 0
    for line in received.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map({
      String(decoding: $0, as: UTF8.self)
    }) {
      let fields = line.split(separator: ":", omittingEmptySubsequences: false)
      guard fields.count == 3, let thread = Int(fields[0]), let message = Int(fields[1]), thread < threads,
        message == next[thread], fields[2].utf8.count == (message * 37) % 300, fields[2].allSatisfy({ $0 == "x" })
      else {
        wrong += 1
        continue
      }
      next[thread] += 1
    }
    #expect(wrong == 0)
    #expect(next == Array(repeating: perThread, count: threads))
  }
}

/// A pipe whose reader takes 1 KiB at a time with a millisecond's pause between (1 MB/s), so
/// that a writer fills it and blocks.
final class SlowPipe: @unchecked Sendable {
  let writeEnd: Int32
  private let readEnd: Int32
  /// Written by the reader until the end of input; read after `done`.
  private var received: [UInt8] = []
  private let done = DispatchSemaphore(value: 0)

  init() {
    var ends: [Int32] = [0, 0]
    precondition(Glibc.pipe(&ends) == 0, "pipe")
    (readEnd, writeEnd) = (ends[0], ends[1])
    DispatchQueue.global().async { [self] in
      var chunk = [UInt8](repeating: 0, count: 1024)
      while true {
        let count = chunk.withUnsafeMutableBytes { Glibc.read(readEnd, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        if count <= 0 { break }
        received += chunk[..<count]
        usleep(1000)
      }
      done.signal()
    }
  }

  /// Closes the writing end, waits for the reader to reach the end, and gives what it read.
  func finish() -> [UInt8] {
    close(writeEnd)
    done.wait()
    close(readEnd)
    return received
  }
}
