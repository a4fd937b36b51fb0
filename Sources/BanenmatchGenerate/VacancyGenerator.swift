public import Banenmatch

/// Makes one synthetic vacancy from a random source (Figures.swift gives the shares).
///
///     let generator = VacancyGenerator(today: Day(iso: "2026-12-01")!, count: 60_000)
///     var random = RandomSource(seed: 42)
///     let vacancy = generator.vacancy(number: 1, random: &random)  // V-000001
public struct VacancyGenerator: Sendable {
  /// The reference date: start dates lie on or after it.
  public let today: Day
  /// Digits in an id, from the number of vacancies made.
  let width: Int

  public init(today: Day, count: Int) {
    self.today = today
    self.width = idWidth(count)
  }

  /// The vacancy with this 1-based number.
  public func vacancy(number: Int, random: inout RandomSource) -> Vacancy {
    let type = Figures.employerTypes[Tables.employerType.pick(&random)].type
    let mix = Tables.jobMix[Tables.employerTypeIndex(type)]
    let job = Catalog.jobTypes[mix.jobIndices[mix.table.pick(&random)]]
    let (place, point) = random.location()
    let sector = Catalog.sector(of: job, employer: type)
    let employer = Employers.employer(type: type, sector: sector, place: place, random: &random)
    let isSchool = type == .schoolbestuurPO || type == .schoolbestuurVO

    let required = random.some(Tables.requiredCount.pick(&random), of: job.coreSkills)
    let preferred = random.some(random.int(in: 2...min(6, job.otherSkills.count)), of: job.otherSkills)
    let educationTable = job.asksDiploma ? Tables.minEducationDiploma : Tables.minEducation
    let minEducation = educationTable.levels[educationTable.table.pick(&random)]

    return Vacancy(
      id: identifier("V-", number, width: width), employer: employer, title: job.term.label, jobType: job.code,
      sector: sector, region: Region.all[place.regionIndex].code, location: point,
      hours: hours(job, &random), workdays: workdays(job, isSchool: isSchool, &random),
      startDate: startDate(isSchool: isSchool, &random), positions: positions(&random),
      requiredSkills: required, preferredSkills: preferred, minEducation: minEducation,
      offers: offers(job, &random), minWageValue: minWageValue(&random),
      banenafspraak: !random.chance(perMille: Figures.openToAllPerMille))
  }

  /// Whole hours within the job's typical range, sometimes exactly 25.5 (one counted job);
  /// the minimum 0–16 hours below the maximum.
  private func hours(_ job: JobType, _ random: inout RandomSource) -> HourRange {
    var max = Double(random.int(in: Int(job.hours.lowerBound)...Int(job.hours.upperBound)))
    if job.hours.contains(25.5) && random.chance(perMille: 100) { max = 25.5 }
    let below = Double(random.pick([0, 4, 8, 8, 12, 16]))
    return HourRange(min: Swift.max(0, max - below), max: max)
  }

  /// No days listed (35–40%), else 2–5 weekdays; jobs in shops, hospitality, care and animal
  /// care may include the weekend.
  private func workdays(_ job: JobType, isSchool: Bool, _ random: inout RandomSource) -> Workdays {
    if random.chance(perMille: isSchool ? 350 : 400) { return [] }
    if Tables.weekendJobs.contains(job.code) { return random.days(random.int(in: 2...4), of: allDays) }
    return random.days(random.int(in: 2...5), of: weekdays)
  }

  /// Now (20%), else within 150 days; school jobs start on a Monday, some with the next
  /// school year.
  private func startDate(isSchool: Bool, _ random: inout RandomSource) -> Day? {
    if random.chance(perMille: Figures.startNowPerMille) { return nil }
    if isSchool && random.chance(perMille: Figures.schoolYearStartPerMille) { return schoolYearStart }
    let day = today.adding(days: random.int(in: Figures.startDays))
    return isSchool ? mondayOnOrAfter(day) : day
  }

  /// The first Monday after 23 August on or after the reference date: the next school year.
  private var schoolYearStart: Day {
    let year = today.components.year
    let thisYear = mondayOnOrAfter(Day(year: year, month: 8, day: 24)!)
    return thisYear >= today ? thisYear : mondayOnOrAfter(Day(year: year + 1, month: 8, day: 24)!)
  }

  private func positions(_ random: inout RandomSource) -> Int {
    random.int(in: Figures.positions[Tables.positions.pick(&random)].count)
  }

  /// Each accommodation independently, at its base rate plus a bonus when typical of the job.
  private func offers(_ job: JobType, _ random: inout RandomSource) -> [String] {
    var offers: [String] = []
    for accommodation in Catalog.accommodations {
      let typical = job.typicalOffers.contains(accommodation.term.code)
      let rate = min(950, accommodation.offerPerMille + (typical ? Figures.typicalOfferBonus : 0))
      if random.chance(perMille: rate) { offers.append(accommodation.term.code) }
    }
    return offers
  }

  private func minWageValue(_ random: inout RandomSource) -> Double? {
    guard random.chance(perMille: Figures.minWageValuePerMille) else { return nil }
    return Double(30 + 5 * random.below(7))
  }
}

/// Weight tables built once from Figures.swift.
enum Tables {
  static let employerType = WeightTable(Figures.employerTypes.map(\.perMille))
  static func employerTypeIndex(_ type: EmployerType) -> Int {
    Figures.employerTypes.firstIndex { $0.type == type }!
  }
  static let jobMix: [(jobIndices: [Int], table: WeightTable)] = Figures.employerTypes.map { entry in
    let mix = Figures.jobMix(entry.type)
    return (mix.map { Catalog.jobTypeIndex($0.code) }, WeightTable(mix.map(\.weight)))
  }
  static let requiredCount = WeightTable(Figures.requiredCount)
  static let positions = WeightTable(Figures.positions.map(\.perMille))
  static let minEducation = (levels: Figures.minEducation.map(\.0), table: WeightTable(Figures.minEducation.map(\.1)))
  static let minEducationDiploma = (
    levels: Figures.minEducationDiploma.map(\.0), table: WeightTable(Figures.minEducationDiploma.map(\.1))
  )
  static let weekendJobs = ["detailhandel", "bediening", "horeca", "zorg-ondersteuning", "dierverzorging", "recycling"]

  // Seekers
  static let education = (levels: Figures.education.map(\.0), table: WeightTable(Figures.education.map(\.1)))
  static let maxHours = WeightTable(Figures.maxHours.map(\.perMille))
  static let travelKm = WeightTable(Figures.travelKm.map(\.perMille))
  static let workdayPatterns = WeightTable(Figures.workdayPatterns)
  static let availability = WeightTable(Figures.availability)
  static let orientations = WeightTable(Figures.orientations)
  static let needCount = WeightTable(Figures.needCount)
  static let needs = WeightTable(Catalog.accommodations.map(\.needWeight))
  /// Job types seekers orient to: in proportion to the vacancies' mix, plus a floor so that
  /// every job type has seekers.
  static let seekerJobs: WeightTable = {
    var weights = [Int](repeating: 5, count: Catalog.jobTypes.count)
    for (typeIndex, entry) in Figures.employerTypes.enumerated() {
      let mix = Figures.jobMix(entry.type)
      let total = mix.reduce(0) { $0 + $1.weight }
      for (k, job) in jobMix[typeIndex].jobIndices.enumerated() {
        weights[job] += entry.perMille * mix[k].weight * 10 / total
      }
    }
    return WeightTable(weights)
  }()
}
