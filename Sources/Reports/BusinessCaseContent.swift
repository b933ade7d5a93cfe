import Charts
import GeoModel
import Graphics

/// The business-case section of a report as plain values: each scenario's metrics, cash flows and
/// risk, the adoption curve, the build phases (with their map already drawn) and every parameter
/// with its value and source.
public struct BusinessCaseContent: Hashable, Sendable, Codable {
    public struct Scenario: Hashable, Sendable, Codable, CarriesScenarioMetrics {
        public var label: String
        /// retail, wholesale or subsidy.
        public var kind: String
        public var metrics: ScenarioMetrics
        /// Net cash flow per year 0…horizon.
        public var netCashFlows: [Double]
        /// Subscribers at the end of each year 0…horizon.
        public var subscribers: [Double]
        public var tornado: [TornadoRow]
        public var p10: Double
        public var p50: Double
        public var p90: Double
        public var probabilityNPVNegative: Double
        public var draws: Int
        public var seed: UInt64
        /// Every Monte Carlo NPV, sorted.
        public var monteCarloNPVs: [Double]
        /// The capital over the horizon by component (label, undiscounted dollars), in table order.
        public var capital: [Amount] = []
        /// The Monte Carlo's correlations: take rate with ARPU, and between capital components.
        public var takeARPUCorrelation: Double = 0
        public var costCorrelation: Double = 0
        /// Grant received over the horizon.
        public var grant: Double = 0
        /// The total grant that makes the NPV zero, and per passing built; nil when nothing is built.
        public var fundingGap: Double?
        public var fundingGapPerPassing: Double?
        public var maximumDebtServiceCoverage: Double?
        public var dscrCovenant: Double = 1.25
        /// Years with debt service, and those below the covenant.
        public var debtServiceYears: Int = 0
        public var yearsBelowCovenant: [Int] = []
        /// The worst cumulative cash after debt service (≤ 0) and its year (nil when never negative).
        public var generalFundExposure: Double = 0
        public var generalFundExposureYear: Int?

        public init(
            label: String, kind: String, metrics: ScenarioMetrics, netCashFlows: [Double], subscribers: [Double],
            tornado: [TornadoRow], p10: Double, p50: Double, p90: Double, probabilityNPVNegative: Double, draws: Int,
            seed: UInt64, monteCarloNPVs: [Double]
        ) {
            self.label = label; self.kind = kind; self.metrics = metrics; self.netCashFlows = netCashFlows
            self.subscribers = subscribers; self.tornado = tornado; self.p10 = p10; self.p50 = p50; self.p90 = p90
            self.probabilityNPVNegative = probabilityNPVNegative; self.draws = draws; self.seed = seed
            self.monteCarloNPVs = monteCarloNPVs
        }
    }

    /// A labelled dollar amount (a capital component).
    public struct Amount: Hashable, Sendable, Codable {
        public var label: String
        public var amount: Double
        public init(label: String, amount: Double) { self.label = label; self.amount = amount }
    }

    /// One tornado bar: "Take rate (×0.8 / ×1.2)" and the NPV at the low and high setting.
    public struct TornadoRow: Hashable, Sendable, Codable {
        public var label: String
        public var npvAtLow, npvAtHigh: Double
        public init(label: String, npvAtLow: Double, npvAtHigh: Double) {
            self.label = label; self.npvAtLow = npvAtLow; self.npvAtHigh = npvAtHigh
        }
    }

    public struct Phase: Hashable, Sendable, Codable {
        public var phase: Int
        public var areas: Int
        public var passings: Int
        public var costToPass: Double
        public init(phase: Int, areas: Int, passings: Int, costToPass: Double) {
            self.phase = phase; self.areas = areas; self.passings = passings; self.costToPass = costToPass
        }
    }

    /// A parameter line of the method page.
    public struct Parameter: Hashable, Sendable, Codable {
        public var key: String
        public var value: String
        public var source: String
        public init(key: String, value: String, source: String) {
            self.key = key; self.value = value; self.source = source
        }
    }

    public var scenarios: [Scenario]
    public var horizonYears: Int
    public var discountRate: Double
    /// Base terminal take rate (`demand.take_rate`).
    public var takeRate: Double
    /// Bass cumulative adoption F(t) for t = 0…horizon (share of the terminal take).
    public var adoptionCurve: [Double]
    public var phases: [Phase]
    /// Areas considered but not built (budget or no need).
    public var areasNotBuilt: Int
    /// True when only unserved and underserved locations are built (plan.build = eligible_locations).
    public var eligibleLocationsOnly = false
    /// plan.max_served_share, and the areas with need left out because their served share is above it.
    public var maxServedShare = 0.8
    /// plan.include_served_areas: every area is a candidate, whatever its served share.
    public var includeServedAreas = false
    public var areasOverServedShare = 0
    /// Passings of the plan already served at 100/20 (the plan pays to pass them too).
    public var servedPassingsBuilt = 0
    public var phasesMap: DisplayList?
    public var phasesMapCaption: String
    public var parameters: [Parameter]
    /// The business-case method in words, one string per paragraph.
    public var methodParagraphs: [String]

    public init(
        scenarios: [Scenario], horizonYears: Int, discountRate: Double, takeRate: Double, adoptionCurve: [Double],
        phases: [Phase], areasNotBuilt: Int, phasesMap: DisplayList? = nil, phasesMapCaption: String = "",
        parameters: [Parameter], methodParagraphs: [String]
    ) {
        self.scenarios = scenarios; self.horizonYears = horizonYears; self.discountRate = discountRate
        self.takeRate = takeRate; self.adoptionCurve = adoptionCurve; self.phases = phases
        self.areasNotBuilt = areasNotBuilt; self.phasesMap = phasesMap; self.phasesMapCaption = phasesMapCaption
        self.parameters = parameters; self.methodParagraphs = methodParagraphs
    }

    /// One sentence on what the Monte Carlo draws assume.
    public static func monteCarloAssumption(_ s: Scenario) -> String {
        "Each of the \(NumberFormatting.grouped(s.draws)) draws takes triangular multipliers (low, base, high) for take rate, revenue per subscriber, "
            + "operating cost and each capital component; take rate and revenue are correlated at \(NumberFormatting.grouped(s.takeARPUCorrelation, decimals: 2)), "
            + "the capital components at \(NumberFormatting.grouped(s.costCorrelation, decimals: 2)) with one another, operating cost independently, "
            + "so the percentiles are only as good as those ranges and correlations."
    }

    /// The scenario the risk charts show: the first retail one, else the first.
    public var headline: Scenario? { scenarios.first { $0.kind == "retail" } ?? scenarios.first }
}
