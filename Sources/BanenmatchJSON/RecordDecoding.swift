public import Banenmatch

/// Decodes seekers and vacancies from JSON (SPEC section 2): types, presence and defaults
/// here, ranges by the core's `validationErrors()`, all errors with their field paths.
///
///     let seeker = try RecordDecoding.seeker(document.root)
public enum RecordDecoding {
  /// A seeker; error paths relative to the record (`hours.min`) under `prefix`.
  public static func seeker(_ json: JSONRef, prefix: String = "") throws(ValidationError) -> Seeker {
    var decoder = FieldDecoder(prefix: prefix)
    let seeker = decodeSeeker(json, &decoder)
    return try finish(seeker, decoder, prefix: prefix) { $0.validationErrors() }
  }

  /// A vacancy; error paths relative to the record (`employer.type`) under `prefix`.
  public static func vacancy(_ json: JSONRef, prefix: String = "") throws(ValidationError) -> Vacancy {
    var decoder = FieldDecoder(prefix: prefix)
    let vacancy = decodeVacancy(json, &decoder)
    return try finish(vacancy, decoder, prefix: prefix) { $0.validationErrors() }
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
    _ record: Record?, _ decoder: FieldDecoder, prefix: String, rangeErrors: (Record) -> [FieldError]
  ) throws(ValidationError) -> Record {
    if !decoder.errors.isEmpty { throw ValidationError(decoder.errors) }
    guard let record else { throw ValidationError([FieldError(path: prefix, message: "is not a valid record")]) }
    let errors = rangeErrors(record).map { $0.prefixed(with: prefix) }
    if !errors.isEmpty { throw ValidationError(errors) }
    return record
  }

  private static func decodeSeeker(_ json: JSONRef, _ d: inout FieldDecoder) -> Seeker? {
    guard json.kind == .object else {
      d.fail("must be an object, got \(json.kindDescription)")
      return nil
    }
    let id = d.string(json, "id", required: true)
    let region = d.string(json, "region")
    let location = d.location(json)
    let maxTravelKm = d.number(json, "maxTravelKm", required: true)
    let hours = d.hours(json)
    let workdays = d.workdays(json, "workdays")
    let availableFrom = d.day(json, "availableFrom")
    let education = d.enumeration(json, "education", Education.self)
    let skills = d.strings(json, "skills")
    let experience = d.strings(json, "experience")
    let needs = d.strings(json, "needs")
    var preferences: Seeker.Preferences?
    if let object = d.object(json, "preferences") {
      d.at("preferences") { d in
        preferences = Seeker.Preferences(
          jobTypes: d.strings(object, "jobTypes") ?? [], sectors: d.strings(object, "sectors") ?? [])
      }
    }
    let wageValue = d.number(json, "wageValue")
    let registered = d.bool(json, "registered")
    guard let id, let location, let maxTravelKm, let hours, d.errors.isEmpty else { return nil }
    return Seeker(
      id: id, region: region, location: location, maxTravelKm: maxTravelKm, hours: hours,
      workdays: workdays ?? .all, availableFrom: availableFrom, education: education,
      skills: skills ?? [], experience: experience ?? [], needs: needs ?? [],
      preferences: preferences, wageValue: wageValue, registered: registered ?? true)
  }

  private static func decodeVacancy(_ json: JSONRef, _ d: inout FieldDecoder) -> Vacancy? {
    guard json.kind == .object else {
      d.fail("must be an object, got \(json.kindDescription)")
      return nil
    }
    let id = d.string(json, "id", required: true)
    var employer: Vacancy.Employer?
    if let object = d.object(json, "employer", required: true) {
      d.at("employer") { d in
        let employerID = d.string(object, "id", required: true)
        let name = d.string(object, "name")
        let type = d.enumeration(object, "type", EmployerType.self, required: true)
        if let employerID, let type { employer = Vacancy.Employer(id: employerID, name: name, type: type) }
      }
    }
    let title = d.string(json, "title")
    let jobType = d.string(json, "jobType", required: true)
    let sector = d.string(json, "sector")
    let region = d.string(json, "region")
    let location = d.location(json)
    let hours = d.hours(json)
    let workdays = d.workdays(json, "workdays")
    let startDate = d.day(json, "startDate")
    let positions = d.integer(json, "positions")
    let requiredSkills = d.strings(json, "requiredSkills")
    let preferredSkills = d.strings(json, "preferredSkills")
    let minEducation = d.enumeration(json, "minEducation", Education.self)
    let offers = d.strings(json, "offers")
    let minWageValue = d.number(json, "minWageValue")
    let banenafspraak = d.bool(json, "banenafspraak")
    guard let id, let employer, let jobType, let location, let hours, d.errors.isEmpty else { return nil }
    return Vacancy(
      id: id, employer: employer, title: title, jobType: jobType, sector: sector, region: region,
      location: location, hours: hours, workdays: workdays ?? [], startDate: startDate,
      positions: positions ?? 1, requiredSkills: requiredSkills ?? [], preferredSkills: preferredSkills ?? [],
      minEducation: minEducation ?? .none, offers: offers ?? [], minWageValue: minWageValue,
      banenafspraak: banenafspraak ?? true)
  }
}
