public import Banenmatch

/// Decodes seekers and vacancies from JSON (SPEC section 2): types, presence and defaults
/// here, ranges by the core's `validationErrors()`, all errors with their field paths.
///
///     let seeker = try RecordDecoding.seeker(document.root)
public enum RecordDecoding {
  /// A seeker; error paths relative to the record (`hours.min`) under `prefix`.
  public static func seeker(_ json: JSONRef, prefix: String = "") throws(ValidationError) -> Seeker {
    var decoder = FieldDecoder(prefix: prefix)
    return try seeker(json.value, &decoder)
  }

  /// A vacancy; error paths relative to the record (`employer.type`) under `prefix`.
  public static func vacancy(_ json: JSONRef, prefix: String = "") throws(ValidationError) -> Vacancy {
    var decoder = FieldDecoder(prefix: prefix)
    return try vacancy(json.value, &decoder)
  }

  /// A seeker with `decoder` (fresh, or `reset()`), whose prefix names the record.
  static func seeker(_ json: JSONValue, _ decoder: inout FieldDecoder) throws(ValidationError) -> Seeker {
    let seeker = decodeSeeker(json, &decoder)
    return try finish(seeker, decoder) { $0.validationErrors() }
  }

  /// A vacancy with `decoder` (fresh, or `reset()`), whose prefix names the record.
  static func vacancy(_ json: JSONValue, _ decoder: inout FieldDecoder) throws(ValidationError) -> Vacancy {
    let vacancy = decodeVacancy(json, &decoder)
    return try finish(vacancy, decoder) { $0.validationErrors() }
  }

  /// Every element of an array of seekers, or every error named `name[i].field`.
  public static func seekers(_ json: JSONRef, name: String) throws(ValidationError) -> [Seeker] {
    try list(json, name: name) { (element, prefix) throws(ValidationError) in try seeker(element, prefix: prefix) }
  }

  /// Every element of an array of vacancies, or every error named `name[i].field`.
  public static func vacancies(_ json: JSONRef, name: String) throws(ValidationError) -> [Vacancy] {
    try list(json, name: name) { (element, prefix) throws(ValidationError) in try vacancy(element, prefix: prefix) }
  }

  private static func list<Record>(
    _ json: JSONRef, name: String, decode: (JSONRef, String) throws(ValidationError) -> Record
  ) throws(ValidationError) -> [Record] {
    guard json.kind == .array else {
      throw ValidationError([FieldError(path: name, message: "must be an array, got \(json.kindDescription)")])
    }
    var records: [Record] = []
    records.reserveCapacity(json.count)
    var errors: [FieldError] = []
    for index in 0..<json.count {
      guard let element = json[index] else { continue }
      do throws(ValidationError) {
        records.append(try decode(element, "\(name)[\(index)]"))
      } catch {
        errors += error.errors
        if errors.count >= ValidationError.reportLimit { break }
      }
    }
    if !errors.isEmpty { throw ValidationError(Array(errors.prefix(ValidationError.reportLimit))) }
    return records
  }

  private static func finish<Record>(
    _ record: Record?, _ decoder: FieldDecoder, rangeErrors: (Record) -> [FieldError]
  ) throws(ValidationError) -> Record {
    if !decoder.errors.isEmpty { throw ValidationError(decoder.errors) }
    guard let record else {
      throw ValidationError([FieldError(path: decoder.prefix, message: "is not a valid record")])
    }
    let errors = rangeErrors(record)
    if !errors.isEmpty { throw ValidationError(errors.map { $0.prefixed(with: decoder.prefix) }) }
    return record
  }

  /// The members of a seeker that `decodeSeeker` reads.
  private enum SeekerKey: Int, MemberKey {
    case id, region, location, maxTravelKm, hours, workdays, availableFrom, education, skills, experience, needs,
      preferences, wageValue, registered
    static let names = MemberNames([
      "id", "region", "location", "maxTravelKm", "hours", "workdays", "availableFrom", "education", "skills",
      "experience", "needs", "preferences", "wageValue", "registered",
    ])
  }

  private static func decodeSeeker(_ json: JSONValue, _ d: inout FieldDecoder) -> Seeker? {
    guard json.isObject else {
      d.fail("must be an object, got \(json.kindDescription)")
      return nil
    }
    let member = Members<SeekerKey>(json)
    let id = d.string(member[.id], "id", required: true)
    let region = d.code(member[.region], "region")
    let location = d.location(member[.location])
    let maxTravelKm = d.number(member[.maxTravelKm], "maxTravelKm", required: true)
    let hours = d.hours(member[.hours])
    let workdays = d.workdays(member[.workdays], "workdays")
    let availableFrom = d.day(member[.availableFrom], "availableFrom")
    let education = d.enumeration(member[.education], "education", .education)
    let skills = d.codes(member[.skills], "skills")
    let experience = d.codes(member[.experience], "experience", sharingList: true)
    let needs = d.codes(member[.needs], "needs", sharingList: true)
    var preferences: Seeker.Preferences?
    if let object = d.object(member[.preferences], "preferences") {
      d.at("preferences") { d in
        preferences = Seeker.Preferences(
          jobTypes: d.codes(object.member("jobTypes"), "jobTypes", sharingList: true) ?? [],
          sectors: d.codes(object.member("sectors"), "sectors", sharingList: true) ?? [])
      }
    }
    let wageValue = d.number(member[.wageValue], "wageValue")
    let registered = d.bool(member[.registered], "registered")
    guard let id, let location, let maxTravelKm, let hours, d.errors.isEmpty else { return nil }
    return Seeker(
      id: id, region: region, location: location, maxTravelKm: maxTravelKm, hours: hours,
      workdays: workdays ?? .all, availableFrom: availableFrom, education: education,
      skills: skills ?? [], experience: experience ?? [], needs: needs ?? [],
      preferences: preferences, wageValue: wageValue, registered: registered ?? true)
  }

  /// The members of a vacancy that `decodeVacancy` reads.
  private enum VacancyKey: Int, MemberKey {
    case id, employer, title, jobType, sector, region, location, hours, workdays, startDate, positions,
      requiredSkills, preferredSkills, minEducation, offers, minWageValue, banenafspraak
    static let names = MemberNames([
      "id", "employer", "title", "jobType", "sector", "region", "location", "hours", "workdays", "startDate",
      "positions", "requiredSkills", "preferredSkills", "minEducation", "offers", "minWageValue", "banenafspraak",
    ])
  }

  private static func decodeVacancy(_ json: JSONValue, _ d: inout FieldDecoder) -> Vacancy? {
    guard json.isObject else {
      d.fail("must be an object, got \(json.kindDescription)")
      return nil
    }
    let member = Members<VacancyKey>(json)
    let id = d.string(member[.id], "id", required: true)
    var employer: Vacancy.Employer?
    if let object = d.object(member[.employer], "employer", required: true) {
      d.at("employer") { d in
        let employerID = d.code(object.member("id"), "id", required: true)
        let name = d.code(object.member("name"), "name")
        let type = d.enumeration(object.member("type"), "type", .employerType, required: true)
        if let employerID, let type { employer = Vacancy.Employer(id: employerID, name: name, type: type) }
      }
    }
    let title = d.code(member[.title], "title")
    let jobType = d.code(member[.jobType], "jobType", required: true)
    let sector = d.code(member[.sector], "sector")
    let region = d.code(member[.region], "region")
    let location = d.location(member[.location])
    let hours = d.hours(member[.hours])
    let workdays = d.workdays(member[.workdays], "workdays")
    let startDate = d.day(member[.startDate], "startDate")
    let positions = d.integer(member[.positions], "positions")
    let requiredSkills = d.codes(member[.requiredSkills], "requiredSkills", sharingList: true)
    let preferredSkills = d.codes(member[.preferredSkills], "preferredSkills")
    let minEducation = d.enumeration(member[.minEducation], "minEducation", .education)
    let offers = d.codes(member[.offers], "offers")
    let minWageValue = d.number(member[.minWageValue], "minWageValue")
    let banenafspraak = d.bool(member[.banenafspraak], "banenafspraak")
    guard let id, let employer, let jobType, let location, let hours, d.errors.isEmpty else { return nil }
    return Vacancy(
      id: id, employer: employer, title: title, jobType: jobType, sector: sector, region: region,
      location: location, hours: hours, workdays: workdays ?? [], startDate: startDate,
      positions: positions ?? 1, requiredSkills: requiredSkills ?? [], preferredSkills: preferredSkills ?? [],
      minEducation: minEducation ?? .none, offers: offers ?? [], minWageValue: minWageValue,
      banenafspraak: banenafspraak ?? true)
  }
}
