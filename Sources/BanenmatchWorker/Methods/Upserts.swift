import Banenmatch
import BanenmatchJSON

/// `seekers.upsert`: `{seekers: [Seeker]}` → `{upserted, version}`; all or nothing.
struct SeekersUpsert: WriteMethod {
  static let name = "seekers.upsert"

  static func run(params: JSONRef?, index: inout MatchIndex) throws(RPCError) -> JSONWriter {
    let records = try decodeList(params, key: "seekers") { (json) throws(ValidationError) in
      try RecordDecoding.seekers(json, name: "seekers")
    }
    do throws(ValidationError) {
      return upsertResult(try index.upsert(seekers: records), index)
    } catch {
      throw .invalidParams(error.errors)
    }
  }
}

/// `vacancies.upsert`: `{vacancies: [Vacancy]}` → `{upserted, version}`; all or nothing.
struct VacanciesUpsert: WriteMethod {
  static let name = "vacancies.upsert"

  static func run(params: JSONRef?, index: inout MatchIndex) throws(RPCError) -> JSONWriter {
    let records = try decodeList(params, key: "vacancies") { (json) throws(ValidationError) in
      try RecordDecoding.vacancies(json, name: "vacancies")
    }
    do throws(ValidationError) {
      return upsertResult(try index.upsert(vacancies: records), index)
    } catch {
      throw .invalidParams(error.errors)
    }
  }
}

private func decodeList<Record>(
  _ params: JSONRef?, key: StaticString, decode: (JSONRef) throws(ValidationError) -> [Record]
) throws(RPCError) -> [Record] {
  guard let list = try JSONRef.requireObject(params)?.member(key), !list.isNull else {
    throw .invalidParams(path: key.description, "is required")
  }
  do throws(ValidationError) {
    return try decode(list)
  } catch {
    throw .invalidParams(error.errors)
  }
}

private func upsertResult(_ upserted: Int, _ index: MatchIndex) -> JSONWriter {
  var writer = JSONWriter()
  writer.object { w in
    w.key("upserted")
    w.integer(upserted)
    w.key("version")
    w.integer(index.version)
  }
  return writer
}

/// `seekers.remove`: `{ids: [id]}` → `{removed, version}`; unknown ids are not an error.
struct SeekersRemove: WriteMethod {
  static let name = "seekers.remove"

  static func run(params: JSONRef?, index: inout MatchIndex) throws(RPCError) -> JSONWriter {
    let ids = try removeIDs(params)
    return removeResult(index.removeSeekers(ids: ids), index)
  }
}

/// `vacancies.remove`: `{ids: [id]}` → `{removed, version}`; unknown ids are not an error.
struct VacanciesRemove: WriteMethod {
  static let name = "vacancies.remove"

  static func run(params: JSONRef?, index: inout MatchIndex) throws(RPCError) -> JSONWriter {
    let ids = try removeIDs(params)
    return removeResult(index.removeVacancies(ids: ids), index)
  }
}

private func removeIDs(_ params: JSONRef?) throws(RPCError) -> [String] {
  guard let list = try JSONRef.requireObject(params)?.member("ids"), !list.isNull else {
    throw .invalidParams(path: "ids", "is required")
  }
  guard list.kind == .array else { throw .invalidParams(path: "ids", "must be an array of strings") }
  var ids: [String] = []
  var errors: [FieldError] = []
  for (index, element) in list.elements.enumerated() {
    if let id = element.string {
      ids.append(id)
    } else {
      errors.append(FieldError(path: "ids[\(index)]", message: "must be a string"))
    }
  }
  if !errors.isEmpty { throw .invalidParams(Array(errors.prefix(ValidationError.reportLimit))) }
  return ids
}

private func removeResult(_ removed: Int, _ index: MatchIndex) -> JSONWriter {
  var writer = JSONWriter()
  writer.object { w in
    w.key("removed")
    w.integer(removed)
    w.key("version")
    w.integer(index.version)
  }
  return writer
}
