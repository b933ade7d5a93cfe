import GeoModel

/// One business-case scenario of a run as the run store keeps it: metrics, Monte Carlo summary and
/// yearly cash flows (table `scenario_results` and `scenario_cash_flows`, migration 0002_business_case).
public struct StoredScenarioResult: Hashable, Sendable, CarriesScenarioMetrics {
    /// One year of the scenario's cash flow.
    public struct Year: Hashable, Sendable {
        public var year: Int
        public var passingsInService: Double
        public var subscribers: Double
        public var revenue: Double
        public var opex: Double
        public var capex: Double
        public var netCashFlow: Double
        public var debtService: Double
        /// Debt-service coverage ratio; nil in years without debt service.
        public var debtServiceCoverage: Double?

        public init(
            year: Int, passingsInService: Double, subscribers: Double, revenue: Double, opex: Double,
            capex: Double, netCashFlow: Double, debtService: Double, debtServiceCoverage: Double?
        ) {
            self.year = year; self.passingsInService = passingsInService; self.subscribers = subscribers
            self.revenue = revenue; self.opex = opex; self.capex = capex; self.netCashFlow = netCashFlow
            self.debtService = debtService; self.debtServiceCoverage = debtServiceCoverage
        }
    }

    public var scenario: String
    public var label: String
    /// retail, wholesale or subsidy.
    public var kind: String
    public var metrics: ScenarioMetrics
    public var monteCarloDraws: Int
    public var monteCarloSeed: UInt64
    public var p10: Double
    public var p50: Double
    public var p90: Double
    public var probabilityNPVNegative: Double
    public var years: [Year]

    public init(
        scenario: String, label: String, kind: String, metrics: ScenarioMetrics, monteCarloDraws: Int,
        monteCarloSeed: UInt64, p10: Double, p50: Double, p90: Double, probabilityNPVNegative: Double, years: [Year]
    ) {
        self.scenario = scenario; self.label = label; self.kind = kind; self.metrics = metrics
        self.monteCarloDraws = monteCarloDraws; self.monteCarloSeed = monteCarloSeed; self.p10 = p10; self.p50 = p50
        self.p90 = p90; self.probabilityNPVNegative = probabilityNPVNegative; self.years = years
    }
}
