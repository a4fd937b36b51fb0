import Banenmatch

#if canImport(Glibc)
  import Glibc
#endif

/// The current UTC date: "now" when a request gives no `date`.
func todayUTC() -> Day {
  let seconds = time(nil)
  return Day(daysSinceEpoch: Int32(seconds / 86_400))
}
