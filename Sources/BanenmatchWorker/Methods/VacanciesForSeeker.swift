import Banenmatch
import BanenmatchJSON

/// `match.vacanciesForSeeker`: `{seekerId}` or `{seeker: Seeker}` and the match options.
struct VacanciesForSeeker: ReadMethod {
  static let name = "match.vacanciesForSeeker"

  static func run(params: JSONRef?, context: ReadContext) throws(RPCError) -> JSONWriter {
    let params = try JSONRef.requireObject(params)
    var match = MatchParams(params, today: context.today, limits: context.limits, direction: .vacanciesForSeeker)
    let reference = RecordReference<Seeker>(params, idKey: "seekerId", recordKey: "seeker", errors: &match.errors) {
      (json) throws(ValidationError) in try RecordDecoding.seeker(json, prefix: "seeker")
    }
    guard let reference, match.errors.isEmpty else { throw .invalidParams(match.errors) }
    try context.cancellation.check()
    try AnswerSize.check(
      reference.record { context.index.seeker(id: $0) }, match.options, max: context.limits.maxMessageBytes)
    let results: MatchResults
    do throws(MatchError) {
      switch reference {
      case .id(let id): results = try context.index.vacancies(forSeekerID: id, options: match.options)
      case .record(let seeker): results = try context.index.vacancies(for: seeker, options: match.options)
      }
    } catch {
      throw error.rpcError(kind: "seeker")
    }
    context.counts.note(results)
    var writer = JSONWriter(capacity: 0)  // sized by matchResults
    writer.matchResults(results, idKey: "vacancyId")
    return writer
  }
}

/// A query's record: an indexed id, or a record given inline. Exactly one must be present.
enum RecordReference<Record> {
  case id(String)
  case record(Record)

  /// The record given, or the indexed one `indexed` finds by the id (nil when unknown).
  func record(_ indexed: (String) -> Record?) -> Record? {
    switch self {
    case .id(let id): indexed(id)
    case .record(let record): record
    }
  }

  init?(
    _ params: JSONRef?, idKey: StaticString, recordKey: StaticString, errors: inout [FieldError],
    decode: (JSONRef) throws(ValidationError) -> Record
  ) {
    let id = params?.member(idKey).flatMap { $0.isNull ? nil : $0 }
    let record = params?.member(recordKey).flatMap { $0.isNull ? nil : $0 }
    switch (id, record) {
    case (let id?, nil):
      guard let text = id.string else {
        errors.append(FieldError(path: idKey.description, message: "must be a string"))
        return nil
      }
      self = .id(text)
    case (nil, let record?):
      do throws(ValidationError) {
        self = .record(try decode(record))
      } catch {
        errors += error.errors
        return nil
      }
    case (.some, .some):
      errors.append(FieldError(path: "params", message: "give either \(idKey) or \(recordKey), not both"))
      return nil
    case (nil, nil):
      errors.append(FieldError(path: "params", message: "requires \(idKey) or \(recordKey)"))
      return nil
    }
  }
}
