/// An estimate with its margin of error (ACS: 90 % confidence), nil where the source gives none.
public struct Estimate: Hashable, Sendable {
    public var value: Double
    public var marginOfError: Double?
    public init(_ value: Double, marginOfError: Double? = nil) {
        self.value = value; self.marginOfError = marginOfError
    }

    /// The coefficient of variation: (MOE ÷ 1.645) ÷ estimate (Census Bureau, "Understanding and Using
    /// ACS Data", 2020, ch. 8); nil without a margin or for a zero estimate.
    /// Above this coefficient of variation an ACS estimate is flagged unreliable (30 %: the Census
    /// Bureau's rule of thumb for estimates to use with great caution).
    public static let unreliableCV = 0.30

    /// Whether the estimate's coefficient of variation is above `unreliableCV`.
    public var isUnreliable: Bool { (coefficientOfVariation ?? 0) > Self.unreliableCV }

    public var coefficientOfVariation: Double? {
        guard let moe = marginOfError, value != 0 else { return nil }
        return moe / 1.645 / abs(value)
    }

    /// The sum of estimates, margins combined as the root of the sum of squares (ACS handbook); the
    /// margin is nil when any part lacks one.
    public static func sum(_ parts: [Estimate]) -> Estimate {
        let moes = parts.map(\.marginOfError)
        let margin = moes.contains { $0 == nil } ? nil : moes.reduce(0) { $0 + $1! * $1! }.squareRoot()
        return Estimate(parts.reduce(0) { $0 + $1.value }, marginOfError: margin)
    }
}

/// The Census Bureau's Digital Equity Act covered populations of one area: people in at least one
/// covered group and in each group, from its county and tract estimates (ACS-based; the FCC's
/// no-fixed-broadband share beside them).
public struct CoveredPopulations: Hashable, Sendable {
    /// The covered groups, by the table's column stems.
    public enum Group: String, CaseIterable, Sendable {
        /// Household income at or below 150 % of the poverty threshold.
        case lowIncome = "ipr"
        /// Aged 60 or over.
        case aging
        case incarcerated = "incarc"
        case veterans = "vet"
        case disability = "dis"
        /// Language barrier (English learners, low literacy).
        case languageBarrier = "lang_barrier"
        /// Racial or ethnic minority.
        case minority
        case rural

        /// Its name in result columns (`covered_low_income_share`).
        public var columnName: String {
            switch self {
            case .lowIncome: "low_income"
            case .aging: "aging"
            case .incarcerated: "incarcerated"
            case .veterans: "veteran"
            case .disability: "disability"
            case .languageBarrier: "language_barrier"
            case .minority: "minority"
            case .rural: "rural"
            }
        }
    }

    /// Total population (`county_tot_pop`).
    public var population: Double
    /// People in at least one covered group (`tot_cov_pop`).
    public var covered: Estimate
    /// People per group (`<group>_pop`).
    public var groups: [Group: Estimate]
    /// Percent of the population without FCC-reported fixed broadband availability (`pct_no_fixed_bb_pop_fcc`), 0…1.
    public var noFixedBroadbandShareFCC: Double?
    /// People in households with no broadband subscription or no computer (`no_bb_or_computer_pop`).
    public var noBroadbandOrComputer: Estimate?
    /// The table's own shares (0…1) where the area is one of its rows; nil when rolled up (then computed
    /// from the counts).
    public var publishedCoveredShare: Double?
    public var publishedNoBroadbandOrComputerShare: Double?
    /// The table's percent per group (`pct_<group>_pop`), 0…1: each group's own universe (the poverty
    /// universe for low income), so it is not always the group's count ÷ the population.
    public var publishedGroupShares: [Group: Double] = [:]

    public init(
        population: Double, covered: Estimate, groups: [Group: Estimate], noFixedBroadbandShareFCC: Double?,
        noBroadbandOrComputer: Estimate?
    ) {
        self.population = population; self.covered = covered; self.groups = groups
        self.noFixedBroadbandShareFCC = noFixedBroadbandShareFCC; self.noBroadbandOrComputer = noBroadbandOrComputer
    }

    /// Share (0…1) of the population in at least one covered group.
    public var coveredShare: Double? {
        publishedCoveredShare ?? (population > 0 ? covered.value / population : nil)
    }
    /// Share (0…1) of the population in `group`: the table's percent, or (rolled up) count ÷ population.
    public func share(_ group: Group) -> Double? {
        if let published = publishedGroupShares[group] { return published }
        guard let g = groups[group], population > 0 else { return nil }
        return g.value / population
    }
    /// Share (0…1) in households without broadband or a computer.
    public var noBroadbandOrComputerShare: Double? {
        publishedNoBroadbandOrComputerShare
            ?? noBroadbandOrComputer.flatMap { population > 0 ? $0.value / population : nil }
    }
}

/// Microsoft's estimate of how many devices use the internet at broadband speed (25 Mbps) in an area,
/// beside the share the FCC's data gave broadband availability (Microsoft Airband "US Broadband Usage
/// Percentages", county file).
public struct BroadbandUsage: Hashable, Sendable {
    /// Share (0…1) of people with broadband available per the FCC (`BROADBAND AVAILABILITY PER FCC`).
    public var availabilityShareFCC: Double?
    /// Share (0…1) using the internet at 25 Mbps or more (`BROADBAND USAGE`).
    public var usageShare: Double?
    /// The geography the figures are of ("county" when finer study areas take their county's figure).
    public var level: String
    public init(availabilityShareFCC: Double?, usageShare: Double?, level: String) {
        self.availabilityShareFCC = availabilityShareFCC; self.usageShare = usageShare; self.level = level
    }
}
