/// A vacancy (*vacature*) of a school board or another employer, SPEC section 2.
public struct Vacancy: Hashable, Sendable {
  public var id: String
  public var employer: Employer
  public var title: String?
  public var jobType: String
  public var sector: String?
  public var region: String?
  public var location: GeoPoint
  public var hours: HourRange
  /// Days the job requires; none by default.
  public var workdays: Workdays
  /// nil: starts now.
  public var startDate: Day?
  public var positions: Int
  public var requiredSkills: [String]
  public var preferredSkills: [String]
  public var minEducation: Education
  public var offers: [String]
  public var minWageValue: Double?
  /// Reserved for the target group: only registered seekers are eligible.
  public var banenafspraak: Bool

  public struct Employer: Hashable, Sendable {
    public var id: String
    public var name: String?
    public var type: EmployerType
    public init(id: String, name: String? = nil, type: EmployerType) {
      self.id = id
      self.name = name
      self.type = type
    }
  }

  public init(
    id: String, employer: Employer, title: String? = nil, jobType: String, sector: String? = nil,
    region: String? = nil, location: GeoPoint, hours: HourRange, workdays: Workdays = [],
    startDate: Day? = nil, positions: Int = 1, requiredSkills: [String] = [],
    preferredSkills: [String] = [], minEducation: Education = .none, offers: [String] = [],
    minWageValue: Double? = nil, banenafspraak: Bool = true
  ) {
    self.id = id
    self.employer = employer
    self.title = title
    self.jobType = jobType
    self.sector = sector
    self.region = region
    self.location = location
    self.hours = hours
    self.workdays = workdays
    self.startDate = startDate
    self.positions = positions
    self.requiredSkills = requiredSkills
    self.preferredSkills = preferredSkills
    self.minEducation = minEducation
    self.offers = offers
    self.minWageValue = minWageValue
    self.banenafspraak = banenafspraak
  }
}

/// The kind of employer: school boards of primary and secondary education, market, government.
public enum EmployerType: String, CaseIterable, Sendable, Hashable {
  case schoolbestuurPO = "schoolbestuur-po"
  case schoolbestuurVO = "schoolbestuur-vo"
  case markt
  case overheid
}
