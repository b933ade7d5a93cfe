import Foundation
import TestSupport
import Testing

@testable import LastmileKit

/// datasets/demo/study.toml against the table of study keys. The demo writes out most defaults so that a
/// reader sees them; it departs from a default only where the demo means to, and those departures are
/// listed here. A default that changes in the table, or a demo value that drifts from it, fails the test
/// until one of the two is changed on purpose (and the list with it).
@Suite struct DemoStudyKeysTests {
    /// Where the demo means to differ from a default it could restate.
    static let departures: Set<String> = [
        "study.area_level",  // block groups: the demo's areas are synthetic block groups
        "study.synthetic",  // the demo's data are synthetic, and its cover says so
        "finance.horizon_years",  // 30 years, as long as its 30-year revenue bond
        "finance.bond_term_years",  // municipal revenue bonds commonly run 20–30 years
        "scenarios.partner.revenue_share",  // the subsidy scenario's 5 % share of the partner's revenue
    ]

    static func demo() throws -> StudyParameters {
        try StudyParameters(contentsOf: TestPaths.repo("datasets/demo/study.toml"))
    }

    @Test func everyDemoKeyIsKnownAndEachValueIsOneItTakes() throws {
        let values = try Self.demo().values
        for (key, value) in values {
            let entry = try #require(StudyKeys.entry(key), "\(key) is not in the table of study keys")
            #expect(entry.accepts(value), "\(key) = \(value): allowed \(entry.allowed)")
        }
        _ = try Study(parameters: Self.demo())
    }

    @Test func theDemoDepartsFromTheDefaultsOnlyWhereListed() throws {
        let values = try Self.demo().values
        var differing = Set<String>()
        for (key, value) in values {
            guard let d = StudyKeys.entry(key)?.defaultValue else { continue }  // no default to restate
            if !StudyKeysTests.same(value, d) { differing.insert(key) }
        }
        #expect(differing == Self.departures, "differ: \(differing.sorted()); listed: \(Self.departures.sorted())")
        // Each departure is a key the demo sets (the list holds no stale entry).
        #expect(Self.departures.isSubset(of: Set(values.keys)))
    }

    /// The demo restates at least the headline defaults a planner changes first.
    @Test func theDemoRestatesTheHeadlineDefaults() throws {
        let values = try Self.demo().values
        for key in [
            "demand.take_rate", "finance.arpu", "finance.discount_rate", "cost.construction_cost_index",
            "plan.phases", "risk.draws", "risk.seed",
        ] {
            let d = try #require(StudyKeys.named(key)?.defaultValue)
            #expect(values[key].map { StudyKeysTests.same($0, d) } == true, "\(key)")
        }
    }
}
