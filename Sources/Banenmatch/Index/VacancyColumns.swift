/// What the inner loop of `vacancies(for:)` reads of one vacancy, in one row of a few cache
/// lines.
struct VacancyRow: OverflowRow, Sendable {
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

/// The vacancy's side of the tests an entry tells without the row (`EntryFacts`): its offers
/// and the facts a pair most often fails on besides (19 bytes, first in every entry holding
/// them, so that what follows fills the padding). Hours and the wage minimum are rounded
/// outwards, so that a test on them fails only pairs that certainly fail.
struct EntryTests: Sendable {
  /// Offers with codes below 64.
  var offers: UInt64
  /// The row's `start` (`nowDay`: now).
  var start: Int32
  /// The minimum wage value times 256, rounded down; 0 when there is none.
  var minWage256: UInt16
  var workdays: UInt8
  var minEducationRank: Int8
  var banenafspraak: Bool
  /// The hours in half hours: the minimum rounded down, the maximum rounded up.
  var hoursMin2: UInt8
  var hoursMax2: UInt8

  init(row: VacancyRow) {
    offers = row.offers.word
    start = row.start
    // Validated from 0 to 100: at most 25,600.
    minWage256 = row.minWageValue.isNaN ? 0 : UInt16((row.minWageValue * 256).rounded(.down))
    workdays = row.workdays
    minEducationRank = row.minEducationRank
    banenafspraak = row.banenafspraak
    // Validated from 0 to 40.
    hoursMin2 = UInt8((row.hoursMin * 2).rounded(.down))
    hoursMax2 = UInt8((row.hoursMax * 2).rounded(.up))
  }
}

/// A vacancy in the grid: the entry's tests, its position in single precision and its
/// required skills folded to 64 bits, for a first test that never touches the row (48 bytes).
struct VacancyEntry: GridEntry {
  var tests: EntryTests
  var jobType: UInt32
  var x, y, z: Float
  var slot: Int32
  var requiredFold: UInt64

  init(slot: Int, row: VacancyRow) {
    tests = EntryTests(row: row)
    jobType = row.jobType
    x = Float(row.x)
    y = Float(row.y)
    z = Float(row.z)
    self.slot = Int32(slot)
    requiredFold = row.required.folded
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

  /// At least the distance feature 1 − d/D of the pair, D being `km`: the arc is no shorter
  /// than the chord, which is at least the single-precision one less 2e-6.
  @inline(__always)
  func distanceFeatureBound(_ point: FloatPoint, km: Double) -> Double {
    let dx = Double(x - point.x)
    let dy = Double(y - point.y)
    let dz = Double(z - point.z)
    let chord = (dx * dx + dy * dy + dz * dz).squareRoot() - 2e-6
    let low = GeoMath.earthRadiusKm * chord * (1 - 1e-9) - 1e-9
    return low > 0 ? max(0, 1 - low / km) : 1
  }
}

/// What a group of vacancies allows a seeker at most for the skills and hours features: every
/// preferred code below 256 of any of them, whether any has one above, the fewest distinct
/// preferred skills any has, and the smallest maximum hours. It only widens: a vacancy taken
/// out leaves its codes and hours in, which keeps it a bound for the others.
struct GroupBound: Sendable {
  var codes = Bits256()
  var hasHigh = false
  /// `UInt32.max` while empty; 0 when one prefers none (its skills feature is 1).
  var fewest = UInt32.max

  /// The smallest maximum hours, in half hours rounded down (`UInt8.max` while empty).
  var leastMax2 = UInt8.max

  /// No vacancy of the group was ever added: it has no pairs.
  var isEmpty: Bool { fewest == .max }

  mutating func add(_ row: VacancyRow) {
    codes.formUnion(row.preferred)
    hasHigh = hasHigh || row.preferredCount > UInt32(row.preferred.count)
    fewest = min(fewest, row.preferredCount)
    leastMax2 = min(leastMax2, UInt8((row.hoursMax * 2).rounded(.down)))
  }

  /// At least the hours feature, min(s.max, v.max) / v.max, with any of the vacancies: it
  /// only falls as v.max grows, and v.max is at least `leastMax2` half hours.
  @inline(__always)
  func hours(_ q: SeekerQuery) -> Double {
    if leastMax2 == 0 || leastMax2 == .max { return 1 }
    return min(1, q.hoursMax / (Double(leastMax2) / 2))
  }

  /// At least the skills feature of the seeker with any of the vacancies: |P ∩ S| / |P| is at
  /// most |codes ∩ S| (plus her codes above 256 when a vacancy has some) over the fewest |P|.
  @inline(__always)
  func skills(_ q: SeekerQuery) -> Double {
    if fewest == 0 { return 1 }
    if fewest == .max { return 0 }
    let shared = codes.intersectionCount(q.skills) + (hasHigh ? q.skillsHigh.count : 0)
    return min(1, Double(shared) / Double(fewest))
  }
}

/// A vacancy in a far list (32 bytes): the entry's tests and its preferred skills folded, and
/// nothing the list holds in common (required skills, job type, number of preferred skills)
/// or a near miss beyond reach does not need (its position: `judge` tells the few within reach).
struct FarEntry: Sendable {
  var tests: EntryTests
  var slot: Int32
  /// Bit `code % 64` of each preferred skill below 256.
  var preferredFold: UInt64

  init(_ near: NearEntry) {
    tests = near.entry.tests
    slot = near.entry.slot
    preferredFold = near.preferredFold
  }
}

/// At least the skills feature for a seeker whose skills fold to `skills`, with a vacancy
/// whose `count` distinct preferred skills fold to `fold`: each preferred skill she holds sets
/// a bit of both folds, but for those sharing a bit with another (or above 256):
/// |P ∩ S| ≤ |fold(P) ∩ fold(S)| + |P| − |fold(P)|.
@inline(__always)
func preferredSkillsBound(fold: UInt64, count: UInt32, skills: UInt64) -> Double {
  if count == 0 { return 1 }
  let shared = (fold & skills).nonzeroBitCount + Int(count) - fold.nonzeroBitCount
  return min(1, Double(shared) / Double(count))
}

/// A vacancy's entry for near misses: with its preferred skills folded to 64 bits, to bound
/// the skills feature before the row is read (64 bytes).
struct NearEntry: GridEntry {
  var entry: VacancyEntry
  /// Bit `code % 64` of each preferred skill below 256.
  var preferredFold: UInt64
  /// Distinct preferred skills.
  var preferredCount: UInt32

  init(_ entry: VacancyEntry, row: VacancyRow) {
    self.entry = entry
    preferredFold = row.preferred.folded
    preferredCount = row.preferredCount
  }

  var slot: Int32 {
    get { entry.slot }
    set { entry.slot = newValue }
  }

  /// At least the skills feature for a seeker whose skills fold to `skills`.
  @inline(__always)
  func skillsBound(_ skills: UInt64) -> Double {
    preferredSkillsBound(fold: preferredFold, count: preferredCount, skills: skills)
  }
}

/// A set of required skills: the codes below 256 as bits, the others sorted.
struct RequiredSkills: Hashable, Sendable {
  var low: Bits256
  var high: [UInt32]

  /// Whether a seeker with these skills holds every one.
  @inline(__always)
  func areHeld(by skills: Bits256, high skillsHigh: [UInt32]) -> Bool {
    low.isSubset(of: skills) && (high.isEmpty || high.isSortedSubset(of: skillsHigh))
  }
}

/// One job type's vacancies in lists by their set of required skills (a job type has a few)
/// and their number of preferred skills, so that a seeker's near misses beyond reach read only
/// the lists whose skills she holds, and a list's skills bound, over its own number of
/// preferred skills, turns whole lists away.
struct FarLists: Sendable {
  /// What a far list holds in common.
  struct Key: Hashable, Sendable {
    var required: RequiredSkills
    var preferredCount: UInt32
  }

  private(set) var lists: [EntryList] = []
  private var numbers: [Key: Int] = [:]

  mutating func append(_ entry: NearEntry, row: VacancyRow, key: Key) {
    if let k = numbers[key] {
      lists[k].append(entry, row: row)
    } else {
      numbers[key] = lists.count
      var list = EntryList(required: key.required, preferredCount: key.preferredCount)
      list.append(entry, row: row)
      lists.append(list)
    }
  }

  mutating func remove(slot: Int32, key: Key) {
    if let k = numbers[key] { lists[k].remove(slot: slot) }
  }

  mutating func update(slot: Int32, to newSlot: Int32, key: Key) {
    if let k = numbers[key] { lists[k].update(slot: slot, to: newSlot) }
  }
}

/// Entries of vacancies requiring the same skills, in no order, with the bound of their
/// preferred skills, and bit sets over the entries' positions that tell, a word of 64 entries
/// at a time, which of them a seeker could take if only she lived nearer: those offering each
/// accommodation code below 64, listing each workday, and counting for the banenafspraak.
struct EntryList: Sendable {
  let required: RequiredSkills
  /// Every vacancy's number of distinct preferred skills.
  let preferredCount: UInt32
  private(set) var entries = ContiguousArray<FarEntry>()
  private(set) var bound = GroupBound()
  /// Bit set `kind` is `masks[kind * words ..< (kind + 1) * words]`; bit p of it is entry p.
  private var masks = ContiguousArray<UInt64>()
  /// Words per bit set: the entries' count over 64, rounded up.
  private var words = 0

  /// The bit sets: offering code c (below 64) is kind c, listing workday d kind 64 + d, and
  /// counting for the banenafspraak kind 71.
  private static let dayKind = 64
  private static let banenafspraakKind = 71
  private static let kinds = 72

  init(required: RequiredSkills, preferredCount: UInt32) {
    self.required = required
    self.preferredCount = preferredCount
  }

  mutating func append(_ entry: NearEntry, row: VacancyRow) {
    let position = entries.count
    if position == words * 64 { addWord() }
    entries.append(FarEntry(entry))
    bound.add(row)
    setBits(of: entries[position].tests, at: position, true)
  }

  mutating func remove(slot: Int32) {
    guard let k = entries.firstIndex(where: { $0.slot == slot }) else { return }
    let last = entries.count - 1
    setBits(of: entries[k].tests, at: k, false)
    if k != last {
      // The last entry moves to position k.
      setBits(of: entries[last].tests, at: last, false)
      setBits(of: entries[last].tests, at: k, true)
    }
    entries.swapAt(k, last)
    entries.removeLast()
  }

  mutating func update(slot: Int32, to newSlot: Int32) {
    guard let k = entries.firstIndex(where: { $0.slot == slot }) else { return }
    entries[k].slot = newSlot
  }

  /// Calls `body` with each entry that offers every need (codes below 64), lists no workday
  /// but hers (`workdays`), and counts for the banenafspraak only if she is `registered`:
  /// the others fail a constraint besides distance. In position order.
  @inline(__always)
  func forEachCandidate(
    needs: UInt64, workdays: UInt8, registered: Bool, _ body: (FarEntry) -> Void
  ) {
    let absentDays = UInt64(~workdays & 0x7F)
    entries.withUnsafeBufferPointer { entries in
      masks.withUnsafeBufferPointer { masks in
        for w in 0..<words {
          let left = entries.count - w * 64
          // Entries taken out leave their words behind, empty.
          if left <= 0 { break }
          var mask: UInt64 = left >= 64 ? ~0 : (1 << UInt64(left)) - 1
          forEachBit(needs) { mask &= masks[$0 * words + w] }
          forEachBit(absentDays) { mask &= ~masks[(Self.dayKind + $0) * words + w] }
          if !registered { mask &= ~masks[Self.banenafspraakKind * words + w] }
          forEachBit(mask) { body(entries[w * 64 + $0]) }
        }
      }
    }
  }

  /// Sets or clears the entry's bits at `position`.
  private mutating func setBits(of tests: EntryTests, at position: Int, _ on: Bool) {
    let (w, bit) = (position / 64, UInt64(1) << UInt64(position % 64))
    func set(_ kind: Int) {
      if on { masks[kind * words + w] |= bit } else { masks[kind * words + w] &= ~bit }
    }
    forEachBit(tests.offers) { set($0) }
    forEachBit(UInt64(tests.workdays)) { set(Self.dayKind + $0) }
    if tests.banenafspraak { set(Self.banenafspraakKind) }
  }

  /// One more word in every bit set, for 64 more entries.
  private mutating func addWord() {
    var grown = ContiguousArray<UInt64>(repeating: 0, count: Self.kinds * (words + 1))
    for kind in 0..<Self.kinds {
      for w in 0..<words { grown[kind * (words + 1) + w] = masks[kind * words + w] }
    }
    masks = grown
    words += 1
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
struct VacancyDetails: ListedDetails, Sendable {
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

  var listCount: Int { Int(required) + Int(preferred) + Int(offers) }
}

/// The vacancies of the index: ids and details to give records and answers back, rows for the
/// inner loop, grids of entries by smallest required skill (the matches) and by job type (near
/// misses within reach), and far lists (near misses beyond reach).
struct VacancyColumns: RecordColumns, Sendable {
  var ids = ContiguousArray<String>()
  var details = ContiguousArray<VacancyDetails>()
  /// Every vacancy's code lists in their original order, repeats kept.
  var lists = CodeListPool()
  var slots: [ByteKey: Int] = [:]
  var rows = ContiguousArray<VacancyRow>()
  var geo = ContiguousArray<GeoRow>()
  var keys = ContiguousArray<VacancyKeys>()
  var overflows = OverflowTable()
  /// The vacancies by their smallest required skill: grid `code + 1` holds those whose
  /// smallest required skill is `code`, grid 0 those requiring none. A seeker can pass
  /// `requiredSkills` only for vacancies in grid 0 and in the grids of her own skills.
  var keyGrids: [CellGrid<VacancyEntry>] = []
  /// The vacancies again, by job type (grid `jobType`), for near misses within reach: a job
  /// type fixes the preference and experience features, and `jobTypeBounds` bound the skills
  /// and hours features, so a seeker's near misses visit the job types best bound first.
  var jobTypeGrids: [CellGrid<NearEntry>] = []
  var jobTypeBounds: [GroupBound] = []
  /// And by job type, required skills and number of preferred skills, without positions,
  /// for near misses beyond reach (any distance).
  var farLists: [FarLists] = []

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

  /// The vacancy's required skills in their order, as codes (repeats kept).
  func requiredCodes(_ slot: Int) -> ArraySlice<UInt32> {
    let d = details[slot]
    return lists.codes(from: d.listStart, count: Int(d.required))
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
    slots.renumberValues(destinations(order))
    var keyed: [[(entry: VacancyEntry, lat: Double, lon: Double)]] = []
    var byJobType: [[(entry: NearEntry, lat: Double, lon: Double)]] = []
    jobTypeBounds = []
    farLists = []
    for slot in rows.indices {
      let entry = VacancyEntry(slot: slot, row: rows[slot])
      let near = NearEntry(entry, row: rows[slot])
      let key = keyGrid(slot)
      while keyed.count <= key { keyed.append([]) }
      keyed[key].append((entry, geo[slot].lat, geo[slot].lon))
      let jobType = Int(rows[slot].jobType)
      while byJobType.count <= jobType { byJobType.append([]) }
      byJobType[jobType].append((near, geo[slot].lat, geo[slot].lon))
      addFar(near)
    }
    func grids<Entry>(_ groups: [[(entry: Entry, lat: Double, lon: Double)]]) -> [CellGrid<Entry>] {
      groups.map { items in
        var grid = CellGrid<Entry>(cellDegrees: Self.cellDegrees)
        grid.load(items)
        return grid
      }
    }
    keyGrids = grids(keyed)
    jobTypeGrids = grids(byJobType)
  }

  /// Adds the entry to its far list and both its skills bounds.
  private mutating func addFar(_ entry: NearEntry) {
    let jobType = Int(entry.entry.jobType)
    while farLists.count <= jobType {
      farLists.append(FarLists())
      jobTypeBounds.append(GroupBound())
    }
    let slot = Int(entry.slot)
    jobTypeBounds[jobType].add(rows[slot])
    farLists[jobType].append(entry, row: rows[slot], key: farKey(slot))
  }

  /// The vacancy's far list: its required skills and its number of preferred skills.
  func farKey(_ slot: Int) -> FarLists.Key {
    let row = rows[slot]
    return FarLists.Key(
      required: RequiredSkills(low: row.required, high: row.overflow == 0 ? [] : overflows[row.overflow].first),
      preferredCount: row.preferredCount)
  }

  mutating func keepOtherColumns(unflagged gone: [Bool]) {
    keys.keep(unflagged: gone)
  }

  mutating func layOutAnew() {
    layoutPending = true
    finishLayout()
  }

  /// Removes the vacancy with this id; the last slot moves into its place. False if absent.
  mutating func remove(id: String) -> Bool {
    finishLayout()
    guard let slot = slots.removeValue(forKey: ByteKey(id)) else { return false }
    let last = rows.count - 1
    detach(slot)
    release(slot)
    if slot != last {
      let jobType = Int(rows[last].jobType)
      jobTypeGrids[jobType].update(slot: Int32(last), lat: geo[last].lat, lon: geo[last].lon) {
        $0.slot = Int32(slot)
      }
      keyGrids[keyGrid(last)].update(slot: Int32(last), lat: geo[last].lat, lon: geo[last].lon) {
        $0.slot = Int32(slot)
      }
      farLists[jobType].update(slot: Int32(last), to: Int32(slot), key: farKey(last))
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
    let near = NearEntry(entry, row: rows[slot])
    let key = keyGrid(slot)
    while keyGrids.count <= key { keyGrids.append(CellGrid(cellDegrees: Self.cellDegrees)) }
    keyGrids[key].insert(entry, lat: geo[slot].lat, lon: geo[slot].lon)
    let jobType = Int(entry.jobType)
    while jobTypeGrids.count <= jobType { jobTypeGrids.append(CellGrid(cellDegrees: Self.cellDegrees)) }
    jobTypeGrids[jobType].insert(near, lat: geo[slot].lat, lon: geo[slot].lon)
    addFar(near)
  }

  /// Takes the vacancy out of its grids and far list (the skills bounds stay: a bound that
  /// counted it still holds for the rest).
  private mutating func detach(_ slot: Int) {
    let key = keyGrid(slot)
    let jobType = Int(rows[slot].jobType)
    keyGrids[key].remove(slot: Int32(slot), lat: geo[slot].lat, lon: geo[slot].lon)
    jobTypeGrids[jobType].remove(slot: Int32(slot), lat: geo[slot].lat, lon: geo[slot].lon)
    farLists[jobType].remove(slot: Int32(slot), key: farKey(slot))
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

// MARK: - Snapshots

extension VacancyColumns {
  /// The laid-out columns, grids and far lists (`slots` is made again from the ids on reading).
  func write(to writer: inout SnapshotWriter<some SnapshotSink>) {
    precondition(!layoutPending, "lay out the vacancies before a snapshot")
    writeRecords(to: &writer)
    writer.plain(keys)
    writer.grids(keyGrids)
    writer.grids(jobTypeGrids)
    writer.plain(jobTypeBounds)
    writer.items(farLists) { lists, writer in lists.write(to: &writer) }
  }

  init(from reader: SnapshotReader<some SnapshotSource>) throws(SnapshotError) {
    self.init()
    try readRecords(from: reader)
    keys = try reader.array(ContiguousArray<VacancyKeys>.self)
    guard keys.count == ids.count else { throw SnapshotError("vacancy keys of another length") }
    keyGrids = try reader.grids(VacancyEntry.self)
    jobTypeGrids = try reader.grids(NearEntry.self)
    jobTypeBounds = try reader.array([GroupBound].self)
    farLists = try reader.items(bytes: 8) { reader throws(SnapshotError) in try FarLists(from: reader) }
  }
}

extension FarLists {
  func write(to writer: inout SnapshotWriter<some SnapshotSink>) {
    writer.items(lists) { list, writer in list.write(to: &writer) }
  }

  /// The lists as written; their numbers by key are made again.
  init(from reader: SnapshotReader<some SnapshotSource>) throws(SnapshotError) {
    lists = try reader.items(bytes: 64) { reader throws(SnapshotError) in try EntryList(from: reader) }
    for (number, list) in lists.enumerated() {
      let key = Key(required: list.required, preferredCount: list.preferredCount)
      guard numbers.updateValue(number, forKey: key) == nil else { throw SnapshotError("a far list written twice") }
    }
  }
}

extension EntryList {
  func write(to writer: inout SnapshotWriter<some SnapshotSink>) {
    writer.plain(required.low)
    writer.array(required.high)
    writer.scalar(preferredCount)
    writer.plain(entries)
    writer.plain(bound)
    writer.array(masks)
    writer.scalar(words)
  }

  init(from reader: SnapshotReader<some SnapshotSource>) throws(SnapshotError) {
    let low = try reader.scalar(Bits256.self)
    required = RequiredSkills(low: low, high: try reader.array([UInt32].self))
    preferredCount = try reader.scalar(UInt32.self)
    entries = try reader.array(ContiguousArray<FarEntry>.self)
    bound = try reader.scalar(GroupBound.self)
    masks = try reader.array(ContiguousArray<UInt64>.self)
    words = try reader.scalar(Int.self)
    guard (0...Int(Int32.max)).contains(words), masks.count == Self.kinds * words, entries.count <= words * 64 else {
      throw SnapshotError("a far list whose bit sets do not cover its entries")
    }
  }
}

extension VacancyRow: SnapshotPlain {
  static let fieldBytes = FieldBytes(
    Self.self,
    [
      field(\Self.x), field(\Self.y), field(\Self.z), field(\Self.hoursMin), field(\Self.hoursMax),
      field(\Self.minWageValue),
      field(\Self.start), field(\Self.jobType), field(\Self.sector), field(\Self.region), field(\Self.overflow),
      field(\Self.preferredCount),
      field(\Self.workdays), field(\Self.minEducationRank), field(\Self.employerType), field(\Self.banenafspraak),
      field(\Self.required), field(\Self.preferred), field(\Self.offers),
    ])
}

extension EntryTests: SnapshotPlain {
  static let fieldBytes = FieldBytes(
    Self.self,
    [
      field(\Self.offers), field(\Self.start), field(\Self.minWage256), field(\Self.workdays),
      field(\Self.minEducationRank),
      field(\Self.banenafspraak), field(\Self.hoursMin2), field(\Self.hoursMax2),
    ])
}

extension VacancyEntry: SnapshotPlain {
  static let fieldBytes = FieldBytes(
    Self.self,
    [
      fields(\Self.tests), field(\Self.jobType), field(\Self.x), field(\Self.y), field(\Self.z), field(\Self.slot),
      field(\Self.requiredFold),
    ])
}

extension NearEntry: SnapshotPlain {
  static let fieldBytes = FieldBytes(
    Self.self, [fields(\Self.entry), field(\Self.preferredFold), field(\Self.preferredCount)])
}

extension FarEntry: SnapshotPlain {
  static let fieldBytes = FieldBytes(Self.self, [fields(\Self.tests), field(\Self.slot), field(\Self.preferredFold)])
}

extension VacancyKeys: SnapshotPlain {
  static let fieldBytes = FieldBytes(
    Self.self, [field(\Self.region), field(\Self.sector), field(\Self.jobType), field(\Self.employerType)])
}

extension VacancyDetails: SnapshotPlain {
  static let fieldBytes = FieldBytes(
    Self.self,
    [
      fields(\Self.location), field(\Self.listStart), field(\Self.required), field(\Self.preferred),
      field(\Self.offers),
      field(\Self.employerID), field(\Self.employerName), field(\Self.title), field(\Self.positions),
      field(\Self.minEducation),
    ])
}

extension GroupBound: SnapshotPlain {
  static let fieldBytes = FieldBytes(
    Self.self, [fields(\Self.codes), field(\Self.hasHigh), field(\Self.fewest), field(\Self.leastMax2)])
}
