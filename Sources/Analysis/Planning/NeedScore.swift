import GeoModel

/// The indicators of an area's need, each a number where more means more need once ranked (income is
/// ranked the other way: lower income, more need).
public enum NeedIndicator: String, CaseIterable, Hashable, Sendable, Codable {
    case unservedShare = "unserved_share"
    case underservedShare = "underserved_share"
    /// The share of speed tests in tiles averaging below 100/20 (only with enough tests).
    case measuredShortfall = "measured_shortfall"
    /// The share without an internet subscription (ACS).
    case noSubscriptionShare = "no_subscription_share"
    /// The share of people in a Digital Equity Act covered population (Census).
    case coveredPopulationShare = "covered_population_share"
    /// Median household income (ACS B19013): ranked low to high need as income falls.
    case income

    /// As the method page and the ranked table say it.
    public var label: String {
        switch self {
        case .unservedShare: "unserved share"
        case .underservedShare: "underserved share"
        case .measuredShortfall: "share of speed tests below 100/20"
        case .noSubscriptionShare: "share without an internet subscription"
        case .coveredPopulationShare: "covered population share"
        case .income: "median household income (lower ranks higher)"
        }
    }

    /// Whether a lower value means more need.
    var lowerIsNeedier: Bool { self == .income }
}

/// The weights of the need score's indicators (the study's `[need]` table). A weight of 0 leaves the
/// indicator out.
public struct NeedWeights: Hashable, Sendable {
    public var weights: [NeedIndicator: Double] = [
        .unservedShare: 0.30, .underservedShare: 0.15, .measuredShortfall: 0.15, .noSubscriptionShare: 0.15,
        .coveredPopulationShare: 0.15, .income: 0.10,
    ]

    public init() {}

    public subscript(_ i: NeedIndicator) -> Double {
        get { weights[i] ?? 0 }
        set { weights[i] = newValue }
    }
}

/// An area's need score: 100 × the weighted mean of its indicators' percentile ranks within the study,
/// over the indicators the area has. A missing indicator is named, not counted as zero: the weights of
/// the others are rescaled to sum to 1.
public struct NeedScore: Hashable, Sendable {
    /// 0…100; nil when the area has none of the weighted indicators.
    public var score: Double?
    /// Each present indicator's percentile rank within the study, 0…1 (1: the neediest).
    public var ranks: [NeedIndicator: Double]
    /// The weighted indicators this area lacks, in `NeedIndicator` order.
    public var missing: [NeedIndicator]

    /// The percentile rank of `v` among `all` (Census and textbook "mean" rank: the share below plus half
    /// the share equal, itself included): (below + equal / 2) / n.
    public static func percentileRank(_ v: Double, among all: [Double]) -> Double {
        let below = all.count { $0 < v }
        let equal = all.count { $0 == v }
        return (Double(below) + Double(equal) / 2) / Double(all.count)
    }

    /// The scores of `areas` (indicator values per area; a missing key is a missing indicator), in order.
    public static func scores(_ areas: [[NeedIndicator: Double]], weights: NeedWeights) -> [NeedScore] {
        let used = NeedIndicator.allCases.filter { weights[$0] > 0 }
        var ranks = Array(repeating: [NeedIndicator: Double](), count: areas.count)
        for indicator in used {
            let values = areas.compactMap { $0[indicator] }
            for (i, a) in areas.enumerated() {
                guard let v = a[indicator] else { continue }
                let r = percentileRank(v, among: values)
                ranks[i][indicator] = indicator.lowerIsNeedier ? 1 - r : r
            }
        }
        return ranks.map { r in
            let present = used.filter { r[$0] != nil }
            let total = present.reduce(0) { $0 + weights[$1] }
            let score = total > 0 ? 100 * present.reduce(0) { $0 + weights[$1] * r[$1]! } / total : nil
            return NeedScore(score: score, ranks: r, missing: used.filter { r[$0] == nil })
        }
    }
}
