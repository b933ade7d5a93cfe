import Foundation
import GeoModel

/// Where a network must be built and where demand must be built: each area falls in one of four groups
/// by documented thresholds (defaults from NTIA's Indicators of Broadband Need, June 2021).
public enum NeedGroup: String, CaseIterable, Sendable {
    case networkAndAdoption = "network_and_adoption"
    case network
    case adoption
    case neither

    /// As the report says it.
    public var label: String {
        switch self {
        case .networkAndAdoption: "Network gap and adoption gap"
        case .network: "Network gap only"
        case .adoption: "Adoption gap only"
        case .neither: "Neither"
        }
    }

    /// What a town would do there.
    public var action: String {
        switch self {
        case .networkAndAdoption:
            "build or subsidise a network, and pair it with devices, digital-skills training and affordability programmes from the start"
        case .network: "build or subsidise a network: people are ready to use it"
        case .adoption:
            "the network is there: devices, digital-skills training, affordability programmes and outreach, not construction"
        case .neither: "no public action needed on these indicators; watch the next FCC release"
        }
    }
}

/// The thresholds that place an area in a group (the study's `[evidence]` table).
public struct GapThresholds: Hashable, Sendable {
    /// Network gap: at least this share of locations unserved or underserved.
    public var networkGapShare = 0.10
    /// Network gap: at least this share of tests in tiles below 25/3 (0.5: the median test is below
    /// 25/3), counted only with at least `minimumTests` tests.
    public var measuredBelow25x3Share = 0.5
    public var minimumTests = 30
    /// Adoption gap: at least this share without an internet subscription, or without a computer.
    public var noInternetShare = 0.25, noComputerShare = 0.25
    /// Adoption gap: Microsoft's usage at broadband speed at most this share.
    public var usageShare = 0.25

    public init() {}
}

/// One area's group and the indicators that put it there, in words.
public struct GapAssessment: Hashable, Sendable {
    public var group: NeedGroup
    public var networkReasons: [String]
    public var adoptionReasons: [String]
    /// Indicators that could not be judged for lack of data ("no speed tests", "no ACS row").
    public var missing: [String]

    /// Judges `r` against `t`.
    public static func of(_ r: AreaResult, _ t: GapThresholds) -> GapAssessment {
        func percent(_ x: Double) -> String { String(format: "%.0f %%", x * 100) }
        var network: [String] = []
        var adoption: [String] = []
        var missing: [String] = []
        if let share = r.counts.unservedOrUnderservedShare {
            if share >= t.networkGapShare {
                network.append("unserved or underserved \(percent(share)) ≥ \(percent(t.networkGapShare))")
            }
        } else {
            missing.append("no locations")
        }
        if let m = r.measuredSpeeds {
            if m.tests >= t.minimumTests, let below = m.testsBelow25x3Share, below >= t.measuredBelow25x3Share {
                network.append("\(percent(below)) of \(m.tests) speed tests below 25/3")
            } else if m.tests < t.minimumTests {
                missing.append("fewer than \(t.minimumTests) speed tests")
            }
        }
        if let d = r.demographics {
            if let none = d.noInternetShare, none >= t.noInternetShare {
                adoption.append("no internet subscription \(percent(none)) ≥ \(percent(t.noInternetShare))")
            }
            if let nc = d.withoutComputerShare, nc >= t.noComputerShare {
                adoption.append("no computer \(percent(nc)) ≥ \(percent(t.noComputerShare))")
            }
        } else {
            missing.append("no ACS row")
        }
        if let usage = r.broadbandUsage?.usageShare, usage <= t.usageShare {
            adoption.append("Microsoft usage at broadband speed \(percent(usage)) ≤ \(percent(t.usageShare))")
        }
        let group: NeedGroup =
            switch (!network.isEmpty, !adoption.isEmpty) {
            case (true, true): .networkAndAdoption
            case (true, false): .network
            case (false, true): .adoption
            case (false, false): .neither
            }
        return GapAssessment(group: group, networkReasons: network, adoptionReasons: adoption, missing: missing)
    }
}
