/// The six scored features of SPEC section 3, in the order their terms are summed.
public enum Feature: String, CaseIterable, Sendable, Hashable {
  case skills, distance, hours, preference, experience, start
}

/// The hard constraints of SPEC section 3. A pair is feasible when none fails.
public enum Constraint: String, CaseIterable, Sendable, Hashable {
  case eligibility, distance, hours, workdays, requiredSkills, accommodations, education, start, wageValue

  /// The seven constraints a near miss may fail (SPEC section 3); `eligibility` and
  /// `wageValue` are never waived.
  public static let waivable: [Constraint] = [
    .distance, .hours, .workdays, .requiredSkills, .accommodations, .education, .start,
  ]

  /// One bit per constraint, for the failure mask of a pair (a constant: this is on the hot path).
  @usableFromInline var bit: UInt16 {
    switch self {
    case .eligibility: 1 << 0
    case .distance: 1 << 1
    case .hours: 1 << 2
    case .workdays: 1 << 3
    case .requiredSkills: 1 << 4
    case .accommodations: 1 << 5
    case .education: 1 << 6
    case .start: 1 << 7
    case .wageValue: 1 << 8
    }
  }
}

/// Feature weights wᵢ: each ≥ 0 and finite, not all zero (SPEC section 3).
public struct Weights: Hashable, Sendable {
  public var skills: Double
  public var distance: Double
  public var hours: Double
  public var preference: Double
  public var experience: Double
  public var start: Double

  /// 0.40, 0.20, 0.15, 0.10, 0.10, 0.05.
  public static let `default` = Weights(
    skills: 0.40, distance: 0.20, hours: 0.15, preference: 0.10, experience: 0.10, start: 0.05)

  public init(
    skills: Double, distance: Double, hours: Double, preference: Double, experience: Double,
    start: Double
  ) {
    self.skills = skills
    self.distance = distance
    self.hours = hours
    self.preference = preference
    self.experience = experience
    self.start = start
  }

  /// The defaults with the named weights replaced; errors name `weights.<name>`.
  ///
  ///     let w = try Weights(overriding: [("skills", 1), ("distance", 0)])
  public init(overriding named: [(name: String, value: Double)]) throws(ValidationError) {
    self = .default
    var errors: [FieldError] = []
    for (name, value) in named {
      guard let feature = Feature(rawValue: name) else {
        let known = Feature.allCases.map(\.rawValue).joined(separator: ", ")
        errors.append(FieldError(path: "weights.\(name)", message: "is not a feature; known: \(known)"))
        continue
      }
      self[feature] = value
    }
    errors += validationErrors()
    if !errors.isEmpty { throw ValidationError(errors) }
  }

  public subscript(feature: Feature) -> Double {
    get {
      switch feature {
      case .skills: skills
      case .distance: distance
      case .hours: hours
      case .preference: preference
      case .experience: experience
      case .start: start
      }
    }
    set {
      switch feature {
      case .skills: skills = newValue
      case .distance: distance = newValue
      case .hours: hours = newValue
      case .preference: preference = newValue
      case .experience: experience = newValue
      case .start: start = newValue
      }
    }
  }

  /// Σ wᵢ.
  public var total: Double { skills + distance + hours + preference + experience + start }

  public func validationErrors() -> [FieldError] {
    var errors: [FieldError] = []
    for feature in Feature.allCases where !(self[feature].isFinite && self[feature] >= 0) {
      errors.append(
        FieldError(path: "weights.\(feature.rawValue)", message: "must be a finite number ≥ 0, got \(self[feature])"))
    }
    if errors.isEmpty && !(total > 0) {
      errors.append(FieldError(path: "weights", message: "must not all be zero"))
    }
    if errors.isEmpty && !total.isFinite {
      errors.append(FieldError(path: "weights", message: "must have a finite sum"))
    }
    return errors
  }
}
