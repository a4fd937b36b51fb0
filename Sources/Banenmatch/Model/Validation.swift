// Range checks of SPEC section 2 on decoded records. Decoders (JSON, generators) check types
// and presence; these check values, so that every way into the index checks the same rules.

extension Seeker {
  /// Every range error of this record, with paths relative to the record (`hours.min`).
  public func validationErrors() -> [FieldError] {
    var errors = RecordChecker()
    errors.code(id, "id", what: "an id")
    if let region { errors.code(region, "region") }
    errors.location(location)
    if !(maxTravelKm.isFinite && maxTravelKm > 0 && maxTravelKm <= 250) {
      errors.add("maxTravelKm", "must be greater than 0 and at most 250, got \(maxTravelKm)")
    }
    errors.hours(hours)
    errors.codes(skills, "skills")
    errors.codes(experience, "experience")
    errors.codes(needs, "needs")
    if let preferences {
      errors.codes(preferences.jobTypes, "preferences.jobTypes")
      errors.codes(preferences.sectors, "preferences.sectors")
    }
    if let wageValue { errors.percent(wageValue, "wageValue") }
    return errors.errors
  }
}

extension Vacancy {
  /// Every range error of this record, with paths relative to the record (`hours.min`).
  public func validationErrors() -> [FieldError] {
    var errors = RecordChecker()
    errors.code(id, "id", what: "an id")
    errors.code(employer.id, "employer.id", what: "an id")
    errors.code(jobType, "jobType")
    if let sector { errors.code(sector, "sector") }
    if let region { errors.code(region, "region") }
    errors.location(location)
    errors.hours(hours)
    if !(1...Vacancy.maxPositions).contains(positions) {
      errors.add("positions", "must be a whole number from 1 to \(Vacancy.maxPositions), got \(positions)")
    }
    errors.codes(requiredSkills, "requiredSkills")
    errors.codes(preferredSkills, "preferredSkills")
    errors.codes(offers, "offers")
    if let minWageValue { errors.percent(minWageValue, "minWageValue") }
    return errors.errors
  }

  /// SPEC says only "≥ 1"; an upper bound keeps sums of positions exact.
  public static let maxPositions = 1_000_000
}

/// The byte length allowed for ids and codes (SPEC section 2).
public let codeByteLengthRange = 1...64

struct RecordChecker {
  var errors: [FieldError] = []

  mutating func add(_ path: String, _ message: String) {
    errors.append(FieldError(path: path, message: message))
  }

  mutating func code(_ value: String, _ path: String, what: String = "a code") {
    let length = value.utf8.count
    if !codeByteLengthRange.contains(length) {
      add(path, "must be \(what) of 1 to 64 bytes, got \(length) bytes")
    }
  }

  /// The path of each bad code is built only when there is one (this runs for every record
  /// loaded).
  mutating func codes(_ values: [String], _ path: String) {
    for (index, value) in values.enumerated() where !codeByteLengthRange.contains(value.utf8.count) {
      code(value, "\(path)[\(index)]")
    }
  }

  mutating func location(_ point: GeoPoint) {
    if !(point.lat.isFinite && (-90...90).contains(point.lat)) {
      add("location.lat", "must be a latitude from -90 to 90, got \(point.lat)")
    }
    if !(point.lon.isFinite && (-180...180).contains(point.lon)) {
      add("location.lon", "must be a longitude from -180 to 180, got \(point.lon)")
    }
  }

  mutating func hours(_ range: HourRange) {
    let minOK = range.min.isFinite && range.min >= 0 && range.min <= 40
    let maxOK = range.max.isFinite && range.max > 0 && range.max <= 40
    if !minOK { add("hours.min", "must be from 0 to 40, got \(range.min)") }
    if !maxOK { add("hours.max", "must be greater than 0 and at most 40, got \(range.max)") }
    if minOK && maxOK && range.min > range.max {
      add("hours.min", "must not exceed hours.max (\(range.max)), got \(range.min)")
    }
  }

  mutating func percent(_ value: Double, _ path: String) {
    if !(value.isFinite && value >= 0 && value <= 100) {
      add(path, "must be a percentage from 0 to 100, got \(value)")
    }
  }
}
