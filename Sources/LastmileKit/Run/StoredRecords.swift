import Analysis
import RunStore

extension StoredAreaResult {
    /// With the area's business-case plan, its metrics (passings, take, cost, need, phase) go into metrics_json.
    init(_ r: AreaResult, plan: AreaPlan?) {
        self.init(r)
        if let plan { metrics = ResultColumns.planMetrics(plan) }
    }

    init(_ r: AreaResult) {
        self.init(
            areaID: r.id.rawValue, name: r.name, locations: r.counts.locations, unserved: r.counts.unserved,
            underserved: r.counts.underserved, served: r.counts.served,
            households: r.households.map(Double.init), noInternetShare: r.noInternetShare,
            medianIncome: r.medianHouseholdIncome,
            metrics: [:])
    }
}

extension StoredScenarioResult {
    init(_ s: ScenarioResult) {
        self.init(
            scenario: s.definition.name, label: s.definition.label, kind: s.definition.kind.rawValue,
            metrics: s.metrics, monteCarloDraws: s.monteCarlo.draws,
            monteCarloSeed: s.monteCarlo.seed, p10: s.monteCarlo.p10, p50: s.monteCarlo.p50, p90: s.monteCarlo.p90,
            probabilityNPVNegative: s.monteCarlo.probabilityNPVNegative,
            years: s.years.map {
                Year(
                    year: $0.year, passingsInService: $0.passingsInService, subscribers: $0.subscribers,
                    revenue: $0.revenue, opex: $0.opex, capex: $0.capex, netCashFlow: $0.netCashFlow,
                    debtService: $0.debtService, debtServiceCoverage: $0.debtServiceCoverage)
            })
    }
}
