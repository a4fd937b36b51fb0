/// Rounding for display that keeps the sum: points rounded to `decimals` places that add up
/// exactly to the score rounded to `decimals` places (largest remainder method). Each shown
/// point is within one unit of the last place of its exact value.
///
///     let shown = Rounding.apportion([33.33333, 33.33333, 33.33334], total: 100, decimals: 2)
///     // [33.33, 33.33, 33.34]
public enum Rounding {
  /// `value` rounded half away from zero to `decimals` places.
  public static func round(_ value: Double, decimals: Int) -> Double {
    let scale = powerOfTen(decimals)
    return (value * scale).rounded() / scale
  }

  public static func apportion(_ parts: [Double], total: Double, decimals: Int) -> [Double] {
    let scale = powerOfTen(decimals)
    let target = Int((total * scale).rounded())
    var units = parts.map { Int(($0 * scale).rounded(.down)) }
    let remainders = parts.enumerated().map { ($0.element * scale - Double(units[$0.offset]), $0.offset) }
    var deficit = target - units.reduce(0, +)
    // Largest remainders first (ties in feature order) receive the missing units; a surplus,
    // possible only through floating-point rounding, comes off the smallest non-zero parts.
    let byRemainder = remainders.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
    var index = 0
    while deficit > 0 && !byRemainder.isEmpty {
      units[byRemainder[index % byRemainder.count].1] += 1
      deficit -= 1
      index += 1
    }
    index = byRemainder.count - 1
    while deficit < 0 && index >= 0 {
      let part = byRemainder[index].1
      if units[part] > 0 {
        units[part] -= 1
        deficit += 1
      } else {
        index -= 1
      }
    }
    return units.map { Double($0) / scale }
  }

  private static func powerOfTen(_ decimals: Int) -> Double {
    var scale = 1.0
    for _ in 0..<max(0, decimals) { scale *= 10 }
    return scale
  }
}

extension Explanation {
  /// The points rounded to `decimals` places so that they add up to `score` rounded alike.
  public func roundedPoints(score: Double, decimals: Int) -> [Double] {
    Rounding.apportion(contributions.map(\.points), total: score, decimals: decimals)
  }
}
