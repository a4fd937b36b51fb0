import Banenmatch
import BanenmatchJSON
import Dispatch

/// `match.batch`: `{seekerIds: [id]}` or `{allSeekers: true}` with `limit`, `weights`, `date`,
/// filters and an optional `progressToken` → `{results: [{seekerId, matches}]}` in the order
/// asked (`allSeekers`: by id in byte order). Runs on all cores; the answer does not depend
/// on how many.
struct MatchBatch: ReadMethod {
  static let name = "match.batch"

  static func run(params: JSONRef?, context: ReadContext) throws(RPCError) -> JSONWriter {
    let params = try JSONRef.requireObject(params)
    var match = MatchParams(params, today: context.today, limits: context.limits, direction: .vacanciesForSeeker)
    match.options.explain = false
    match.options.nearMisses = 0
    let index = context.index
    var seekerIDs: [String] = []
    let ids = params?.member("seekerIds").flatMap { $0.isNull ? nil : $0 }
    let all = params?.member("allSeekers").flatMap { $0.isNull ? nil : $0 }
    switch (ids, all) {
    case (let ids?, nil):
      guard ids.kind == .array else { throw .invalidParams(path: "seekerIds", "must be an array of strings") }
      if ids.count > context.limits.maxBatch {
        throw .limitExceeded(
          "batch", max: context.limits.maxBatch, detail: "\(ids.count) seekerIds, at most \(context.limits.maxBatch)")
      }
      var unknown: [String] = []
      for (position, element) in ids.elements.enumerated() {
        guard let id = element.string else {
          match.errors.append(FieldError(path: "seekerIds[\(position)]", message: "must be a string"))
          continue
        }
        if index.containsSeeker(id: id) { seekerIDs.append(id) } else { unknown.append(id) }
      }
      if !match.errors.isEmpty { throw .invalidParams(match.errors) }
      if !unknown.isEmpty { throw .unknownIDs(unknown, kind: "seeker") }
    case (nil, let all?):
      guard all.bool == true else { throw .invalidParams(path: "allSeekers", "must be true") }
      seekerIDs = index.seekerIDs.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    case (.some, .some):
      throw .invalidParams(path: "params", "give either seekerIds or allSeekers, not both")
    case (nil, nil):
      throw .invalidParams(path: "params", "requires seekerIds or allSeekers")
    }
    if !match.errors.isEmpty { throw .invalidParams(match.errors) }

    let progress = context.progress
    let total = seekerIDs.count
    let cancellation = context.cancellation
    let body: [UInt8]?
    do throws(MatchError) {
      body = try BatchMatching.matches(
        index: index, seekerIDs: seekerIDs, options: match.options, threads: System.activeProcessorCount,
        isCancelled: { cancellation.isCancelled }, progress: { progress?.report(done: $0, total: total) })
    } catch {
      throw error.rpcError(kind: "seeker")
    }
    guard let body else { throw .cancelled }
    context.counts.note("seekers", total)
    var writer = JSONWriter(capacity: body.count + 64)
    writer.object { w in
      w.key("results")
      w.array { w in w.raw(bytes: body) }
      w.key("indexVersion")
      w.integer(index.version)
    }
    // The matching may end within the first second while the request as a whole does not:
    // a last report (all done) then still tells the host, before the answer.
    progress?.report(done: total, total: total)
    return writer
  }
}
