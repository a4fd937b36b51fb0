/// An education level on the ordered scale of SPEC section 2:
/// `none` < `vso` = `pro` < `mbo1` < `mbo2` < `mbo3` < `mbo4` < `hbo` < `wo`.
public enum Education: String, CaseIterable, Sendable, Hashable {
  case none, vso, pro, mbo1, mbo2, mbo3, mbo4, hbo, wo

  /// Position on the scale; `vso` and `pro` share a rank.
  public var rank: Int {
    switch self {
    case .none: 0
    case .vso, .pro: 1
    case .mbo1: 2
    case .mbo2: 3
    case .mbo3: 4
    case .mbo4: 5
    case .hbo: 6
    case .wo: 7
    }
  }
}

extension Education {
  /// Its position in `allCases`, for compact storage.
  var code: UInt8 {
    switch self {
    case .none: 0
    case .vso: 1
    case .pro: 2
    case .mbo1: 3
    case .mbo2: 4
    case .mbo3: 5
    case .mbo4: 6
    case .hbo: 7
    case .wo: 8
    }
  }

  /// The `code` of an unknown level.
  static let unknownCode: UInt8 = 0xFF

  /// The level with this `code`; nil for `unknownCode`.
  init?(code: UInt8) {
    guard Int(code) < Education.allCases.count else { return nil }
    self = Education.allCases[Int(code)]
  }
}
