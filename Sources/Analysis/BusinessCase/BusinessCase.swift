import Foundation
import GeoModel

/// The municipal-ISP business case of a study: per-area demand, cost, need and phases, and each
/// scenario's cash flows, metrics, tornado and Monte Carlo. Values in, values out; deterministic
/// for a given seed.
public struct BusinessCase: Hashable, Sendable {
    public var parameters: BusinessCaseParameters
    /// The reference income (demand.reference_income, else the household-weighted mean of median incomes).
    public var referenceIncome: Double?
    /// Every area in priority order (built or not).
    public var areas: [AreaPlan]
    public var scenarios: [ScenarioResult]

    /// The scenarios evaluated: the study's, or one retail scenario when it defines none.
    public static func scenarioList(_ p: BusinessCaseParameters) -> [ScenarioDefinition] {
        p.scenarios.isEmpty
            ? [ScenarioDefinition(name: "retail", label: "Retail municipal ISP", kind: .retail)] : p.scenarios
    }

    /// Evaluates the business case.
    public static func evaluate(areas input: [BusinessCaseArea], parameters p: BusinessCaseParameters) -> BusinessCase {
        let reference = p.demand.referenceIncome ?? TakeRateModel.referenceIncome(input)
        var modifiers: [String: Double] = [:]
        var plans: [AreaPlan] = []
        let eligibleOnly = p.plan.build == .eligibleLocations
        let needs = NeedScore.scores(input.map(\.needIndicators), weights: p.need)
        for (a, need) in zip(input, needs) {
            // Eligible locations only: the unserved and underserved share of the passings, costed by that share
            // of the area's plant; their take sees no served competitor.
            let eligibleShare = eligibleOnly ? (a.counts.unservedOrUnderservedShare ?? 0) : 1
            let passings = eligibleOnly ? Int((Double(a.passings) * eligibleShare).rounded()) : a.passings
            var demandArea = a
            if eligibleOnly {
                demandArea.counts = ClassCounts(unserved: a.counts.unserved, underserved: a.counts.underserved)
            }
            let adjustments = TakeRateModel.adjustments(demandArea, p.demand, arpu: p.finance.arpu)
            let mod = adjustments.combined
            modifiers[a.id.rawValue] = mod
            let estimate = CostToPass.estimate(a, p.cost)
            let contingency = 1 + p.cost.contingency
            let perPassing = estimate.perPassing * contingency
            let passCapex = perPassing * Double(passings)
            var plan = AreaPlan(
                id: a.id, name: a.name, passings: passings, householdDensity: a.householdDensity,
                takeRate: TakeRateModel.takeRate(base: p.demand.takeRate, modifier: mod),
                costToPassPerPassing: perPassing, passCapex: passCapex,
                needScore: need.score ?? 0,
                costPerUnservedLocation: a.counts.unserved > 0 ? passCapex / Double(a.counts.unserved) : nil,
                phase: nil, subscribersAtHorizon: 0)
            plan.need = need
            plan.takeAdjustments = adjustments
            plan.costBasis = estimate.basis
            plan.routeMiles = estimate.routeMiles
            plan.hubCapex = Double(passings) * p.cost.hubElectronicsPerPassing * contingency
            plan.makeReadyCapex =
                (estimate.routeMiles ?? 0) * (1 - p.cost.undergroundShare) * p.cost.makeReadyPerAerialMile
                * contingency * eligibleShare
            plan.servedShare = a.counts.locations > 0 ? Double(a.counts.served) / Double(a.counts.locations) : 0
            plan.servedPassings = eligibleOnly ? 0 : Int((Double(a.passings) * plan.servedShare).rounded())
            plans.append(plan)
        }
        let byID = Dictionary(uniqueKeysWithValues: input.map { ($0.id, $0) })
        // Candidates: areas with unserved or underserved locations whose served share is at most
        // plan.max_served_share; plan.include_served_areas builds every area.
        let include = p.plan.includeServedAreas
        plans = Prioritisation.assignPhases(
            plans,
            candidate: { plan in
                include
                    || (plan.servedShare <= p.plan.maxServedShare
                        && (byID[plan.id].map { $0.counts.unservedOrUnderserved > 0 } ?? false))
            }, budget: p.plan.capitalBudget, phases: p.plan.phases)

        let h = p.finance.horizonYears
        for i in plans.indices {
            guard let year = plans[i].buildYear, year < h else { continue }
            let passings = Double(plans[i].passings) * pow(1 + p.demand.householdGrowth, Double(h))
            plans[i].subscribersAtHorizon =
                passings * plans[i].takeRate * p.demand.adoption.cumulative(at: Double(h - year))
        }

        let model = ProjectModel(plans: plans, modifiers: modifiers, parameters: p)
        let results = scenarioList(p).map { evaluate(ScenarioEvaluator(model: model, scenario: $0, parameters: p)) }
        return BusinessCase(parameters: p, referenceIncome: reference, areas: plans, scenarios: results)
    }

    static func evaluate(_ e: ScenarioEvaluator) -> ScenarioResult {
        let p = e.parameters
        let base = p.demand.takeRate
        let years = e.years(baseTake: base)
        let flows = years.map(\.netCashFlow)
        let rate = p.finance.discountRate
        let capex = years.reduce(0) { $0 + $1.capex }
        let tornado = RiskDriver.allCases.map { driver -> TornadoBar in
            let range = p.risk.ranges[driver] ?? 0.8...1.2
            return TornadoBar(
                driver: driver, lowMultiplier: range.lowerBound, highMultiplier: range.upperBound,
                npvAtLow: e.npv(baseTake: base, DriverMultipliers(driver, range.lowerBound)),
                npvAtHigh: e.npv(baseTake: base, DriverMultipliers(driver, range.upperBound)))
        }.sorted { $0.swing != $1.swing ? $0.swing > $1.swing : $0.driver < $1.driver }
        let grant = years.reduce(0) { $0 + $1.grant }
        let bond = e.bond(capital: capex, grant: grant)
        var cumulative: [Double] = []
        var cash = 0.0
        for y in years {
            cash += y.netCashFlow - y.debtService + bond.proceeds(year: y.year)
            cumulative.append(cash)
        }
        var result = ScenarioResult(
            definition: e.scenario, years: years,
            metrics: ScenarioMetrics(
                capex: capex, npv: FinancialMath.npv(rate: rate, cashFlows: flows),
                irr: FinancialMath.irr(cashFlows: flows),
                // Nothing built, nothing to pay back.
                paybackYears: capex > 0 ? FinancialMath.payback(cashFlows: flows) : nil,
                discountedPaybackYears: capex > 0 ? FinancialMath.discountedPayback(rate: rate, cashFlows: flows) : nil,
                breakEvenTakeRate: e.breakEvenTakeRate(), bondAmount: bond.principal,
                minimumDebtServiceCoverage: years.compactMap(\.debtServiceCoverage).min()),
            tornado: tornado, monteCarlo: monteCarlo(e))
        result.grant = grant
        result.bond = bond
        result.fundingGap = e.fundingGap()
        result.debtServiceCoverage = CoverageTest(
            years: years.compactMap { y in y.debtServiceCoverage.map { (y.year, $0) } },
            covenant: p.finance.dscrCovenant)
        result.generalFundExposure = GeneralFundExposure(cumulative: cumulative)
        return result
    }

    /// Seeded Monte Carlo. Each draw: standard normals for take rate and ARPU correlated at
    /// `risk.takeARPUCorrelation`; one per capital component (cost to pass, hub, make-ready, middle mile,
    /// connections, acquisition) sharing a common factor so that any two correlate at `risk.costCorrelation`;
    /// opex independent. Each normal becomes a uniform through Φ and then a triangular(low, 1, high)
    /// multiplier from that driver's range (a Gaussian copula on triangular marginals).
    static func monteCarlo(_ e: ScenarioEvaluator) -> MonteCarloSummary {
        let p = e.parameters
        var rng = RandomSource(seed: p.risk.seed)
        var npvs: [Double] = []
        npvs.reserveCapacity(p.risk.draws)
        func factor(_ driver: RiskDriver, _ z: Double) -> Double {
            let r = p.risk.ranges[driver] ?? 0.8...1.2
            return RandomSource.triangularQuantile(
                RandomSource.normalCDF(z), low: r.lowerBound, mode: 1, high: r.upperBound)
        }
        let rho = max(-1, min(1, p.risk.takeARPUCorrelation))
        let common = max(0, min(1, p.risk.costCorrelation))
        for _ in 0..<p.risk.draws {
            var m = DriverMultipliers()
            let zTake = rng.normal()
            let zARPU = rho * zTake + (1 - rho * rho).squareRoot() * rng.normal()
            m.takeRate = factor(.takeRate, zTake)
            m.arpu = factor(.arpu, zARPU)
            m.opex = factor(.opex, rng.normal())
            let zCommon = rng.normal()
            func component() -> Double {
                factor(.cost, common.squareRoot() * zCommon + (1 - common).squareRoot() * rng.normal())
            }
            m.costToPass = component()
            m.hubElectronics = component()
            m.makeReady = component()
            m.middleMile = component()
            m.connection = component()
            m.customerAcquisition = component()
            npvs.append(e.npv(baseTake: p.demand.takeRate, m))
        }
        npvs.sort()
        let n = Double(max(1, npvs.count))
        var summary = MonteCarloSummary(
            draws: npvs.count, seed: p.risk.seed,
            p10: RandomSource.quantile(sorted: npvs, 0.1), p50: RandomSource.quantile(sorted: npvs, 0.5),
            p90: RandomSource.quantile(sorted: npvs, 0.9), mean: npvs.reduce(0, +) / n,
            probabilityNPVNegative: Double(npvs.filter { $0 < 0 }.count) / n, sortedNPVs: npvs)
        summary.takeARPUCorrelation = rho
        summary.costCorrelation = common
        return summary
    }
}
