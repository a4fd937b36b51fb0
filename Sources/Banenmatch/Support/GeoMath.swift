// The core imports no C library, so the few elementary functions the distance needs are
// written here: sine and cosine by quadrant reduction and Taylor polynomials on [-π/4, π/4],
// arcsine by its series (with the half-angle identity above 0.5). All stay within a few ulps
// of glibc's for the arguments a haversine produces; the tests compare them with glibc.

/// Great-circle distance, as SPEC section 3 defines it: haversine with R = 6371.0 km.
@usableFromInline
enum GeoMath {
  @usableFromInline static let earthRadiusKm = 6371.0
  @usableFromInline static let degreesToRadians = Double.pi / 180

  // π/2 split in two so that k·(π/2) is subtracted without rounding for small k.
  private static let halfPiHigh = 1.57079632673412561417e+00  // first 33 bits of π/2
  private static let halfPiLow = 6.07710050650619224932e-11  // π/2 − halfPiHigh

  /// The haversine distance in km between two points given in radians, with the cosines
  /// of their latitudes precomputed.
  @inlinable @inline(__always)
  static func distanceKm(
    lat1: Double, lon1: Double, cosLat1: Double, lat2: Double, lon2: Double, cosLat2: Double
  ) -> Double {
    let sinHalfDLat = sin((lat2 - lat1) / 2)
    let sinHalfDLon = sin((lon2 - lon1) / 2)
    let a = sinHalfDLat * sinHalfDLat + cosLat1 * cosLat2 * (sinHalfDLon * sinHalfDLon)
    return 2 * earthRadiusKm * asin(min(1, a.squareRoot()))
  }

  /// The straight-line distance through the Earth, on the unit sphere, that corresponds to a
  /// great-circle distance of `km`: 2·sin(km / 2R). Comparing squared chords between unit
  /// vectors needs no trigonometry per pair; `ReachLimit` uses it with slack for rounding and
  /// lets the haversine decide in the band between.
  static func chordLimit(km: Double) -> Double {
    let half = km / (2 * earthRadiusKm)
    return half >= Double.pi / 2 ? 2 : 2 * sin(half)
  }

  /// The unit vector of a position in radians.
  static func unitVector(lat: Double, lon: Double) -> (x: Double, y: Double, z: Double) {
    let c = cos(lat)
    return (c * cos(lon), c * sin(lon), sin(lat))
  }

  /// Sine of `x` radians, for finite `x` of moderate size (|x| < 10⁶).
  @usableFromInline
  static func sin(_ x: Double) -> Double {
    let (r, quadrant) = reduce(x)
    switch quadrant & 3 {
    case 0: return sinKernel(r)
    case 1: return cosKernel(r)
    case 2: return -sinKernel(r)
    default: return -cosKernel(r)
    }
  }

  /// Cosine of `x` radians, for finite `x` of moderate size (|x| < 10⁶).
  @usableFromInline
  static func cos(_ x: Double) -> Double {
    let (r, quadrant) = reduce(x)
    switch quadrant & 3 {
    case 0: return cosKernel(r)
    case 1: return -sinKernel(r)
    case 2: return -cosKernel(r)
    default: return sinKernel(r)
    }
  }

  /// Arcsine of `x` for `x` in [0, 1], in radians.
  @usableFromInline
  static func asin(_ x: Double) -> Double {
    if x > 0.5 {
      // asin x = π/2 − 2·asin √((1 − x)/2), whose argument is at most 0.5.
      return Double.pi / 2 - 2 * asinSeries(((1 - x) / 2).squareRoot())
    }
    return asinSeries(x)
  }

  /// Σ (2n)! / (4ⁿ (n!)² (2n+1)) · x^(2n+1), for 0 ≤ x ≤ 0.5 (each term at most a quarter of
  /// the one before).
  private static func asinSeries(_ x: Double) -> Double {
    let x2 = x * x
    var power = x  // x^(2n+1)
    var coefficient = 1.0  // (2n)! / (4ⁿ (n!)²)
    var sum = x
    var n = 0.0
    while true {
      n += 1
      coefficient *= (2 * n - 1) / (2 * n)
      power *= x2
      let term = coefficient * power / (2 * n + 1)
      let next = sum + term
      if next == sum { return sum }
      sum = next
    }
  }

  /// Returns r in [-π/4, π/4] and k with x = r + k·π/2.
  @inline(__always)
  private static func reduce(_ x: Double) -> (Double, Int) {
    if abs(x) <= Double.pi / 4 { return (x, 0) }
    let k = (x * (2 / Double.pi)).rounded()
    let r = (x - k * halfPiHigh) - k * halfPiLow
    return (r, Int(k))
  }

  @inline(__always)
  private static func sinKernel(_ r: Double) -> Double {
    let z = r * r
    let p =
      -0.16666666666666666
      + z
      * (0.008333333333333333
        + z
        * (-0.0001984126984126984
          + z
          * (2.7557319223985893e-06
            + z
            * (-2.505210838544172e-08
              + z * (1.6059043836821613e-10 + z * (-7.647163731819816e-13 + z * 2.8114572543455206e-15))))))
    return r + r * z * p
  }

  @inline(__always)
  private static func cosKernel(_ r: Double) -> Double {
    let z = r * r
    let p =
      0.041666666666666664
      + z
      * (-0.001388888888888889
        + z
        * (2.48015873015873e-05
          + z
          * (-2.755731922398589e-07
            + z * (2.08767569878681e-09 + z * (-1.1470745597729725e-11 + z * 4.779477332387385e-14)))))
    let half = 0.5 * z
    let w = 1 - half
    // 1 − z/2 + z²·p, with the rounding error of 1 − z/2 added back.
    return w + (((1 - w) - half) + z * z * p)
  }
}
