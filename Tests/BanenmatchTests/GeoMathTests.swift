import Banenmatch
import BanenmatchTestSupport
import Testing

/// `GeoPoint.distanceKm` (the engine's own trigonometry, no libm) against glibc's haversine.
@Suite struct GeoMathTests {
  /// Within 1e-12 relative of glibc's haversine, or 1e-11 km (10 nm) absolute: below a few
  /// metres, converting each latitude to radians before subtracting already leaves ~1e-12 km of
  /// rounding in Δφ, in glibc's evaluation as much as in the engine's (checked with mpmath:
  /// at 0.54 m both are ~1e-12 km off, relative 1e-9). SPEC allows 0.05 km.
  func expectClose(
    _ p: GeoPoint, _ q: GeoPoint, relative: Double = 1e-12, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let engine = p.distanceKm(to: q)
    let reference = Reference.haversineKm(p, q)
    let error = abs(engine - reference)
    #expect(
      error <= relative * reference || error <= 1e-11,
      "\(p) → \(q): \(engine) vs \(reference), relative \(error / reference)", sourceLocation: sourceLocation)
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func randomPairsAnywhere(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    for _ in 0..<2_000 {
      let p = GeoPoint(lat: .random(in: -90...90, using: &rng), lon: .random(in: -180...180, using: &rng))
      let q = GeoPoint(lat: .random(in: -90...90, using: &rng), lon: .random(in: -180...180, using: &rng))
      expectClose(p, q)
    }
  }

  @Test func randomPairsInTheNetherlands() {
    var rng = SplitMix64(seed: 31)
    for _ in 0..<3_000 {
      let p = GeoPoint(lat: .random(in: 50.75...53.55, using: &rng), lon: .random(in: 3.35...7.23, using: &rng))
      let q = GeoPoint(lat: .random(in: 50.75...53.55, using: &rng), lon: .random(in: 3.35...7.23, using: &rng))
      expectClose(p, q)
    }
  }

  /// From metres down to a millimetre apart.
  @Test func closePairs() {
    var rng = SplitMix64(seed: 5)
    for _ in 0..<2_000 {
      let p = GeoPoint(lat: .random(in: -89...89, using: &rng), lon: .random(in: -180...180, using: &rng))
      let step = Double.random(in: 1e-8...1e-2, using: &rng)
      let q = GeoPoint(
        lat: p.lat + step * .random(in: -1...1, using: &rng), lon: p.lon + step * .random(in: -1...1, using: &rng))
      expectClose(p, q)
    }
  }

  /// Nearly opposite points (within ~55 km of the antipode), where asin(√a) amplifies every
  /// rounding by 1/√(1 − a): glibc itself is off by ~1e-13 relative there and the engine by up
  /// to ~3.3e-12 (mpmath), so the bound is 1e-11 relative (0.2 mm at 20,000 km).
  @Test func antipodalish() {
    var rng = SplitMix64(seed: 9)
    for _ in 0..<2_000 {
      let p = GeoPoint(lat: .random(in: -89...89, using: &rng), lon: .random(in: -180...0, using: &rng))
      let offset = Double.random(in: -0.5...0.5, using: &rng)
      let q = GeoPoint(lat: -p.lat + offset * .random(in: -1...1, using: &rng), lon: p.lon + 180 + offset)
      expectClose(p, q, relative: 1e-11)
    }
  }

  @Test(arguments: [
    (GeoPoint(lat: 0, lon: 0), GeoPoint(lat: 0, lon: 180)),
    (GeoPoint(lat: 90, lon: 0), GeoPoint(lat: -90, lon: 0)),
    (GeoPoint(lat: 52.37, lon: 4.89), GeoPoint(lat: -52.37, lon: -175.11)),
  ])
  func exactlyAntipodal(p: GeoPoint, q: GeoPoint) {
    let halfCircumference = Double.pi * 6371.0  // 20015.086796020572
    #expect(abs(p.distanceKm(to: q) - halfCircumference) <= 1e-9)
    expectClose(p, q)
  }

  @Test(arguments: [
    GeoPoint(lat: 53.2012, lon: 5.7999), GeoPoint(lat: 0, lon: 0), GeoPoint(lat: 90, lon: 17),
    GeoPoint(lat: -90, lon: -180), GeoPoint(lat: -33.9, lon: 151.2), GeoPoint(lat: 12.5, lon: 180),
  ])
  func identicalPointsAreZeroApart(p: GeoPoint) {
    #expect(p.distanceKm(to: p) == 0)
  }

  static let knownCases: [(GeoPoint, GeoPoint, Double)] = [
    // Across the date line: 0.2° of the equator.
    (GeoPoint(lat: 0, lon: 179.9), GeoPoint(lat: 0, lon: -179.9), Double.pi * 6371.0 * 0.2 / 180),
    (GeoPoint(lat: 90, lon: 0), GeoPoint(lat: 90, lon: 123), 0),  // one pole, two longitudes
    (GeoPoint(lat: 0, lon: 0), GeoPoint(lat: 1, lon: 0), Double.pi * 6371.0 / 180),  // 111.19492664455873
    (GeoPoint(lat: 53.2012, lon: 5.7999), GeoPoint(lat: 53.0325, lon: 5.6589), 20.986471544691593),
  ]

  @Test(arguments: knownCases)
  func knownDistances(p: GeoPoint, q: GeoPoint, km: Double) {
    #expect(abs(p.distanceKm(to: q) - km) <= 1e-9)
    #expect(abs(q.distanceKm(to: p) - km) <= 1e-9)
  }

  @Test func symmetric() {
    var rng = SplitMix64(seed: 77)
    for _ in 0..<2_000 {
      let p = GeoPoint(lat: .random(in: -90...90, using: &rng), lon: .random(in: -180...180, using: &rng))
      let q = GeoPoint(lat: .random(in: -90...90, using: &rng), lon: .random(in: -180...180, using: &rng))
      #expect(p.distanceKm(to: q) == q.distanceKm(to: p))
    }
  }
}
