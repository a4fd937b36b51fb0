/// The generator's own seeded random numbers: xoshiro256** (Blackman and Vigna, 2018), seeded
/// through SplitMix64, so that a seed gives the same numbers on every machine, every Swift
/// version and every run.
///
///     var random = RandomSource(seed: 42)
///     let die = random.below(6) + 1  // the same on every run
///
/// Only integer arithmetic and IEEE-exact floating operations (+, −, ×, ÷, √) are used;
/// nothing here calls the standard library's `random(in:using:)`, whose algorithm may change.
public struct RandomSource: Sendable {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  public init(seed: UInt64) {
    var state = seed
    s0 = RandomSource.splitMix(&state)
    s1 = RandomSource.splitMix(&state)
    s2 = RandomSource.splitMix(&state)
    s3 = RandomSource.splitMix(&state)
  }

  /// The source for one chunk of one stream, independent of every other chunk, so that chunks
  /// can be made in any order on any number of threads.
  public init(seed: UInt64, stream: UInt64, chunk: Int) {
    var state = seed ^ (stream &* 0xD1B5_4A32_D192_ED03)
    let base = RandomSource.splitMix(&state)
    var mixed = base ^ (UInt64(chunk) &* 0x9E37_79B9_7F4A_7C15)
    self.init(seed: RandomSource.splitMix(&mixed))
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = rotate(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotate(s3, 45)
    return result
  }

  /// A uniform integer in `0..<bound`; `bound` must be positive (Lemire's multiply-shift).
  public mutating func below(_ bound: Int) -> Int {
    precondition(bound > 0, "below(_:) needs a positive bound")
    return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
  }

  /// A uniform integer in `range`.
  public mutating func int(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + below(range.upperBound - range.lowerBound + 1)
  }

  /// True with probability `perMille` / 1000.
  public mutating func chance(perMille: Int) -> Bool { below(1000) < perMille }

  /// A uniform double in [0, 1), 53 random bits.
  public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

  /// A uniformly chosen element; `elements` must not be empty.
  public mutating func pick<T>(_ elements: [T]) -> T { elements[below(elements.count)] }

  /// `count` distinct indices of `0..<n` in random order (partial Fisher–Yates).
  public mutating func distinct(_ count: Int, of n: Int) -> [Int] {
    var indices = Array(0..<n)
    let k = min(count, n)
    for i in 0..<k { indices.swapAt(i, i + below(n - i)) }
    return Array(indices.prefix(k))
  }

  private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

  private static func splitMix(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Integer weights for picking an index in proportion to its weight.
///
///     let table = WeightTable([80, 10, 6, 4])
///     let index = table.pick(&random)  // 0 four times in five
public struct WeightTable: Sendable {
  /// Running totals: `cumulative[i]` is the sum of the weights up to and including `i`.
  private let cumulative: [Int]

  public init(_ weights: [Int]) {
    precondition(!weights.isEmpty && weights.allSatisfy { $0 >= 0 }, "weights must be non-negative")
    var total = 0
    cumulative = weights.map {
      total += $0
      return total
    }
    precondition(total > 0, "weights must not all be zero")
  }

  public var count: Int { cumulative.count }
  public var total: Int { cumulative[cumulative.count - 1] }

  /// An index, with probability weight / total.
  public func pick(_ random: inout RandomSource) -> Int {
    let target = random.below(total)
    var low = 0
    var high = cumulative.count - 1
    while low < high {  // the first index whose running total exceeds target
      let middle = (low + high) / 2
      if cumulative[middle] > target { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
