/// A seeded, repeatable `RandomNumberGenerator`: SplitMix64 (Steele, Lea and Flood, 2014),
/// as in swift-argument-parser's `Examples/roll/SplitMix64.swift`.
///
///     var rng = SplitMix64(seed: 42)
///     let n = Int.random(in: 0..<10, using: &rng)  // the same n on every run
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z &>> 31)
  }
}

extension RandomNumberGenerator {
  /// True with probability `p`.
  public mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

  /// A uniformly chosen element; the collection must not be empty.
  public mutating func pick<C: Collection>(_ elements: C) -> C.Element {
    elements.randomElement(using: &self)!
  }
}
