import Banenmatch
import BanenmatchJSON

/// `match.seekersForVacancy`: `{vacancyId}` or `{vacancy: Vacancy}` and the match options.
struct SeekersForVacancy: ReadMethod {
  static let name = "match.seekersForVacancy"

  static func run(params: JSONRef?, context: ReadContext) throws(RPCError) -> JSONWriter {
    let params = try JSONRef.requireObject(params)
    var match = MatchParams(params, today: context.today, limits: context.limits, direction: .seekersForVacancy)
    let reference = RecordReference<Vacancy>(params, idKey: "vacancyId", recordKey: "vacancy", errors: &match.errors) {
      (json) throws(ValidationError) in try RecordDecoding.vacancy(json, prefix: "vacancy")
    }
    guard let reference, match.errors.isEmpty else { throw .invalidParams(match.errors) }
    try context.cancellation.check()
    try AnswerSize.check(
      reference.record { context.index.vacancy(id: $0) }, match.options, max: context.limits.maxMessageBytes)
    let results: MatchResults
    do throws(MatchError) {
      switch reference {
      case .id(let id): results = try context.index.seekers(forVacancyID: id, options: match.options)
      case .record(let vacancy): results = try context.index.seekers(for: vacancy, options: match.options)
      }
    } catch {
      throw error.rpcError(kind: "vacancy")
    }
    context.counts.note(results)
    var writer = JSONWriter(capacity: 0)  // sized by matchResults
    writer.matchResults(results, idKey: "seekerId")
    return writer
  }
}
