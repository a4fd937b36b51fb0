import Banenmatch
import BanenmatchTestSupport
import Testing

/// `Day`: ISO `YYYY-MM-DD` parsing and printing, days since 1970-01-01, proleptic Gregorian.
@Suite struct DayTests {
  /// Day numbers from Python's `datetime.date`.
  @Test(arguments: [
    ("1970-01-01", 0),
    ("1969-12-31", -1),
    ("2000-01-01", 10957),
    ("2000-02-29", 11016),
    ("2024-02-29", 19782),
    ("2026-06-15", 20619),
    ("2027-04-04", 20912),
    ("0001-01-01", -719_162),
    ("9999-12-31", 2_932_896),
  ])
  func valid(iso: String, daysSinceEpoch: Int32) throws {
    let day = try #require(Day(iso: iso))
    #expect(day.daysSinceEpoch == daysSinceEpoch)
    #expect(day.iso == iso)
    #expect(day.description == iso)
    #expect(Day(daysSinceEpoch: daysSinceEpoch) == day)
  }

  @Test(arguments: [
    "2027-02-29", "1900-02-29", "2100-02-29", "2026-1-01", "2026-01-1", "2026-13-01", "2026-00-10",
    "2026-04-31", "2026-06-31", "2026-01-00", "2026-01-32", "0000-01-01", "", "2026", "2026-01",
    "2026/01/01", " 2026-01-01", "2026-01-01 ", "2026-01-010", "+2026-01-01", "-2026-01-01",
    "\u{FF12}\u{FF10}\u{FF12}\u{FF16}-01-01", "2026-01-0a", "20260101", "2026-001-01", "2026-01-01T00:00",
    "2026\u{2010}01\u{2010}01", "12026-01-01",
  ])
  func invalid(iso: String) {
    #expect(Day(iso: iso) == nil)
  }

  @Test(arguments: [
    (2024, true), (2000, true), (1600, true), (2028, true), (2026, false), (2027, false), (1900, false),
    (2100, false), (2200, false),
  ])
  func leapYears(year: Int, leap: Bool) {
    let y = String(year)
    #expect((Day(iso: "\(y)-02-29") != nil) == leap)
    #expect((Day(year: year, month: 2, day: 29) != nil) == leap)
    #expect(Day(iso: "\(y)-02-28") != nil)
    #expect(Day(iso: "\(y)-03-01")!.daysSinceEpoch - Day(iso: "\(y)-02-28")!.daysSinceEpoch == (leap ? 2 : 1))
  }

  /// Every day from 1599-12-25 to 2401-01-07, walked with an independent calendar: numbers
  /// consecutive, components, text and parse all agree.
  @Test func roundTripOverManyDays() throws {
    var (year, month, day) = (1599, 12, 25)
    var expected = try #require(Day(year: year, month: month, day: day)).daysSinceEpoch
    func daysIn(_ month: Int, _ year: Int) -> Int {
      if month == 2 { return year % 400 == 0 || (year % 4 == 0 && year % 100 != 0) ? 29 : 28 }
      return [4, 6, 9, 11].contains(month) ? 30 : 31
    }
    var checked = 0
    while (year, month, day) <= (2401, 1, 7) {
      let value = Day(year: year, month: month, day: day)
      guard let value, value.daysSinceEpoch == expected else {
        Issue.record("\(year)-\(month)-\(day): \(String(describing: value?.daysSinceEpoch)), want \(expected)")
        return
      }
      let components = value.components
      let text = value.iso
      let pad = { (n: Int, width: Int) in String(repeating: "0", count: width - String(n).count) + String(n) }
      guard components == (year, month, day), text == "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))",
        Day(iso: text) == value
      else {
        Issue.record("\(year)-\(month)-\(day): components \(components), text \(text)")
        return
      }
      expected += 1
      checked += 1
      day += 1
      if day > daysIn(month, year) { (day, month) = (1, month + 1) }
      if month > 12 { (month, year) = (1, year + 1) }
    }
    #expect(checked == 292_574)
  }

  @Test func roundTripAcrossTheWholeRange() {
    var rng = SplitMix64(seed: 11)
    for _ in 0..<20_000 {
      let number = Int32.random(in: -719_162...2_932_896, using: &rng)
      let day = Day(daysSinceEpoch: number)
      #expect(Day(iso: day.iso)?.daysSinceEpoch == number, "\(number) \(day.iso)")
    }
  }

  @Test func arithmeticAndOrder() {
    #expect(Day(iso: "2027-01-04")!.adding(days: 90).iso == "2027-04-04")
    #expect(Day(iso: "2024-02-28")!.adding(days: 1).iso == "2024-02-29")
    #expect(Day(iso: "2026-12-31")!.adding(days: 1).iso == "2027-01-01")
    #expect(Day(iso: "1970-01-01")!.adding(days: -1).iso == "1969-12-31")
    #expect(Day(iso: "2026-06-15")! < Day(iso: "2026-06-16")!)
    #expect(Day(iso: "2026-06-15")! == Day(year: 2026, month: 6, day: 15))
    #expect(Day(year: 2026, month: 2, day: 29) == nil)
    #expect(Day(year: 10000, month: 1, day: 1) == nil)
    #expect(Day(year: 2026, month: 0, day: 1) == nil)
  }
}
