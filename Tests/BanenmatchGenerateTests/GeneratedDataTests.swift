import Banenmatch
import BanenmatchGenerate
import BanenmatchJSON
import Testing

/// Every generated record is valid, and the distributions stay within the ranges
/// samples/README.md states (measured here on 3,000 seekers and 1,000 vacancies, seed 42).
@Suite struct GeneratedDataTests {
  let seekers = Fixtures.smallSeekers
  let vacancies = Fixtures.smallVacancies

  @Test func everyRecordDecodesAndValidates() {
    #expect(seekers.count == 3000)
    #expect(vacancies.count == 1000)
    let badSeekers = seekers.filter { !$0.validationErrors().isEmpty }.map(\.id)
    let badVacancies = vacancies.filter { !$0.validationErrors().isEmpty }.map(\.id)
    #expect(badSeekers.isEmpty && badVacancies.isEmpty, "\(badSeekers) \(badVacancies)")
    let seekerCheck = RecordFileCheck(bytes: Fixtures.smallSeekerBytes, file: "seekers.jsonl")
    let vacancyCheck = RecordFileCheck(bytes: Fixtures.smallVacancyBytes, file: "vacancies.jsonl")
    #expect(seekerCheck.isValid && seekerCheck.kind == .seekers && seekerCheck.records == 3000)
    #expect(vacancyCheck.isValid && vacancyCheck.kind == .vacancies && vacancyCheck.records == 1000)
  }

  @Test func idsAreUniqueAndSequential() {
    #expect(seekers.map(\.id) == (1...3000).map { "S-" + pad($0) })
    #expect(vacancies.map(\.id) == (1...1000).map { "V-" + pad($0) })
  }

  @Test func everyCodeIsInTheVocabulary() {
    let codes = VocabularyFile.codes
    let regions = codes["regions"]!, skills = codes["skills"]!, jobTypes = codes["jobTypes"]!
    let accommodations = codes["accommodations"]!, sectors = codes["sectors"]!
    let badSeekers = seekers.filter { seeker in
      let preferences = seeker.preferences ?? Seeker.Preferences()
      return
        !(regions.contains(seeker.region!) && Set(seeker.skills).isSubset(of: skills)
        && Set(seeker.experience + preferences.jobTypes).isSubset(of: jobTypes)
        && Set(seeker.needs).isSubset(of: accommodations) && Set(preferences.sectors).isSubset(of: sectors))
    }
    let badVacancies = vacancies.filter { vacancy in
      !(jobTypes.contains(vacancy.jobType) && sectors.contains(vacancy.sector!) && regions.contains(vacancy.region!)
        && Set(vacancy.requiredSkills + vacancy.preferredSkills).isSubset(of: skills)
        && Set(vacancy.offers).isSubset(of: accommodations))
    }
    #expect(badSeekers.isEmpty, "\(badSeekers.prefix(3).map(\.id))")
    #expect(badVacancies.isEmpty, "\(badVacancies.prefix(3).map(\.id))")
  }

  @Test func allThirtyFiveRegionsAppear() {
    #expect(Set(seekers.compactMap(\.region)).count == 35)
    #expect(Set(vacancies.compactMap(\.region)).count == 35)
  }

  /// Seekers per region follow the population: each region's share within a factor 0.6–1.5.
  @Test func regionsFollowPopulation() {
    let total = Double(Region.all.reduce(0) { $0 + $1.population })
    for region in Region.all {
      let expected = Double(region.population) / total
      let actual = Fixtures.share(seekers) { $0.region == region.code }
      #expect(actual > 0.6 * expected && actual < 1.5 * expected, "\(region.code): \(actual) vs \(expected)")
    }
  }

  @Test func hours() {
    #expect(seekers.allSatisfy { $0.hours.min.truncatingRemainder(dividingBy: 0.5) == 0 })
    #expect(seekers.allSatisfy { $0.hours.max >= 6 && $0.hours.max <= 38 })
    let belowOneJob = Fixtures.share(seekers) { $0.hours.max < 25.5 }
    #expect((0.55...0.72).contains(belowOneJob), "seekers below 25.5 h: \(belowOneJob)")
    #expect(vacancies.allSatisfy { Catalog.jobType($0.jobType)!.hours.contains($0.hours.max) })
  }

  /// Unknown is not a mismatch: large shares of unknown education and wage value.
  @Test func incompleteProfiles() {
    let noEducation = Fixtures.share(seekers) { $0.education == nil }
    let noWageValue = Fixtures.share(seekers) { $0.wageValue == nil }
    #expect((0.36...0.44).contains(noEducation), "unknown education: \(noEducation)")
    #expect((0.50...0.60).contains(noWageValue), "unknown wage value: \(noWageValue)")
  }

  @Test func registrationAndEligibility() {
    let unregistered = Fixtures.share(seekers) { !$0.registered }
    let openToAll = Fixtures.share(vacancies) { !$0.banenafspraak }
    #expect((0.04...0.08).contains(unregistered), "unregistered: \(unregistered)")
    #expect((0.09...0.15).contains(openToAll), "open to all: \(openToAll)")
  }

  @Test(arguments: [
    (EmployerType.markt, 0.77...0.83), (.overheid, 0.08...0.12), (.schoolbestuurPO, 0.045...0.075),
    (.schoolbestuurVO, 0.025...0.055),
  ])
  func employerTypeShares(type: EmployerType, range: ClosedRange<Double>) {
    let share = Fixtures.share(vacancies) { $0.employer.type == type }
    #expect(range.contains(share), "\(type.rawValue): \(share)")
  }

  @Test func schoolVacanciesAreInEducation() {
    let wrong = vacancies.filter {
      $0.employer.type != .markt && $0.sector != ($0.employer.type == .overheid ? "overheid" : "onderwijs")
    }
    #expect(wrong.isEmpty)
  }

  @Test func travelWorkdaysAvailabilityPositions() {
    let km = seekers.map(\.maxTravelKm).sorted()
    #expect(km[km.count / 2] == 15, "median travel km")
    #expect(km.first! >= 5 && km.last! <= 50)
    let allDays = Fixtures.share(seekers) { $0.workdays == .all }
    #expect((0.17...0.23).contains(allDays), "no workdays recorded: \(allDays)")
    let availableNow = Fixtures.share(seekers) { $0.availableFrom == nil }
    #expect((0.26...0.34).contains(availableNow), "available now: \(availableNow)")
    let onePosition = Fixtures.share(vacancies) { $0.positions == 1 }
    #expect((0.74...0.82).contains(onePosition), "one position: \(onePosition)")
    #expect(vacancies.allSatisfy { (1...10).contains($0.positions) })
  }

  @Test func needsAndOffers() {
    #expect(seekers.allSatisfy { $0.needs.count <= 4 && Set($0.needs).count == $0.needs.count })
    let noNeeds = Fixtures.share(seekers) { $0.needs.isEmpty }
    #expect((0.21...0.29).contains(noNeeds), "no needs: \(noNeeds)")
    let meanOffers = Double(vacancies.reduce(0) { $0 + $1.offers.count }) / Double(vacancies.count)
    #expect((5.0...9.0).contains(meanOffers), "offers per vacancy: \(meanOffers)")
  }

  @Test func requiredSkillsComeFromTheJob() {
    let wrong = vacancies.filter { vacancy in
      let job = Catalog.jobType(vacancy.jobType)!
      return
        !(vacancy.requiredSkills.count <= 3 && Set(vacancy.requiredSkills).isSubset(of: Set(job.coreSkills))
        && Set(vacancy.preferredSkills).isSubset(of: Set(job.otherSkills)))
    }
    #expect(wrong.isEmpty, "\(wrong.prefix(3).map(\.id))")
  }

  private func pad(_ number: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: 6 - digits.count) + digits
  }
}
