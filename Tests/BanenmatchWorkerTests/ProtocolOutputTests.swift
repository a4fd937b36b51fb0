import Synchronization
import Testing

@testable import BanenmatchWorker

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
}
