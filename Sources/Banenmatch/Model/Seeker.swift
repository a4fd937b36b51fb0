/// A job seeker (*kandidaat*) of the doelgroep banenafspraak, SPEC section 2.
///
/// Only pseudonymous ids and functional codes: no names, no free text about a person.
/// `nil` means unknown (education, wage value) or "now" (availability).
public struct Seeker: Hashable, Sendable {
  public var id: String
  public var region: String?
  public var location: GeoPoint
  /// How far the seeker can travel, in km: 0 < maxTravelKm ≤ 250.
  public var maxTravelKm: Double
  public var hours: HourRange
  /// Days the seeker can work; all seven by default.
  public var workdays: Workdays
  /// nil: available now.
  public var availableFrom: Day?
  /// nil: unknown, which never fails a constraint.
  public var education: Education?
  public var skills: [String]
  /// Job types the seeker has worked in.
  public var experience: [String]
  /// Accommodations the seeker needs (functional, never a diagnosis).
  public var needs: [String]
  public var preferences: Preferences?
  /// *Loonwaarde* in percent, 0–100; nil: unknown, which never fails a constraint.
  public var wageValue: Double?
  /// In the *doelgroepregister*.
  public var registered: Bool

  public struct Preferences: Hashable, Sendable {
    public var jobTypes: [String]
    public var sectors: [String]
    public init(jobTypes: [String] = [], sectors: [String] = []) {
      self.jobTypes = jobTypes
      self.sectors = sectors
    }
    /// Both lists empty counts as "no preferences stated".
    public var isEmpty: Bool { jobTypes.isEmpty && sectors.isEmpty }
  }

  public init(
    id: String, region: String? = nil, location: GeoPoint, maxTravelKm: Double, hours: HourRange,
    workdays: Workdays = .all, availableFrom: Day? = nil, education: Education? = nil,
    skills: [String] = [], experience: [String] = [], needs: [String] = [],
    preferences: Preferences? = nil, wageValue: Double? = nil, registered: Bool = true
  ) {
    self.id = id
    self.region = region
    self.location = location
    self.maxTravelKm = maxTravelKm
    self.hours = hours
    self.workdays = workdays
    self.availableFrom = availableFrom
    self.education = education
    self.skills = skills
    self.experience = experience
    self.needs = needs
    self.preferences = preferences
    self.wageValue = wageValue
    self.registered = registered
  }
}
