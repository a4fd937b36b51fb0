import Banenmatch

/// A code of the vocabulary with its Dutch label and an English gloss.
///
///     Term("post-sorteren", "Post sorteren", "sorting mail")
public struct Term: Hashable, Sendable {
  /// Kebab-case Dutch, 1–64 bytes: what records carry.
  public let code: String
  /// Dutch, as a job coach writes it.
  public let label: String
  /// English, for readers without Dutch.
  public let gloss: String

  public init(_ code: String, _ label: String, _ gloss: String) {
    self.code = code
    self.label = label
    self.gloss = gloss
  }
}

/// A kind of job created for the target group, as a bundle of tasks (*jobcarving*): the
/// tasks a vacancy may require, those it may prefer, its usual hours and accommodations.
public struct JobType: Sendable {
  public let term: Term
  /// The sector of a market employer offering this job; school boards use `onderwijs` and
  /// government employers `overheid`.
  public let sector: String
  /// Typical hours per week (DOMAIN.md section 3).
  public let hours: ClosedRange<Double>
  /// Tasks a vacancy may require: the heart of the job.
  public let coreSkills: [String]
  /// Tasks a vacancy may prefer.
  public let otherSkills: [String]
  /// Accommodations that come with this kind of work more often than elsewhere.
  public let typicalOffers: [String]
  /// Whether employers ask for an mbo 1–2 diploma more often (administration, ICT, classroom).
  public let asksDiploma: Bool

  public var code: String { term.code }
  public var skills: [String] { coreSkills + otherSkills }
}

/// An accommodation, expressed functionally (what the workplace offers), never as a diagnosis.
public struct Accommodation: Sendable {
  public let term: Term
  /// How often seekers who need accommodations name this one, relative to the others.
  public let needWeight: Int
  /// How often an employer offers it, per thousand vacancies, before the job type's bonus.
  public let offerPerMille: Int
}

/// The vocabulary: the single source of truth for the generator and `samples/vocabulary.json`.
public enum Catalog {
  public static let education: [Term] = [
    Term("none", "Geen diploma", "no qualification"),
    Term("vso", "Voortgezet speciaal onderwijs", "special secondary education"),
    Term("pro", "Praktijkonderwijs", "practical secondary education"),
    Term("mbo1", "Mbo niveau 1 (Entree)", "vocational level 1 (entry)"),
    Term("mbo2", "Mbo niveau 2", "vocational level 2"),
    Term("mbo3", "Mbo niveau 3", "vocational level 3"),
    Term("mbo4", "Mbo niveau 4", "vocational level 4"),
    Term("hbo", "Hbo", "higher professional education"),
    Term("wo", "Wo", "university"),
  ]

  public static let employerTypes: [Term] = [
    Term("schoolbestuur-po", "Schoolbestuur primair onderwijs", "primary-education school board"),
    Term("schoolbestuur-vo", "Schoolbestuur voortgezet onderwijs", "secondary-education school board"),
    Term("markt", "Marktsector", "market-sector employer"),
    Term("overheid", "Overheid", "government employer"),
  ]

  public static let sectors: [Term] = [
    Term("onderwijs", "Onderwijs", "education"),
    Term("overheid", "Overheid", "government"),
    Term("logistiek", "Logistiek", "logistics"),
    Term("industrie", "Industrie", "manufacturing"),
    Term("horeca", "Horeca", "hospitality"),
    Term("detailhandel", "Detailhandel", "retail"),
    Term("groen", "Groen", "landscaping and green spaces"),
    Term("zorg", "Zorg", "care"),
    Term("schoonmaak", "Schoonmaak", "cleaning services"),
    Term("facilitaire-dienstverlening", "Facilitaire dienstverlening", "facility services"),
    Term("zakelijke-dienstverlening", "Zakelijke dienstverlening", "business services"),
    Term("ict", "ICT", "information technology"),
    Term("kinderopvang", "Kinderopvang", "childcare"),
    Term("recreatie", "Recreatie en dierenparken", "leisure and animal parks"),
    Term("afval-en-recycling", "Afval en recycling", "waste and recycling"),
    Term("techniek", "Techniek en reparatie", "technical trades and repair"),
  ]

  /// The job type with this code.
  public static func jobType(_ code: String) -> JobType? { jobTypes.first { $0.code == code } }

  /// The index of every job type in `jobTypes`, for the generator's tables.
  static func jobTypeIndex(_ code: String) -> Int {
    guard let index = jobTypes.firstIndex(where: { $0.code == code }) else {
      preconditionFailure("unknown job type \(code) in the catalog")
    }
    return index
  }

  /// The index of an accommodation in `accommodations`.
  static func accommodationIndex(_ code: String) -> Int {
    guard let index = accommodations.firstIndex(where: { $0.term.code == code }) else {
      preconditionFailure("unknown accommodation \(code) in the catalog")
    }
    return index
  }

  /// The sector code a vacancy of `jobType` gets from an employer of `type`.
  static func sector(of jobType: JobType, employer type: EmployerType) -> String {
    switch type {
    case .schoolbestuurPO, .schoolbestuurVO: "onderwijs"
    case .overheid: "overheid"
    case .markt: jobType.sector
    }
  }
}
