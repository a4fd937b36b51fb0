/// A set of weekdays, `mon` … `sun`, as seven bits.
public struct Workdays: OptionSet, Hashable, Sendable {
  public var rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue & 0x7F }

  public static let mon = Workdays(rawValue: 1 << 0)
  public static let tue = Workdays(rawValue: 1 << 1)
  public static let wed = Workdays(rawValue: 1 << 2)
  public static let thu = Workdays(rawValue: 1 << 3)
  public static let fri = Workdays(rawValue: 1 << 4)
  public static let sat = Workdays(rawValue: 1 << 5)
  public static let sun = Workdays(rawValue: 1 << 6)
  public static let all = Workdays(rawValue: 0x7F)

  /// The codes of SPEC section 2, in week order.
  public static let codes = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

  /// The day with this code, or nil.
  public init?(code: String) {
    guard let index = Workdays.codes.firstIndex(of: code) else { return nil }
    self.init(rawValue: 1 << UInt8(index))
  }

  /// The codes of the days in this set, in week order.
  public var dayCodes: [String] {
    Workdays.codes.indices.filter { rawValue & (1 << UInt8($0)) != 0 }.map { Workdays.codes[$0] }
  }
}
