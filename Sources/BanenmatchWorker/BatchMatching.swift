import Banenmatch
import BanenmatchJSON
import Dispatch
import Synchronization

/// Ranks many seekers at once on several threads (`match.batch`): the seekers are split in
/// chunks, threads take chunks in turn, and each chunk's JSON is kept in chunk order, so the
/// answer is the same bytes whatever the number of threads.
public enum BatchMatching {
  /// Seekers per unit of work, and per cancellation check.
  public static let chunkSize = 256

  /// The `{seekerId, matches}` objects of every seeker, comma-separated, in `seekerIDs`'
  /// order; nil when `isCancelled` became true. The options are checked and their filters
  /// compiled once, for all the seekers.
  ///
  /// - Throws: `MatchError.invalid` for bad options.
  /// - Parameters:
  ///   - threads: How many threads work at once (the calling thread is one of them).
  ///   - progress: Called after each chunk with the number of seekers done so far.
  public static func matches(
    index: MatchIndex, seekerIDs: [String], options: MatchOptions, threads: Int,
    isCancelled: @Sendable () -> Bool = { false }, progress: @Sendable (Int) -> Void = { _ in }
  ) throws(MatchError) -> [UInt8]? {
    let search = try index.prepareVacancySearch(options)
    let chunks = (seekerIDs.count + chunkSize - 1) / chunkSize
    let results = ChunkResults(count: chunks)
    let nextChunk = Atomic<Int>(0)
    let done = ProgressCounter()
    DispatchQueue.concurrentPerform(iterations: max(1, min(threads, chunks))) { _ in
      while !isCancelled() {
        let chunk = nextChunk.add(1, ordering: .relaxed).oldValue
        guard chunk < chunks else { return }
        let range = chunk * chunkSize..<min(seekerIDs.count, (chunk + 1) * chunkSize)
        var writer = JSONWriter(capacity: range.count * 256)
        for id in seekerIDs[range] {
          // The seekers are indexed (the caller checked).
          guard let answer = try? index.vacancies(forSeekerID: id, search: search) else { continue }
          writer.object { w in
            w.key("seekerId")
            w.string(id)
            w.key("matches")
            w.array { w in for match in answer.matches { w.match(match, idKey: "vacancyId") } }
          }
        }
        results.set(chunk, writer.bytes)
        progress(done.add(range.count))
      }
    }
    if isCancelled() { return nil }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(results.totalBytes + chunks)
    for chunk in 0..<chunks {
      let part = results.bytes(chunk)
      if part.isEmpty { continue }
      if !bytes.isEmpty { bytes.append(UInt8(ascii: ",")) }
      bytes.append(contentsOf: part)
    }
    return bytes
  }
}
