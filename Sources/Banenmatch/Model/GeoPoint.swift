/// A position in degrees (WGS 84).
public struct GeoPoint: Hashable, Sendable {
  public var lat: Double
  public var lon: Double
  public init(lat: Double, lon: Double) {
    self.lat = lat
    self.lon = lon
  }

  /// The haversine distance in km (SPEC section 3: Earth radius 6371.0 km).
  public func distanceKm(to other: GeoPoint) -> Double {
    let lat1 = lat * GeoMath.degreesToRadians
    let lat2 = other.lat * GeoMath.degreesToRadians
    return GeoMath.distanceKm(
      lat1: lat1, lon1: lon * GeoMath.degreesToRadians, cosLat1: GeoMath.cos(lat1),
      lat2: lat2, lon2: other.lon * GeoMath.degreesToRadians, cosLat2: GeoMath.cos(lat2))
  }
}

/// Hours per week, `min` ≤ `max`.
public struct HourRange: Hashable, Sendable {
  public var min: Double
  public var max: Double
  public init(min: Double, max: Double) {
    self.min = min
    self.max = max
  }
}
