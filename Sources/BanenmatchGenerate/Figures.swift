public import Banenmatch

/// The figures that make the synthetic data realistic, in one place, each with its source or
/// the assumption behind it (samples/README.md repeats them with links). Shares are per mille.
///
/// [S] sourced, [R] our assumption; DOMAIN.md gathers the sources.
public enum Figures {
  // MARK: Vacancies

  /// Employer types of vacancies: market 80%, government 20% including education, as the
  /// banenafspraak's 100,000 market and 25,000 government jobs [S]; within government, half at
  /// school boards, the top of the 3–10% DOMAIN.md suggests [R], split PO:VO 6:4 after ~1,000
  /// PO and ~300 VO boards [S].
  public static let employerTypes: [(type: EmployerType, perMille: Int)] = [
    (.markt, 800), (.overheid, 100), (.schoolbestuurPO, 60), (.schoolbestuurVO, 40),
  ]

  /// Job types per employer type, relative weights [R], after the practice examples of
  /// PO-Raad, VO-raad and AWVN (DOMAIN.md section 3).
  static func jobMix(_ type: EmployerType) -> [(code: String, weight: Int)] {
    switch type {
    case .schoolbestuurPO:
      [
        ("concierge-assistent", 20), ("klassenassistent", 16), ("schoolassistent", 14),
        ("onderwijsassistent-ondersteuning", 14), ("overblijf", 8), ("schoonmaak", 8), ("administratie", 6),
        ("ict-ondersteuning", 5), ("facilitair", 4), ("groen-onderhoud", 3), ("sportassistent", 2),
      ]
    case .schoolbestuurVO:
      [
        ("concierge-assistent", 18), ("kantine", 14), ("onderwijsassistent-ondersteuning", 10),
        ("ict-ondersteuning", 9), ("administratie", 9), ("mediatheek", 8), ("schoonmaak", 8), ("leermiddelen", 7),
        ("praktijkinstructie", 6), ("facilitair", 5), ("sportassistent", 4), ("klassenassistent", 4),
        ("groen-onderhoud", 3),
      ]
    case .overheid:
      [
        ("administratie", 16), ("post-en-archief", 15), ("digitalisering", 14), ("facilitair", 12),
        ("groen-onderhoud", 12), ("schoonmaak", 8), ("receptie", 8), ("recycling", 8), ("interne-logistiek", 5),
        ("ict-ondersteuning", 4), ("horeca", 3), ("software-testen", 3),
      ]
    case .markt:
      [
        ("magazijn", 16), ("productie", 16), ("detailhandel", 12), ("schoonmaak", 10), ("horeca", 8),
        ("bediening", 6), ("zorg-ondersteuning", 8), ("linnenkamer", 5), ("groen-onderhoud", 5),
        ("recycling", 4), ("kinderopvang", 4), ("facilitair", 4), ("administratie", 4), ("interne-logistiek", 3),
        ("fietsenwerkplaats", 3), ("receptie", 3), ("dierverzorging", 2), ("software-testen", 2),
        ("digitalisering", 2), ("post-en-archief", 2),
      ]
    }
  }

  /// Vacancies without a start date (start now) [R].
  static let startNowPerMille = 200
  /// A dated start lies this many days after the reference date [R].
  static let startDays = 0...150
  /// School vacancies that start with the next school year (the Monday after 23 August) [R].
  static let schoolYearStartPerMille = 200
  /// Vacancies open to everyone, not reserved for the doelgroep (`banenafspraak: false`) [R].
  public static let openToAllPerMille = 120
  /// Positions per vacancy: 1 (78%), 2, 3, 4, 5, 6–10 [R]; VO-raad reports one school that
  /// placed 30 cleaners at once, so large counts exist but are rare [S].
  static let positions: [(count: ClosedRange<Int>, perMille: Int)] = [
    (1...1, 780), (2...2, 130), (3...3, 50), (4...4, 20), (5...5, 10), (6...10, 10),
  ]
  /// Required tasks per vacancy: 0–3 of the job's core tasks [R].
  static let requiredCount: [Int] = [150, 450, 300, 100]
  /// Vacancies that set a minimum *loonwaarde* (30–60%) [R]; loonkostensubsidie covers down
  /// to 30% of the minimum wage [S].
  static let minWageValuePerMille = 220
  /// Minimum education, for ordinary jobs and for those that ask a diploma more often [R].
  static let minEducation: [(Education, Int)] = [(.none, 800), (.pro, 100), (.vso, 20), (.mbo1, 70), (.mbo2, 10)]
  static let minEducationDiploma: [(Education, Int)] = [
    (.none, 450), (.pro, 100), (.mbo1, 250), (.mbo2, 170), (.mbo3, 30),
  ]
  /// Bonus per mille for an accommodation typical of the job type, on top of its base rate.
  static let typicalOfferBonus = 350

  // MARK: Seekers

  /// Seekers without an education level: the UWV Kandidatenverkenner lacked it for 42% of
  /// its profiles [S]; we use 40%.
  public static let educationUnknownPerMille = 400
  /// Known education levels: the register's school-leavers come from VSO and praktijkonderwijs
  /// (and entree) [S]; the split is ours [R].
  static let education: [(Education, Int)] = [
    (.none, 70), (.vso, 240), (.pro, 280), (.mbo1, 220), (.mbo2, 130), (.mbo3, 50), (.mbo4, 10),
  ]
  /// Seekers whose *loonwaarde* is unknown: it is only measured for loonkostensubsidie or
  /// loondispensatie [S]; the share is ours [R].
  public static let wageValueUnknownPerMille = 550
  /// Seekers not (yet) in the doelgroepregister: school-leavers and praktijkroute candidates
  /// whose application is pending [R].
  public static let unregisteredPerMille = 60
  /// Maximum hours per week, in buckets (lower, upper, per mille), after DOMAIN.md's mix
  /// 12–16 h 25%, 17–24 h 35%, 25–32 h 30%, 33–38 h 10% [R], with one counted job (25.5 h) as a
  /// bucket of its own [S] and short TSO-like jobs below 12 h.
  static let maxHours: [(lower: Double, upper: Double, perMille: Int)] = [
    (6, 11.5, 50), (12, 16, 240), (16.5, 25, 330), (25.5, 25.5, 60), (26, 32, 220), (32.5, 38, 100),
  ]
  /// Seekers whose minimum is 0 (any number of hours up to the maximum) [R].
  static let noMinimumHoursPerMille = 200
  /// Travel distance in km the seeker accepts [R]; many travel by bicycle or public transport,
  /// and *zelfstandig reizen* is a field of UWV's Kandidatenverkenner [S].
  static let travelKm: [(km: Double, perMille: Int)] = [
    (5, 80), (8, 90), (10, 180), (12, 80), (15, 180), (20, 160), (25, 100), (30, 80), (40, 40), (50, 10),
  ]
  /// Workday patterns (no days listed = all seven; Mon–Fri; four, three weekdays; Mon–Sat) [R].
  static let workdayPatterns: [Int] = [200, 400, 200, 100, 100]
  /// Availability: no date (now), a date in the past, or a date ahead within 60, 150, 270
  /// days [R].
  static let availability: [Int] = [300, 150, 280, 190, 80]
  /// How many job types a seeker is oriented to: 1, 2 or 3 [R].
  static let orientations: [Int] = [350, 450, 200]
  /// Chance per mille that a seeker oriented to a job can do one of its core tasks, and one
  /// of its other tasks [R].
  static let coreSkillPerMille = 650
  static let otherSkillPerMille = 350
  /// Chance of having worked in an oriented job type (experience) [R].
  static let experiencePerMille = 450
  /// Number of accommodation needs: 0–4 (DOMAIN.md: "candidates 0–4 needs") [R].
  static let needCount: [Int] = [250, 330, 250, 120, 50]
  /// Seekers who state no preferences [R]; the KVB lacked a sector for ~60,000 profiles [S].
  static let noPreferencesPerMille = 250
}
