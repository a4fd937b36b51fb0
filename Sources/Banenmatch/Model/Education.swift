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
