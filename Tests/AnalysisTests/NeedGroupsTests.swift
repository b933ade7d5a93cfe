import GeoModel
import Testing

@testable import Analysis

/// The four groups, on four areas made by hand so that each falls in one group, and the thresholds'
/// edges (a threshold reached counts; NTIA's "≥ 25 %").
@Suite struct NeedGroupsTests {
    /// An area with `unserved` of 100 locations unserved, ACS shares without internet and without a
    /// computer (B28002/B28003 households of 1,000), and optional speed tests and Microsoft usage.
    static func area(
        _ id: String, unserved: Int, noInternet: Int, noComputer: Int, tests: Int? = nil, below25x3: Double? = nil,
        usage: Double? = nil
    ) -> AreaResult {
        var r = AreaResult(
            id: AreaID(id), name: id, counts: ClassCounts(unserved: unserved, served: 100 - unserved),
            demographics: DemographicProfile(
                geoid: AreaID(id), internetUniverseHouseholds: 1000, noInternetHouseholds: noInternet,
                noComputerHouseholds: noComputer))
        if let tests {
            var m = MeasuredSpeeds()
            m.tests = tests
            m.testsBelow25x3Share = below25x3
            r.measuredSpeeds = m
        }
        if let usage {
            r.broadbandUsage = BroadbandUsage(availabilityShareFCC: 0.9, usageShare: usage, level: "county")
        }
        return r
    }

    @Test func eachAreaFallsInItsGroup() {
        let t = GapThresholds()
        let both = GapAssessment.of(Self.area("both", unserved: 30, noInternet: 300, noComputer: 100), t)
        #expect(both.group == .networkAndAdoption)
        #expect(both.networkReasons == ["unserved or underserved 30 % ≥ 10 %"])
        #expect(both.adoptionReasons == ["no internet subscription 30 % ≥ 25 %"])
        let network = GapAssessment.of(
            Self.area("network", unserved: 0, noInternet: 100, noComputer: 50, tests: 40, below25x3: 0.6), t)
        #expect(network.group == .network)
        #expect(network.networkReasons == ["60 % of 40 speed tests below 25/3"])
        let adoption = GapAssessment.of(Self.area("adoption", unserved: 5, noInternet: 100, noComputer: 260), t)
        #expect(adoption.group == .adoption)
        #expect(adoption.adoptionReasons == ["no computer 26 % ≥ 25 %"])
        let neither = GapAssessment.of(
            Self.area("neither", unserved: 9, noInternet: 249, noComputer: 249, usage: 0.4), t)
        #expect(neither.group == .neither)
        #expect(neither.networkReasons.isEmpty && neither.adoptionReasons.isEmpty)
    }

    @Test func aThresholdReachedCounts() {
        let t = GapThresholds()
        #expect(GapAssessment.of(Self.area("a", unserved: 10, noInternet: 0, noComputer: 0), t).group == .network)
        #expect(GapAssessment.of(Self.area("b", unserved: 0, noInternet: 250, noComputer: 0), t).group == .adoption)
        // Microsoft usage at most 25 %: 0.25 is an adoption gap, 0.2501 is not.
        #expect(
            GapAssessment.of(Self.area("c", unserved: 0, noInternet: 0, noComputer: 0, usage: 0.25), t).group
                == .adoption)
        #expect(
            GapAssessment.of(Self.area("d", unserved: 0, noInternet: 0, noComputer: 0, usage: 0.2501), t).group
                == .neither)
    }

    @Test func tooFewTestsAreNotEvidenceAndAreSaid() {
        var t = GapThresholds()
        let few = GapAssessment.of(
            Self.area("few", unserved: 0, noInternet: 0, noComputer: 0, tests: 29, below25x3: 0.9), t)
        #expect(few.group == .neither)
        #expect(few.missing == ["fewer than 30 speed tests"])
        t.minimumTests = 29
        #expect(
            GapAssessment.of(Self.area("few", unserved: 0, noInternet: 0, noComputer: 0, tests: 29, below25x3: 0.9), t)
                .group == .network)
    }

    @Test func anAreaWithoutACSIsJudgedOnTheNetworkAndSaysSo() {
        var r = Self.area("x", unserved: 50, noInternet: 0, noComputer: 0)
        r.demographics = nil
        let g = GapAssessment.of(r, GapThresholds())
        #expect(g.group == .network)
        #expect(g.missing == ["no ACS row"])
    }
}
