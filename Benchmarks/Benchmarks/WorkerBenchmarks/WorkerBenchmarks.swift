import Banenmatch
import BanenmatchJSON
import Benchmark
import BenchmarkData
import Dispatch

import class Foundation.FileHandle
import class Foundation.Pipe
import class Foundation.Process
import struct Foundation.URL

#if canImport(Glibc)
  import Glibc
#endif

/// The worker as a host sees it: the release binary `banenmatch serve --data nl`, spawned with
/// pipes, line framing.
///
/// - start until the first answer: spawn, send `engine.info` at once, time its response line;
///   from the index snapshot beside the data (as every start after the first on the same data:
///   the warm-up iteration writes it when it is missing or stale), and from the JSON Lines, the
///   snapshot removed first (the first start on new data, which then writes the snapshot);
/// - pipelined `match.vacanciesForSeeker` (top 10) over the fixed 1,000-seeker sample, written
///   by one thread while this one reads: per request (scaling factor kilo), requests per second,
///   and the time per request over the same query in process (measured here on the same data);
/// - the worker's peak resident memory (`VmHWM` of `/proc/<pid>/status`) after the load and
///   after the requests.
let benchmarks: @Sendable () -> Void = {
  let workerPeakMB = BenchmarkMetric.custom("worker VmHWM (MB)", polarity: .prefersSmaller, useScalingFactor: false)
  let requestsPerSecond = BenchmarkMetric.custom("req/s", polarity: .prefersLarger, useScalingFactor: false)
  // The worker's CPU time (all its threads) per request, and that minus the same query's time
  // in process: what the RPC layer costs. Wall time per request is below the in-process time
  // because the worker answers on both cores at once.
  let workerCPUNs = BenchmarkMetric.custom("worker CPU ns/request", polarity: .prefersSmaller, useScalingFactor: false)
  let overheadNs = BenchmarkMetric.custom(
    "CPU ns/request over in-process", polarity: .prefersSmaller, useScalingFactor: false)
  let inProcessNs = BenchmarkMetric.custom("in-process ns/query", polarity: .prefersSmaller, useScalingFactor: false)

  /// Spawns the worker on `directory` and times it until its answer to `engine.info`.
  func timeStart(_ benchmark: Benchmark, directory: String) throws {
    benchmark.startMeasurement()
    let worker = try WorkerProcess(data: directory)
    worker.send(Array(#"{"jsonrpc":"2.0","id":0,"method":"engine.info"}"#.utf8) + [0x0A])
    let answer = worker.readLines(1)
    benchmark.stopMeasurement()
    precondition(answer.contains(#""seekers":300000"#), "unexpected engine.info answer: \(answer)")
    benchmark.measurement(workerPeakMB, worker.peakResidentKB / 1024)
    worker.finish()
  }

  Benchmark(
    "worker first start until first answer nl (JSON Lines, writes the snapshot)",
    configuration: .init(
      metrics: [.wallClock, workerPeakMB], timeUnits: .milliseconds, warmupIterations: 0,
      maxDuration: .seconds(90), maxIterations: 3)
  ) { (benchmark: Benchmark) throws in
    let directory = try NationalData.directory()
    unlink(directory + "/" + IndexSnapshotFile.fileName)
    try timeStart(benchmark, directory: directory)
  }

  Benchmark(
    "worker start until first answer nl",
    configuration: .init(
      metrics: [.wallClock, workerPeakMB], timeUnits: .milliseconds, warmupIterations: 1,
      maxDuration: .seconds(60), maxIterations: 5)
  ) { (benchmark: Benchmark) throws in
    try timeStart(benchmark, directory: NationalData.directory())
  }

  Benchmark(
    "worker pipelined vacanciesForSeeker top10",
    configuration: .init(
      metrics: [.wallClock, .throughput, requestsPerSecond, workerCPUNs, inProcessNs, overheadNs, workerPeakMB],
      timeUnits: .nanoseconds, warmupIterations: 5, scalingFactor: .kilo, maxDuration: .seconds(10),
      maxIterations: 500)
  ) { (benchmark: Benchmark, state: PipelineState) in
    let requests = state.requests()
    precondition(requests.count == benchmark.scaledIterations.count)
    benchmark.startMeasurement()
    let started = ContinuousClock.now
    let written = DispatchSemaphore(value: 0)
    let worker = state.worker
    let cpuBefore = worker.cpuNanoseconds
    DispatchQueue.global().async {
      worker.send(requests.bytes)
      written.signal()
    }
    _ = worker.readLines(requests.count, keep: false)
    let elapsed = ContinuousClock.now - started
    benchmark.stopMeasurement()
    let cpuPerRequest = Double(worker.cpuNanoseconds - cpuBefore) / Double(requests.count)
    written.wait()
    let perRequest = Double(elapsed.totalNanoseconds) / Double(requests.count)
    benchmark.measurement(requestsPerSecond, Int(1e9 / perRequest))
    benchmark.measurement(workerCPUNs, Int(cpuPerRequest))
    benchmark.measurement(inProcessNs, Int(state.inProcessNanoseconds))
    benchmark.measurement(overheadNs, max(0, Int(cpuPerRequest - state.inProcessNanoseconds)))
    benchmark.measurement(workerPeakMB, worker.peakResidentKB / 1024)
  } setup: {
    try PipelineState()
  } teardown: {
    PipelineState.running?.worker.finish()
  }
}

// MARK: - The pipelined requests

/// The worker, the 1,000-seeker sample and the in-process time of the same query.
final class PipelineState: @unchecked Sendable {
  nonisolated(unsafe) static var running: PipelineState?

  let worker: WorkerProcess
  let seekerIDs: [String]
  /// The mean time of `vacancies(forSeekerID:)` top 10 over the sample, in this process.
  let inProcessNanoseconds: Double
  private var nextID = 1

  init() throws {
    let index = NationalData.index()
    seekerIDs = NationalData.sample(index.seekerIDs, count: 1000)
    let options = MatchOptions(date: NationalData.today, limit: 10)
    // In process: 2 passes of warm-up, then the mean of 10 passes.
    var expected: [String: String] = [:]
    for _ in 0..<2 {
      for id in seekerIDs { expected[id] = try index.vacancies(forSeekerID: id, options: options).matches.first?.id }
    }
    let passes = 10
    let started = ContinuousClock.now
    for _ in 0..<passes {
      for id in seekerIDs { blackHole(try index.vacancies(forSeekerID: id, options: options)) }
    }
    inProcessNanoseconds = Double((ContinuousClock.now - started).totalNanoseconds) / Double(passes * seekerIDs.count)

    worker = try WorkerProcess(data: NationalData.directory())
    worker.send(Array(#"{"jsonrpc":"2.0","id":0,"method":"engine.info"}"#.utf8) + [0x0A])
    _ = worker.readLines(1)
    // Asserted once: the worker's best match is the one found in process.
    let probe = seekerIDs[0]
    worker.send(Array(request(id: 0, seekerID: probe).utf8))
    let answer = worker.readLines(1)
    precondition(
      answer.contains(#""result""#) && answer.contains(#""vacancyId":"\#(expected[probe] ?? "-")""#),
      "unexpected answer for \(probe): \(answer)")
    PipelineState.running = self
  }

  /// One request per sampled seeker, with ids never used before.
  func requests() -> (bytes: [UInt8], count: Int) {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(seekerIDs.count * 128)
    for seekerID in seekerIDs {
      bytes.append(contentsOf: request(id: nextID, seekerID: seekerID).utf8)
      nextID += 1
    }
    return (bytes, seekerIDs.count)
  }

  private func request(id: Int, seekerID: String) -> String {
    #"{"jsonrpc":"2.0","id":\#(id),"method":"match.vacanciesForSeeker","params":{"seekerId":"\#(seekerID)","limit":10,"date":"2026-12-01"}}"#
      + "\n"
  }
}

// MARK: - The worker process

/// `banenmatch serve --data DIR`, with its stdin and stdout on pipes and its log discarded.
final class WorkerProcess: @unchecked Sendable {
  private let process = Process()
  // The pipes own their descriptors (closed when the handles go), so only they close them.
  private let stdin = Pipe()
  private let stdout = Pipe()
  private let input: Int32
  private let output: Int32
  private var buffer = [UInt8](repeating: 0, count: 1 << 16)
  private var finished = false

  init(data: String) throws {
    process.executableURL = URL(fileURLWithPath: NationalData.binary)
    process.arguments = ["serve", "--data", data]
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = FileHandle.nullDevice
    try process.run()
    input = stdin.fileHandleForWriting.fileDescriptor
    output = stdout.fileHandleForReading.fileDescriptor
    signal(SIGPIPE, SIG_IGN)
  }

  /// Writes all of `bytes` to the worker's stdin.
  func send(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let written = write(input, raw.baseAddress! + offset, raw.count - offset)
        if written < 0 && errno == EINTR { continue }
        precondition(written > 0, "the worker closed its stdin")
        offset += written
      }
    }
  }

  /// Reads until `count` response lines have arrived; the text of the last one when `keep`.
  func readLines(_ count: Int, keep: Bool = true) -> String {
    var lines = 0
    var last: [UInt8] = []
    while lines < count {
      let read = buffer.withUnsafeMutableBytes { Glibc.read(output, $0.baseAddress, $0.count) }
      if read < 0 && errno == EINTR { continue }
      precondition(read > 0, "the worker closed its stdout after \(lines) of \(count) lines")
      for i in 0..<read where buffer[i] == 0x0A { lines += 1 }
      if keep { last.append(contentsOf: buffer[0..<read]) }
    }
    return String(decoding: last, as: UTF8.self)
  }

  /// The worker's peak resident set so far, `VmHWM` in kB.
  var peakResidentKB: Int {
    let status = procFile("/proc/\(process.processIdentifier)/status")
    guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
    return Int(line.dropFirst(6).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "") ?? 0
  }

  /// The CPU time of all the worker's threads so far (`/proc/<pid>/task/*/schedstat`, whose
  /// first field is nanoseconds on CPU).
  var cpuNanoseconds: Int {
    let tasks = "/proc/\(process.processIdentifier)/task"
    guard let directory = opendir(tasks) else { return 0 }
    defer { closedir(directory) }
    var total = 0
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      guard name.first?.isNumber == true else { continue }
      total += Int(procFile("\(tasks)/\(name)/schedstat").split(separator: " ").first ?? "") ?? 0
    }
    return total
  }

  /// Closes stdin (the worker finishes and exits 0) and waits for the exit.
  func finish() {
    guard !finished else { return }
    finished = true
    try? stdin.fileHandleForWriting.close()
    process.waitUntilExit()
  }
}

extension Duration {
  var totalNanoseconds: Int64 {
    let (seconds, attoseconds) = components
    return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
  }
}

/// The text of a small `/proc` file; empty when it cannot be read.
private func procFile(_ path: String) -> String {
  guard let file = fopen(path, "r") else { return "" }
  defer { fclose(file) }
  var text = ""
  var line = [CChar](repeating: 0, count: 512)
  while fgets(&line, Int32(line.count), file) != nil {
    text += String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
  return text
}
