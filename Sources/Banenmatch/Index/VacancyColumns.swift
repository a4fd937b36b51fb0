/// The vacancies of the index as columns of primitive values, one slot per vacancy, for the
/// inner loop of `vacancies(for:)`; the records themselves stay beside them for answers.
struct VacancyColumns: Sendable {
  var records: [Vacancy] = []
  var slots: [ByteKey: Int] = [:]

  var lat = ContiguousArray<Double>()  // radians
  var lon = ContiguousArray<Double>()  // radians
  var cosLat = ContiguousArray<Double>()
  /// Unit vector of the position, for the chord prefilter of the distance test.
  var unit = ContiguousArray<UnitVector>()
  var hoursMin = ContiguousArray<Double>()
  var hoursMax = ContiguousArray<Double>()
  var workdays = ContiguousArray<UInt8>()
  var start = ContiguousArray<Int32>()  // nowDay: starts now
  var minEducationRank = ContiguousArray<Int8>()
  var minWageValue = ContiguousArray<Double>()  // NaN: none
  var banenafspraak = ContiguousArray<Bool>()
  var employerType = ContiguousArray<UInt8>()
  var jobType = ContiguousArray<UInt32>()
  var sector = ContiguousArray<UInt32>()
  var region = ContiguousArray<UInt32>()
  var requiredSkills = CodeSetColumn()
  var preferredSkills = CodeSetColumn()
  var offers = CodeSetColumn()
  var grid = SlotGrid()
  /// Vacancies by their smallest required skill (or among those requiring none): a seeker
  /// can pass `requiredSkills` only for vacancies keyed by one of her skills.
  var requiredKeys = PostingLists<SlotEntry>()

  var count: Int { records.count }

  /// Inserts or replaces the vacancy with this id.
  mutating func upsert(_ vacancy: Vacancy, vocabulary: inout Vocabulary) {
    var vacancy = vacancy
    let row = VacancyRow(&vacancy, vocabulary: &vocabulary)
    if let slot = slots[ByteKey(vacancy.id)] {
      requiredKeys.remove(slot, codes: requiredSkills.codes(at: slot).prefix(1))
      requiredKeys.add(SlotEntry(slot: Int32(slot)), codes: row.requiredSkills.prefix(1))
      records[slot] = vacancy
      lat[slot] = row.lat
      lon[slot] = row.lon
      cosLat[slot] = row.cosLat
      unit[slot] = row.unit
      hoursMin[slot] = vacancy.hours.min
      hoursMax[slot] = vacancy.hours.max
      workdays[slot] = vacancy.workdays.rawValue
      start[slot] = row.start
      minEducationRank[slot] = Int8(vacancy.minEducation.rank)
      minWageValue[slot] = vacancy.minWageValue ?? .nan
      banenafspraak[slot] = vacancy.banenafspraak
      employerType[slot] = row.employerType
      jobType[slot] = row.jobType
      sector[slot] = row.sector
      region[slot] = row.region
      requiredSkills.replace(at: slot, with: row.requiredSkills)
      preferredSkills.replace(at: slot, with: row.preferredSkills)
      offers.replace(at: slot, with: row.offers)
      grid.move(slot, lat: row.lat, lon: row.lon, entry: GeoEntry(slot: slot, unit: row.unit, chordLimit: 2))
    } else {
      slots[ByteKey(vacancy.id)] = records.count
      requiredKeys.add(SlotEntry(slot: Int32(records.count)), codes: row.requiredSkills.prefix(1))
      records.append(vacancy)
      lat.append(row.lat)
      lon.append(row.lon)
      cosLat.append(row.cosLat)
      unit.append(row.unit)
      hoursMin.append(vacancy.hours.min)
      hoursMax.append(vacancy.hours.max)
      workdays.append(vacancy.workdays.rawValue)
      start.append(row.start)
      minEducationRank.append(Int8(vacancy.minEducation.rank))
      minWageValue.append(vacancy.minWageValue ?? .nan)
      banenafspraak.append(vacancy.banenafspraak)
      employerType.append(row.employerType)
      jobType.append(row.jobType)
      sector.append(row.sector)
      region.append(row.region)
      requiredSkills.append(row.requiredSkills)
      preferredSkills.append(row.preferredSkills)
      offers.append(row.offers)
      grid.append(lat: row.lat, lon: row.lon, entry: GeoEntry(slot: records.count - 1, unit: row.unit, chordLimit: 2))
    }
  }

  /// Removes the vacancy with this id; the last slot moves into its place. False if absent.
  mutating func remove(id: String) -> Bool {
    guard let slot = slots.removeValue(forKey: ByteKey(id)) else { return false }
    let last = records.count - 1
    requiredKeys.remove(slot, codes: requiredSkills.codes(at: slot).prefix(1))
    if slot != last {
      slots[ByteKey(records[last].id)] = slot
      requiredKeys.renumber(last, to: slot, codes: requiredSkills.codes(at: last).prefix(1))
    }
    records.swapAt(slot, last)
    records.removeLast()
    func drop<T>(_ column: inout ContiguousArray<T>) {
      column.swapAt(slot, last)
      column.removeLast()
    }
    drop(&lat)
    drop(&lon)
    drop(&cosLat)
    drop(&unit)
    drop(&hoursMin)
    drop(&hoursMax)
    drop(&workdays)
    drop(&start)
    drop(&minEducationRank)
    drop(&minWageValue)
    drop(&banenafspraak)
    drop(&employerType)
    drop(&jobType)
    drop(&sector)
    drop(&region)
    requiredSkills.swapRemove(at: slot)
    preferredSkills.swapRemove(at: slot)
    offers.swapRemove(at: slot)
    grid.swapRemove(slot)
    return true
  }
}

/// A vacancy's derived values, computed once per upsert.
struct VacancyRow {
  var lat, lon, cosLat: Double
  var unit: UnitVector
  var start: Int32
  var employerType: UInt8
  var jobType, sector, region: UInt32
  var requiredSkills, preferredSkills, offers: [UInt32]

  /// Also replaces the vacancy's codes by the vocabulary's shared copies.
  init(_ vacancy: inout Vacancy, vocabulary: inout Vocabulary) {
    lat = vacancy.location.lat * GeoMath.degreesToRadians
    lon = vacancy.location.lon * GeoMath.degreesToRadians
    cosLat = GeoMath.cos(lat)
    unit = UnitVector(lat: lat, lon: lon)
    start = vacancy.startDate?.daysSinceEpoch ?? nowDay
    employerType = UInt8(EmployerType.allCases.firstIndex(of: vacancy.employer.type)!)
    jobType = vocabulary.jobTypes.intern(sharing: &vacancy.jobType)
    if vacancy.sector != nil { sector = vocabulary.sectors.intern(sharing: &vacancy.sector!) } else { sector = noCode }
    if vacancy.region != nil { region = vocabulary.regions.intern(sharing: &vacancy.region!) } else { region = noCode }
    requiredSkills = vocabulary.skills.internSet(sharing: &vacancy.requiredSkills)
    preferredSkills = vocabulary.skills.internSet(sharing: &vacancy.preferredSkills)
    offers = vocabulary.accommodations.internSet(sharing: &vacancy.offers)
  }
}
