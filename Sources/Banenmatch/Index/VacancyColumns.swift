/// What the inner loop of `vacancies(for:)` reads of one vacancy, in one row of a few cache
/// lines.
struct VacancyRow: Sendable {
  /// Unit vector of the position.
  var x, y, z: Double
  var hoursMin, hoursMax: Double
  /// NaN: none.
  var minWageValue: Double
  /// `nowDay`: starts now.
  var start: Int32
  var jobType: UInt32
  /// `noCode`: none.
  var sector: UInt32
  var region: UInt32
  /// The row's `CodeOverflow` (required and preferred skills, offers beyond the inline
  /// bits), or 0.
  var overflow: UInt32
  /// Distinct preferred skills.
  var preferredCount: UInt32
  var workdays: UInt8
  var minEducationRank: Int8
  var employerType: UInt8
  var banenafspraak: Bool
  var required: Bits256
  var preferred: Bits256
  var offers: Bits64
}

/// A vacancy in the grid: position in single precision, its required skills folded to 64
/// bits, its offers, and the facts a pair most often fails on besides, for a first test that
/// never touches the row (48 bytes). Hours and the wage minimum are rounded outwards, so that
/// a test on them fails only pairs that certainly fail.
struct VacancyEntry: GridEntry {
  var x, y, z: Float
  var slot: Int32
  var requiredFold: UInt64
  /// Offers with codes below 64.
  var offers: UInt64
  /// The row's `start` (`nowDay`: now).
  var start: Int32
  var jobType: UInt32
  /// The minimum wage value times 256, rounded down; 0 when there is none.
  var minWage256: UInt16
  var workdays: UInt8
  var minEducationRank: Int8
  var banenafspraak: Bool
  /// The hours in half hours: the minimum rounded down, the maximum rounded up.
  var hoursMin2: UInt8
  var hoursMax2: UInt8

  init(slot: Int, row: VacancyRow) {
    x = Float(row.x)
    y = Float(row.y)
    z = Float(row.z)
    self.slot = Int32(slot)
    requiredFold = row.required.folded
    offers = row.offers.word
    start = row.start
    jobType = row.jobType
    // Validated from 0 to 100: at most 25,600.
    minWage256 = row.minWageValue.isNaN ? 0 : UInt16((row.minWageValue * 256).rounded(.down))
    workdays = row.workdays
    minEducationRank = row.minEducationRank
    banenafspraak = row.banenafspraak
    // Validated from 0 to 40.
    hoursMin2 = UInt8((row.hoursMin * 2).rounded(.down))
    hoursMax2 = UInt8((row.hoursMax * 2).rounded(.up))
  }

  /// Whether the vacancy is certainly farther from `point` than the chord `limit` (see
  /// `SeekerEntry.isBeyond`).
  @inline(__always)
  func isBeyond(_ point: FloatPoint, limit: Float) -> Bool {
    let dx = x - point.x
    let dy = y - point.y
    let dz = z - point.z
    let chord = limit + 1e-6
    return dx * dx + dy * dy + dz * dz > chord * chord
  }
}

/// The request filters' view of a vacancy, in a compact column for counting candidates.
struct VacancyKeys: Sendable {
  var region: UInt32
  var sector: UInt32
  var jobType: UInt32
  var employerType: UInt8
}

/// What a vacancy's row leaves out, for answers and for giving the record back: its position
/// in degrees, employer, title, positions, minimum education, and where its code lists start
/// in the pool (in this order: required skills, preferred skills, offers). Texts are numbers
/// in the vocabulary's `texts`.
struct VacancyDetails: Sendable {
  var location: GeoPoint
  var listStart: UInt32
  var required, preferred, offers: UInt32
  var employerID: UInt32
  /// `CodeTable.absent`: none.
  var employerName: UInt32
  var title: UInt32
  var positions: Int
  /// `Education.code`.
  var minEducation: UInt8

  var listCount: Int { Int(required + preferred + offers) }
}

/// The vacancies of the index: ids and details to give records and answers back, rows for the
/// inner loop, a spatial grid, and the vacancies keyed by their smallest required skill for
/// near misses far away.
struct VacancyColumns: Sendable {
  var ids = ContiguousArray<String>()
  var details = ContiguousArray<VacancyDetails>()
  /// Every vacancy's code lists in their original order, repeats kept.
  var lists = CodeListPool()
  var slots: [ByteKey: Int] = [:]
  var rows = ContiguousArray<VacancyRow>()
  var geo = ContiguousArray<GeoRow>()
  var keys = ContiguousArray<VacancyKeys>()
  var overflows = OverflowTable()
  var grid = CellGrid<VacancyEntry>(cellDegrees: VacancyColumns.cellDegrees)
  /// The vacancies again, by their smallest required skill: grid `code + 1` holds those whose
  /// smallest required skill is `code`, grid 0 those requiring none. A seeker can pass
  /// `requiredSkills` only for vacancies in grid 0 and in the grids of her own skills.
  var keyGrids: [CellGrid<VacancyEntry>] = []

  /// Records written by `append(_:vocabulary:)` are not in the grid yet: `finishLayout()`
  /// puts them there.
  private(set) var layoutPending = false

  var count: Int { rows.count }

  /// The grid's finest cells: 0.025° (about 2.8 × 2.5 km in the Netherlands).
  static let cellDegrees = 0.025

  /// Inserts or replaces the vacancy with this id, grid included.
  mutating func upsert(_ vacancy: Vacancy, vocabulary: inout Vocabulary) {
    finishLayout()
    if let slot = slots[ByteKey(vacancy.id)] {
      detach(slot)
      store(vacancy, at: slot, vocabulary: &vocabulary)
      attach(slot)
    } else {
      slots[ByteKey(vacancy.id)] = rows.count
      store(vacancy, at: rows.count, vocabulary: &vocabulary)
      attach(rows.count - 1)
    }
  }

  /// Inserts or replaces the vacancy with this id, leaving the grid to `finishLayout()`.
  mutating func append(_ vacancy: Vacancy, vocabulary: inout Vocabulary) {
    layoutPending = true
    if let slot = slots[ByteKey(vacancy.id)] {
      store(vacancy, at: slot, vocabulary: &vocabulary)
    } else {
      slots[ByteKey(vacancy.id)] = rows.count
      store(vacancy, at: rows.count, vocabulary: &vocabulary)
    }
  }

  /// Writes slot `slot`'s columns, or appends them when it is `count`.
  private mutating func store(_ vacancy: Vacancy, at slot: Int, vocabulary: inout Vocabulary) {
    let (row, overflow, codeLists, vacancyDetails) = Self.columns(vacancy, vocabulary: &vocabulary)
    if slot < rows.count {
      overflows.remove(rows[slot].overflow)
      lists.release(details[slot].listCount)
    }
    var newDetails = vacancyDetails
    newDetails.listStart = lists.store(codeLists)
    var newRow = row
    newRow.overflow = overflows.add(overflow)
    let rowKeys = VacancyKeys(
      region: row.region, sector: row.sector, jobType: row.jobType, employerType: row.employerType)
    if slot == rows.count {
      ids.append(vacancy.id)
      details.append(newDetails)
      rows.append(newRow)
      geo.append(GeoRow(vacancy.location))
      keys.append(rowKeys)
    } else {
      ids[slot] = vacancy.id
      details[slot] = newDetails
      rows[slot] = newRow
      geo[slot] = GeoRow(vacancy.location)
      keys[slot] = rowKeys
    }
    if lists.isWasteful {
      let starts = lists.compact(details.lazy.map { ($0.listStart, $0.listCount) })
      for slot in details.indices { details[slot].listStart = starts[slot] }
    }
  }

  /// The vacancy's preferred skills in their order, as codes (repeats kept).
  func preferredCodes(_ slot: Int) -> ArraySlice<UInt32> {
    let d = details[slot]
    return lists.codes(from: d.listStart + d.required, count: Int(d.preferred))
  }

  /// The vacancy at `slot`, as it was written.
  func record(_ slot: Int, vocabulary: Vocabulary) -> Vacancy {
    let row = rows[slot]
    let d = details[slot]
    var reader = CodeListReader(lists, from: d.listStart, count: d.listCount)
    let required = reader.next(d.required, vocabulary.skills)
    let preferred = reader.next(d.preferred, vocabulary.skills)
    let offers = reader.next(d.offers, vocabulary.accommodations)
    func text(_ number: UInt32) -> String? { number == CodeTable.absent ? nil : vocabulary.texts.codes[Int(number)] }
    return Vacancy(
      id: ids[slot],
      employer: Vacancy.Employer(
        id: vocabulary.texts.codes[Int(d.employerID)], name: text(d.employerName),
        type: EmployerType(bit: row.employerType)),
      title: text(d.title), jobType: vocabulary.jobTypes.codes[Int(row.jobType)],
      sector: row.sector == noCode ? nil : vocabulary.sectors.codes[Int(row.sector)],
      region: row.region == noCode ? nil : vocabulary.regions.codes[Int(row.region)], location: d.location,
      hours: HourRange(min: row.hoursMin, max: row.hoursMax), workdays: Workdays(rawValue: row.workdays),
      startDate: row.start == nowDay ? nil : Day(daysSinceEpoch: row.start), positions: d.positions,
      requiredSkills: required, preferredSkills: preferred, minEducation: Education(code: d.minEducation) ?? .none,
      offers: offers, minWageValue: row.minWageValue.isNaN ? nil : row.minWageValue,
      banenafspraak: row.banenafspraak)
  }

  /// After `append`: numbers the slots in the order of their position and builds the grid
  /// and the required-skill keys anew (see `SeekerColumns.finishLayout()`).
  mutating func finishLayout() {
    guard layoutPending else { return }
    layoutPending = false
    let layout = CellGrid<VacancyEntry>(cellDegrees: Self.cellDegrees)
    let order = SpatialOrder.slots(geo.map { SpatialOrder.key(layer: 0, layout.cell(lat: $0.lat, lon: $0.lon)) })
    permute(&ids, order)
    permute(&details, order)
    permute(&rows, order)
    permute(&geo, order)
    permute(&keys, order)
    for slot in ids.indices { slots[ByteKey(ids[slot])] = slot }
    grid = CellGrid(cellDegrees: Self.cellDegrees)
    let items = rows.indices.map { (entry: VacancyEntry(slot: $0, row: rows[$0]), lat: geo[$0].lat, lon: geo[$0].lon) }
    grid.load(items)
    var keyed: [[(entry: VacancyEntry, lat: Double, lon: Double)]] = []
    for (slot, item) in items.enumerated() {
      let key = keyGrid(slot)
      while keyed.count <= key { keyed.append([]) }
      keyed[key].append(item)
    }
    keyGrids = keyed.map { items in
      var keyGrid = CellGrid<VacancyEntry>(cellDegrees: Self.cellDegrees)
      keyGrid.load(items)
      return keyGrid
    }
  }

  /// Removes the vacancy with this id; the last slot moves into its place. False if absent.
  mutating func remove(id: String) -> Bool {
    finishLayout()
    guard let slot = slots.removeValue(forKey: ByteKey(id)) else { return false }
    let last = rows.count - 1
    detach(slot)
    overflows.remove(rows[slot].overflow)
    lists.release(details[slot].listCount)
    if slot != last {
      grid.update(slot: Int32(last), lat: geo[last].lat, lon: geo[last].lon) { $0.slot = Int32(slot) }
      keyGrids[keyGrid(last)].update(slot: Int32(last), lat: geo[last].lat, lon: geo[last].lon) {
        $0.slot = Int32(slot)
      }
      slots[ByteKey(ids[last])] = slot
    }
    ids.swapAt(slot, last)
    ids.removeLast()
    details.swapAt(slot, last)
    details.removeLast()
    rows.swapAt(slot, last)
    rows.removeLast()
    geo.swapAt(slot, last)
    geo.removeLast()
    keys.swapAt(slot, last)
    keys.removeLast()
    return true
  }

  /// The number of the key grid of `slot`: its smallest required skill code + 1, or 0.
  func keyGrid(_ slot: Int) -> Int {
    let row = rows[slot]
    var smallest: UInt32?
    row.required.forEachMember { code in if smallest == nil { smallest = code } }
    if smallest == nil, row.overflow != 0 { smallest = overflows[row.overflow].first.first }
    return smallest.map { Int($0) + 1 } ?? 0
  }

  private mutating func attach(_ slot: Int) {
    let entry = VacancyEntry(slot: slot, row: rows[slot])
    grid.insert(entry, lat: geo[slot].lat, lon: geo[slot].lon)
    let key = keyGrid(slot)
    while keyGrids.count <= key { keyGrids.append(CellGrid(cellDegrees: Self.cellDegrees)) }
    keyGrids[key].insert(entry, lat: geo[slot].lat, lon: geo[slot].lon)
  }

  private mutating func detach(_ slot: Int) {
    grid.remove(slot: Int32(slot), lat: geo[slot].lat, lon: geo[slot].lon)
    keyGrids[keyGrid(slot)].remove(slot: Int32(slot), lat: geo[slot].lat, lon: geo[slot].lon)
  }

  /// A vacancy's row, overflow, code lists and details, with its codes interned.
  static func columns(
    _ vacancy: Vacancy, vocabulary: inout Vocabulary
  ) -> (VacancyRow, CodeOverflow, [UInt32], VacancyDetails) {
    let unit = UnitVector(point: vacancy.location)
    let jobType = vocabulary.jobTypes.intern(vacancy.jobType)
    let sector = vacancy.sector.map { vocabulary.sectors.intern($0) } ?? noCode
    let region = vacancy.region.map { vocabulary.regions.intern($0) } ?? noCode
    var lists: [UInt32] = []
    lists.reserveCapacity(vacancy.requiredSkills.count + vacancy.preferredSkills.count + vacancy.offers.count)
    let required = lists.appendInterned(vacancy.requiredSkills, &vocabulary.skills)
    let preferred = lists.appendInterned(vacancy.preferredSkills, &vocabulary.skills)
    let offers = lists.appendInterned(vacancy.offers, &vocabulary.accommodations)
    let preferredHigh = CodeOverflow.high(lists[preferred], limit: Bits256.limit)
    let preferredBits = Bits256(lists[preferred])
    let row = VacancyRow(
      x: unit.x, y: unit.y, z: unit.z, hoursMin: vacancy.hours.min, hoursMax: vacancy.hours.max,
      minWageValue: vacancy.minWageValue ?? .nan, start: vacancy.startDate?.daysSinceEpoch ?? nowDay,
      jobType: jobType, sector: sector, region: region, overflow: 0,
      preferredCount: UInt32(preferredBits.count + preferredHigh.count),
      workdays: vacancy.workdays.rawValue, minEducationRank: Int8(vacancy.minEducation.rank),
      employerType: vacancy.employer.type.bit, banenafspraak: vacancy.banenafspraak,
      required: Bits256(lists[required]), preferred: preferredBits, offers: Bits64(lists[offers]))
    let overflow = CodeOverflow(
      first: CodeOverflow.high(lists[required], limit: Bits256.limit), second: preferredHigh,
      third: CodeOverflow.high(lists[offers], limit: Bits64.limit))
    let details = VacancyDetails(
      location: vacancy.location, listStart: 0, required: UInt32(vacancy.requiredSkills.count),
      preferred: UInt32(vacancy.preferredSkills.count), offers: UInt32(vacancy.offers.count),
      employerID: vocabulary.texts.intern(vacancy.employer.id),
      employerName: vacancy.employer.name.map { vocabulary.texts.intern($0) } ?? CodeTable.absent,
      title: vacancy.title.map { vocabulary.texts.intern($0) } ?? CodeTable.absent, positions: vacancy.positions,
      minEducation: vacancy.minEducation.code)
    return (row, overflow, lists, details)
  }
}

extension EmployerType {
  /// The type with this `bit`.
  init(bit: UInt8) {
    self = EmployerType.allCases[Int(bit)]
  }

  /// The position in `allCases`, as the filters' bit number.
  var bit: UInt8 {
    switch self {
    case .schoolbestuurPO: 0
    case .schoolbestuurVO: 1
    case .markt: 2
    case .overheid: 3
    }
  }
}
