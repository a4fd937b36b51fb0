public import Banenmatch

/// Makes one synthetic seeker from a random source (Figures.swift gives the shares).
///
///     let generator = SeekerGenerator(today: Day(iso: "2026-12-01")!, count: 300_000)
///     var random = RandomSource(seed: 42)
///     let seeker = generator.seeker(number: 1, random: &random)  // S-000001
///
/// A seeker is oriented to one to three job types: the tasks, experience and preferences come
/// from those, so that skills cluster the way they do in real profiles.
public struct SeekerGenerator: Sendable {
  /// The reference date: availability is spread around it.
  public let today: Day
  let width: Int

  public init(today: Day, count: Int) {
    self.today = today
    self.width = idWidth(count)
  }

  /// The seeker with this 1-based number.
  public func seeker(number: Int, random: inout RandomSource) -> Seeker {
    let (place, point) = random.location()
    let orientation = jobs(&random)

    var skills: [String] = []
    var experience: [String] = []
    for job in orientation {
      appendNew(job.coreSkills.filter { _ in random.chance(perMille: Figures.coreSkillPerMille) }, to: &skills)
      appendNew(job.otherSkills.filter { _ in random.chance(perMille: Figures.otherSkillPerMille) }, to: &skills)
      if random.chance(perMille: Figures.experiencePerMille) { experience.append(job.code) }
    }
    if random.chance(perMille: 250) {  // a task learnt elsewhere
      appendNew([random.pick(Catalog.skills).code], to: &skills)
    }

    return Seeker(
      id: identifier("S-", number, width: width), region: Region.all[place.regionIndex].code, location: point,
      maxTravelKm: Figures.travelKm[Tables.travelKm.pick(&random)].km, hours: hours(&random),
      workdays: workdays(&random), availableFrom: availableFrom(&random), education: education(&random),
      skills: skills, experience: experience, needs: needs(&random),
      preferences: preferences(orientation, &random), wageValue: wageValue(&random),
      registered: !random.chance(perMille: Figures.unregisteredPerMille))
  }

  /// One to three distinct job types, weighted like the vacancies.
  private func jobs(_ random: inout RandomSource) -> [JobType] {
    let count = Tables.orientations.pick(&random) + 1
    var indices: [Int] = []
    while indices.count < count {
      let index = Tables.seekerJobs.pick(&random)
      if !indices.contains(index) { indices.append(index) }
    }
    return indices.map { Catalog.jobTypes[$0] }
  }

  /// The maximum from Figures.maxHours in half hours; the minimum 0 or between a quarter of
  /// the maximum and the maximum.
  private func hours(_ random: inout RandomSource) -> HourRange {
    let bucket = Figures.maxHours[Tables.maxHours.pick(&random)]
    let maxHalves = random.int(in: Int(bucket.lower * 2)...Int(bucket.upper * 2))
    let minHalves =
      random.chance(perMille: Figures.noMinimumHoursPerMille) ? 0 : maxHalves - random.below(maxHalves * 3 / 4 + 1)
    return HourRange(min: Double(minHalves) / 2, max: Double(maxHalves) / 2)
  }

  private func workdays(_ random: inout RandomSource) -> Workdays {
    switch Tables.workdayPatterns.pick(&random) {
    case 0: .all  // not recorded: all seven
    case 1: [.mon, .tue, .wed, .thu, .fri]
    case 2: random.days(4, of: weekdays)
    case 3: random.days(3, of: weekdays)
    default: [.mon, .tue, .wed, .thu, .fri, .sat]
    }
  }

  private func availableFrom(_ random: inout RandomSource) -> Day? {
    switch Tables.availability.pick(&random) {
    case 0: nil
    case 1: today.adding(days: -random.int(in: 1...365))
    case 2: today.adding(days: random.int(in: 1...60))
    case 3: today.adding(days: random.int(in: 61...150))
    default: today.adding(days: random.int(in: 151...270))
    }
  }

  private func education(_ random: inout RandomSource) -> Education? {
    if random.chance(perMille: Figures.educationUnknownPerMille) { return nil }
    return Tables.education.levels[Tables.education.table.pick(&random)]
  }

  /// Distinct needs, the common ones (job coach, fixed structure) most often.
  private func needs(_ random: inout RandomSource) -> [String] {
    let count = Tables.needCount.pick(&random)
    var indices: [Int] = []
    while indices.count < count {
      let index = Tables.needs.pick(&random)
      if !indices.contains(index) { indices.append(index) }
    }
    return indices.map { Catalog.accommodations[$0].term.code }
  }

  /// None (25%), else some of the oriented job types and perhaps their sector.
  private func preferences(_ orientation: [JobType], _ random: inout RandomSource) -> Seeker.Preferences? {
    if random.chance(perMille: Figures.noPreferencesPerMille) { return nil }
    var jobTypes = orientation.filter { _ in random.chance(perMille: 700) }.map(\.code)
    var sectors: [String] = []
    if random.chance(perMille: 350) { sectors.append(orientation[0].sector) }
    if random.chance(perMille: 100) { appendNew([random.pick(Catalog.sectors).code], to: &sectors) }
    if jobTypes.isEmpty && sectors.isEmpty { jobTypes = [orientation[0].code] }
    return Seeker.Preferences(jobTypes: jobTypes, sectors: sectors)
  }

  /// Unknown (55%), else 30–95 in steps of 5, most often around 60–65.
  private func wageValue(_ random: inout RandomSource) -> Double? {
    if random.chance(perMille: Figures.wageValueUnknownPerMille) { return nil }
    return Double(30 + 5 * (random.below(8) + random.below(7)))
  }
}
