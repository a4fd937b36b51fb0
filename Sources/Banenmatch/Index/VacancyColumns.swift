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
/// bits and its offers, for a first test that never touches the row.
struct VacancyEntry: GridEntry {
  var x, y, z: Float
  var slot: Int32
  var requiredFold: UInt64
  /// Offers with codes below 64.
  var offers: UInt64

  init(slot: Int, row: VacancyRow) {
    x = Float(row.x)
    y = Float(row.y)
    z = Float(row.z)
    self.slot = Int32(slot)
    requiredFold = row.required.folded
    offers = row.offers.word
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

/// The vacancies of the index: records for answers, rows for the inner loop, a spatial grid,
/// and the vacancies keyed by their smallest required skill for near misses far away.
struct VacancyColumns: Sendable {
  var records: [Vacancy] = []
  var slots: [ByteKey: Int] = [:]
  var rows = ContiguousArray<VacancyRow>()
  var geo = ContiguousArray<GeoRow>()
  var keys = ContiguousArray<VacancyKeys>()
  var overflows = OverflowTable()
  var grid = CellGrid<VacancyEntry>(cellDegrees: VacancyColumns.cellDegrees)
  /// Vacancies by their smallest required skill (or among those requiring none): a seeker
  /// can pass `requiredSkills` only for vacancies keyed by one of her skills.
  var requiredKeys = PostingLists<SlotEntry>()

  /// Records written by `append(_:vocabulary:)` are not in the grid yet: `finishLayout()`
  /// puts them there.
  private(set) var layoutPending = false

  var count: Int { rows.count }

  /// The grid's finest cells: 0.025° (about 2.8 × 2.5 km in the Netherlands).
  static let cellDegrees = 0.025

  /// Inserts or replaces the vacancy with this id, grid included.
  mutating func upsert(_ vacancy: Vacancy, vocabulary: inout Vocabulary) {
    finishLayout()
    var vacancy = vacancy
    let (row, overflow, smallestRequired) = Self.row(&vacancy, vocabulary: &vocabulary)
    if let slot = slots[ByteKey(vacancy.id)] {
      detach(slot)
      overflows.remove(rows[slot].overflow)
      set(slot, vacancy, row, overflow)
      attach(slot, smallestRequired: smallestRequired)
    } else {
      let slot = rows.count
      slots[ByteKey(vacancy.id)] = slot
      set(slot, vacancy, row, overflow)
      attach(slot, smallestRequired: smallestRequired)
    }
  }

  /// Inserts or replaces the vacancy with this id, leaving the grid to `finishLayout()`.
  mutating func append(_ vacancy: Vacancy, vocabulary: inout Vocabulary) {
    layoutPending = true
    var vacancy = vacancy
    let (row, overflow, _) = Self.row(&vacancy, vocabulary: &vocabulary)
    if let slot = slots[ByteKey(vacancy.id)] {
      overflows.remove(rows[slot].overflow)
      set(slot, vacancy, row, overflow)
    } else {
      slots[ByteKey(vacancy.id)] = rows.count
      set(rows.count, vacancy, row, overflow)
    }
  }

  /// Writes slot `slot`, or appends when it is `count`.
  private mutating func set(_ slot: Int, _ vacancy: Vacancy, _ row: VacancyRow, _ overflow: CodeOverflow) {
    var row = row
    row.overflow = overflows.add(overflow)
    let rowKeys = VacancyKeys(
      region: row.region, sector: row.sector, jobType: row.jobType, employerType: row.employerType)
    if slot == rows.count {
      records.append(vacancy)
      rows.append(row)
      geo.append(GeoRow(vacancy.location))
      keys.append(rowKeys)
    } else {
      records[slot] = vacancy
      rows[slot] = row
      geo[slot] = GeoRow(vacancy.location)
      keys[slot] = rowKeys
    }
  }

  /// After `append`: numbers the slots in the order of their position and builds the grid
  /// and the required-skill keys anew (see `SeekerColumns.finishLayout()`).
  mutating func finishLayout() {
    guard layoutPending else { return }
    layoutPending = false
    let layout = CellGrid<VacancyEntry>(cellDegrees: Self.cellDegrees)
    let order = SpatialOrder.slots(geo.map { SpatialOrder.key(layer: 0, layout.cell(lat: $0.lat, lon: $0.lon)) })
    permute(&records, order)
    permute(&rows, order)
    permute(&geo, order)
    permute(&keys, order)
    for slot in records.indices { slots[ByteKey(records[slot].id)] = slot }
    grid = CellGrid(cellDegrees: Self.cellDegrees)
    requiredKeys = PostingLists()
    grid.load(rows.indices.map { (entry: VacancyEntry(slot: $0, row: rows[$0]), lat: geo[$0].lat, lon: geo[$0].lon) })
    for slot in rows.indices { requiredKeys.add(SlotEntry(slot: Int32(slot)), codes: smallestRequired(slot)) }
  }

  /// Removes the vacancy with this id; the last slot moves into its place. False if absent.
  mutating func remove(id: String) -> Bool {
    finishLayout()
    guard let slot = slots.removeValue(forKey: ByteKey(id)) else { return false }
    let last = rows.count - 1
    detach(slot)
    overflows.remove(rows[slot].overflow)
    if slot != last {
      grid.update(slot: Int32(last), lat: geo[last].lat, lon: geo[last].lon) { $0.slot = Int32(slot) }
      requiredKeys.renumber(last, to: slot, codes: smallestRequired(last))
      slots[ByteKey(records[last].id)] = slot
    }
    records.swapAt(slot, last)
    records.removeLast()
    rows.swapAt(slot, last)
    rows.removeLast()
    geo.swapAt(slot, last)
    geo.removeLast()
    keys.swapAt(slot, last)
    keys.removeLast()
    return true
  }

  /// The smallest required skill code of `slot`, or none.
  func smallestRequired(_ slot: Int) -> [UInt32] {
    let row = rows[slot]
    if let first = row.required.members.first { return [first] }
    if row.overflow != 0, let first = overflows[row.overflow].first.first { return [first] }
    return []
  }

  private mutating func attach(_ slot: Int, smallestRequired: [UInt32]) {
    grid.insert(VacancyEntry(slot: slot, row: rows[slot]), lat: geo[slot].lat, lon: geo[slot].lon)
    requiredKeys.add(SlotEntry(slot: Int32(slot)), codes: smallestRequired)
  }

  private mutating func detach(_ slot: Int) {
    grid.remove(slot: Int32(slot), lat: geo[slot].lat, lon: geo[slot].lon)
    requiredKeys.remove(slot, codes: smallestRequired(slot))
  }

  /// A vacancy's row and overflow with its codes interned, and its smallest required skill;
  /// also replaces the vacancy's codes by the vocabulary's shared copies.
  static func row(_ vacancy: inout Vacancy, vocabulary: inout Vocabulary) -> (VacancyRow, CodeOverflow, [UInt32]) {
    let unit = UnitVector(point: vacancy.location)
    let jobType = vocabulary.jobTypes.intern(sharing: &vacancy.jobType)
    let sector: UInt32
    if vacancy.sector != nil { sector = vocabulary.sectors.intern(sharing: &vacancy.sector!) } else { sector = noCode }
    let region: UInt32
    if vacancy.region != nil { region = vocabulary.regions.intern(sharing: &vacancy.region!) } else { region = noCode }
    let required = vocabulary.skills.internSet(sharing: &vacancy.requiredSkills)
    let preferred = vocabulary.skills.internSet(sharing: &vacancy.preferredSkills)
    let offers = vocabulary.accommodations.internSet(sharing: &vacancy.offers)
    let row = VacancyRow(
      x: unit.x, y: unit.y, z: unit.z, hoursMin: vacancy.hours.min, hoursMax: vacancy.hours.max,
      minWageValue: vacancy.minWageValue ?? .nan, start: vacancy.startDate?.daysSinceEpoch ?? nowDay,
      jobType: jobType, sector: sector, region: region, overflow: 0, preferredCount: UInt32(preferred.count),
      workdays: vacancy.workdays.rawValue, minEducationRank: Int8(vacancy.minEducation.rank),
      employerType: vacancy.employer.type.bit, banenafspraak: vacancy.banenafspraak,
      required: Bits256(required), preferred: Bits256(preferred), offers: Bits64(offers))
    let overflow = CodeOverflow(
      first: CodeOverflow.high(required, limit: Bits256.limit),
      second: CodeOverflow.high(preferred, limit: Bits256.limit),
      third: CodeOverflow.high(offers, limit: Bits64.limit))
    return (row, overflow, Array(required.prefix(1)))
  }
}

extension EmployerType {
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
