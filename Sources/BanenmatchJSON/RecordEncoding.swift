public import Banenmatch

// Seekers and vacancies as compact SPEC section 2 JSON, the inverse of `RecordDecoding`:
// decoding what these write gives back an equal record.
//
// Keys come in SPEC order. Left out: absent optionals, empty lists, and the defaults that
// decoding restores (a seeker's seven workdays; a vacancy's empty workdays, one position and
// minimum education `none`). Always written: `registered` and `banenafspraak`, the eligibility
// facts an auditor looks for first. Numbers print in their shortest round-trip form, so a value
// that was rounded to 4 decimals prints with at most 4.

extension JSONWriter {
  /// Writes `seeker` as one JSON object.
  ///
  ///     var writer = JSONWriter()
  ///     writer.seeker(seeker)
  ///     writer.string  // {"id":"S-0001","location":{"lat":53.2012,"lon":5.7999},…}
  public mutating func seeker(_ seeker: Seeker) {
    object { w in
      w.key("id")
      w.string(seeker.id)
      if let region = seeker.region {
        w.key("region")
        w.string(region)
      }
      w.location(seeker.location)
      w.key("maxTravelKm")
      w.number(seeker.maxTravelKm)
      w.hours(seeker.hours)
      if seeker.workdays != .all { w.workdays(seeker.workdays) }
      if let availableFrom = seeker.availableFrom {
        w.key("availableFrom")
        w.string(availableFrom.iso)
      }
      if let education = seeker.education {
        w.key("education")
        w.string(education.rawValue)
      }
      w.codes("skills", seeker.skills)
      w.codes("experience", seeker.experience)
      w.codes("needs", seeker.needs)
      if let preferences = seeker.preferences {
        w.key("preferences")
        w.object { p in
          p.codes("jobTypes", preferences.jobTypes)
          p.codes("sectors", preferences.sectors)
        }
      }
      if let wageValue = seeker.wageValue {
        w.key("wageValue")
        w.number(wageValue)
      }
      w.key("registered")
      w.bool(seeker.registered)
    }
  }

  /// Writes `vacancy` as one JSON object.
  ///
  ///     var writer = JSONWriter()
  ///     writer.vacancy(vacancy)
  ///     writer.string  // {"id":"V-0001","employer":{"id":"E-001","type":"markt"},…}
  public mutating func vacancy(_ vacancy: Vacancy) {
    object { w in
      w.key("id")
      w.string(vacancy.id)
      w.key("employer")
      w.object { e in
        e.key("id")
        e.string(vacancy.employer.id)
        if let name = vacancy.employer.name {
          e.key("name")
          e.string(name)
        }
        e.key("type")
        e.string(vacancy.employer.type.rawValue)
      }
      if let title = vacancy.title {
        w.key("title")
        w.string(title)
      }
      w.key("jobType")
      w.string(vacancy.jobType)
      if let sector = vacancy.sector {
        w.key("sector")
        w.string(sector)
      }
      if let region = vacancy.region {
        w.key("region")
        w.string(region)
      }
      w.location(vacancy.location)
      w.hours(vacancy.hours)
      if !vacancy.workdays.isEmpty { w.workdays(vacancy.workdays) }
      if let startDate = vacancy.startDate {
        w.key("startDate")
        w.string(startDate.iso)
      }
      if vacancy.positions != 1 {
        w.key("positions")
        w.integer(vacancy.positions)
      }
      w.codes("requiredSkills", vacancy.requiredSkills)
      w.codes("preferredSkills", vacancy.preferredSkills)
      if vacancy.minEducation != .none {
        w.key("minEducation")
        w.string(vacancy.minEducation.rawValue)
      }
      w.codes("offers", vacancy.offers)
      if let minWageValue = vacancy.minWageValue {
        w.key("minWageValue")
        w.number(minWageValue)
      }
      w.key("banenafspraak")
      w.bool(vacancy.banenafspraak)
    }
  }

  private mutating func location(_ point: GeoPoint) {
    key("location")
    object { w in
      w.key("lat")
      w.number(point.lat)
      w.key("lon")
      w.number(point.lon)
    }
  }

  private mutating func hours(_ range: HourRange) {
    key("hours")
    object { w in
      w.key("min")
      w.number(range.min)
      w.key("max")
      w.number(range.max)
    }
  }

  private mutating func workdays(_ days: Workdays) {
    key("workdays")
    strings(days.dayCodes)
  }

  /// `"name": [codes]`, left out when there are none.
  private mutating func codes(_ name: String, _ values: [String]) {
    guard !values.isEmpty else { return }
    key(name)
    strings(values)
  }
}
