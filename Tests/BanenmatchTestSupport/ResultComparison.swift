import Banenmatch

/// Field-by-field comparison of an engine answer with the reference's.
///
///     let problems = differences(engine, reference, tolerance: 1e-9)
///     #expect(problems.isEmpty, "seed \(seed) query \(n): \(problems)")
///
/// Ids and skill codes are compared by bytes; numbers within `tolerance`.
public func differences(_ engine: MatchResults, _ reference: ReferenceResults, tolerance: Double = 1e-9) -> [String] {
  var problems: [String] = []
  func check(_ ok: Bool, _ message: @autoclosure () -> String) { if !ok { problems.append(message()) } }
  func close(_ a: Double, _ b: Double) -> Bool { a == b || abs(a - b) <= tolerance }

  check(engine.candidates == reference.candidates, "candidates \(engine.candidates) ≠ \(reference.candidates)")
  check(engine.feasible == reference.feasible, "feasible \(engine.feasible) ≠ \(reference.feasible)")
  check(
    engine.indexVersion == reference.indexVersion, "indexVersion \(engine.indexVersion) ≠ \(reference.indexVersion)")

  let engineMatchIDs = engine.matches.map(\.id)
  let referenceMatchIDs = reference.matches.map(\.id)
  if !sameIDs(engineMatchIDs, referenceMatchIDs) {
    problems.append(
      "match ids \(describe(engine.matches.map { ($0.id, $0.score) })) ≠ \(describe(reference.matches.map { ($0.id, $0.score) }))"
    )
  } else {
    for (index, (e, r)) in zip(engine.matches, reference.matches).enumerated() {
      let at = "matches[\(index)] \(r.id.debugDescription)"
      check(close(e.score, r.score), "\(at) score \(e.score) ≠ \(r.score)")
      check(e.unknown == r.unknown, "\(at) unknown \(e.unknown.names) ≠ \(r.unknown.names)")
      problems += explanationDifferences(e.explanation, r.explanation, score: e.score, at: at, tolerance: tolerance)
    }
  }

  if !sameIDs(engine.nearMisses.map(\.id), reference.nearMisses.map(\.id)) {
    problems.append(
      "near-miss ids \(describe(engine.nearMisses.map { ($0.id, $0.score) })) ≠ \(describe(reference.nearMisses.map { ($0.id, $0.score) }))"
    )
  } else {
    for (index, (e, r)) in zip(engine.nearMisses, reference.nearMisses).enumerated() {
      let at = "nearMisses[\(index)] \(r.id.debugDescription)"
      check(close(e.score, r.score), "\(at) score \(e.score) ≠ \(r.score)")
      check(e.unknown == r.unknown, "\(at) unknown \(e.unknown.names) ≠ \(r.unknown.names)")
      if let gap = r.gap {
        check(sameGap(e.gap, gap, tolerance: tolerance), "\(at) gap \(e.gap) ≠ \(gap)")
      } else {
        problems.append("\(at): the reference has no gap")
      }
      problems += explanationDifferences(e.explanation, r.explanation, score: e.score, at: at, tolerance: tolerance)
    }
  }
  return problems
}

func explanationDifferences(
  _ e: Explanation?, _ r: ReferenceExplanation?, score: Double, at: String, tolerance: Double
) -> [String] {
  guard let e, let r else {
    return (e == nil) == (r == nil) ? [] : ["\(at) explanation present \(e != nil) ≠ \(r != nil)"]
  }
  var problems: [String] = []
  func close(_ a: Double, _ b: Double) -> Bool { a == b || abs(a - b) <= tolerance }
  if e.contributions.map(\.feature) != Feature.allCases {
    problems.append("\(at) contributions in order \(e.contributions.map(\.feature.rawValue))")
    return problems
  }
  for (i, c) in e.contributions.enumerated() {
    let name = c.feature.rawValue
    if !close(c.value, r.values[i]) { problems.append("\(at) \(name).value \(c.value) ≠ \(r.values[i])") }
    if !close(c.weight, r.weights[i]) { problems.append("\(at) \(name).weight \(c.weight) ≠ \(r.weights[i])") }
    if !close(c.points, r.points[i]) { problems.append("\(at) \(name).points \(c.points) ≠ \(r.points[i])") }
  }
  if !close(e.totalPoints, score) { problems.append("\(at) points add up to \(e.totalPoints), score \(score)") }
  if !sameIDs(e.matchedSkills, r.matchedSkills) {
    problems.append("\(at) matchedSkills \(describe(e.matchedSkills)) ≠ \(describe(r.matchedSkills))")
  }
  if !sameIDs(e.missingSkills, r.missingSkills) {
    problems.append("\(at) missingSkills \(describe(e.missingSkills)) ≠ \(describe(r.missingSkills))")
  }
  if !close(e.distanceKm, r.distanceKm) { problems.append("\(at) distanceKm \(e.distanceKm) ≠ \(r.distanceKm)") }
  return problems
}

/// Byte-wise equality of two lists of strings.
public func sameIDs(_ a: [String], _ b: [String]) -> Bool {
  a.count == b.count && zip(a, b).allSatisfy { Reference.same($0, $1) }
}

/// Gaps equal, codes by bytes and numbers within `tolerance`.
public func sameGap(_ a: Gap, _ b: Gap, tolerance: Double = 1e-9) -> Bool {
  func close(_ x: Double, _ y: Double) -> Bool { x == y || abs(x - y) <= tolerance }
  switch (a, b) {
  case (.distance(let d1, let m1, let e1), .distance(let d2, let m2, let e2)):
    return close(d1, d2) && close(m1, m2) && close(e1, e2)
  case (.hours(let g1), .hours(let g2)): return close(g1, g2)
  case (.workdays(let x), .workdays(let y)): return sameIDs(x, y)
  case (.requiredSkills(let x), .requiredSkills(let y)): return sameIDs(x, y)
  case (.accommodations(let x), .accommodations(let y)): return sameIDs(x, y)
  case (.education(let h1, let n1, let l1), .education(let h2, let n2, let l2)): return h1 == h2 && n1 == n2 && l1 == l2
  case (.start(let x), .start(let y)): return x == y
  default: return false
  }
}

/// Ids with their bytes made visible: "S-e\u{301}" rather than a look-alike.
public func describe(_ strings: [String]) -> String {
  "["
    + strings.map { $0.unicodeScalars.map { $0.isASCII ? String($0) : $0.escaped(asASCII: true) }.joined() }
    .joined(separator: ", ") + "]"
}

func describe(_ entries: [(String, Double)]) -> String {
  "[" + entries.map { "\(describe([$0.0]).dropFirst().dropLast()) \($0.1)" }.joined(separator: ", ") + "]"
}
