import Analysis
import Charts
import Foundation
import GeoModel
import Graphics
import Maps
import Reports

/// The business-case section of the report and its phases map, from a run's business case.
enum BusinessCaseReport {
    /// Choropleth of build phases: areas coloured by phase 1…n, phase 1 (built first) darkest and each
    /// later phase lighter (ColorBrewer Blues reversed), areas not built hatched.
    static func phasesMap(_ c: StudyRunner.Computed, study: Study, measurer: some TextMeasurer) throws -> MapDrawing {
        try phasesChoropleth(c, study: study).draw(size: RunReport.mapCanvas, measurer: measurer)
    }

    /// The phases map's areas, classes and legend (the report's map and the atlas's layer).
    static func phasesChoropleth(_ c: StudyRunner.Computed, study: Study) -> ChoroplethMap {
        let phases = Dictionary(uniqueKeysWithValues: c.businessCase.areas.map { ($0.id, $0.phase.map(Double.init)) })
        let areas = c.areas.map { MapArea(id: $0.id, geometry: $0.geometry, value: phases[$0.id] ?? nil) }
        let n = max(1, c.businessCase.parameters.plan.phases)
        var map = ChoroplethMap(
            title: "Build phases",
            subtitle:
                "Areas in priority order (need score, then cost per unserved location), split into \(n) yearly phases",
            areas: areas, scheme: .manual((1...n).map(Double.init)), classCount: n, palette: .blues.reversed,
            valueFormat: .number(decimals: 0, unit: nil), legendTitle: "Build phase",
            areaNoun: RunReport.noun(study.areaKind),
            source: RunReport.sourceLine(c, study: study))
        // Phases are categories, not ranges: phase k is built in year k − 1.
        map.classLabels = (1...n).map { "Phase \($0) (year \($0 - 1))" }
        map.noDataLabel = "Not built"
        RunReport.withContext(&map, c)
        return map
    }

    static func content(_ c: StudyRunner.Computed, study: Study, phasesMap: DisplayList?) -> BusinessCaseContent {
        let bc = c.businessCase
        let p = bc.parameters
        let scenarios = bc.scenarios.map { s in
            var out = BusinessCaseContent.Scenario(
                label: s.definition.label, kind: s.definition.kind.rawValue, metrics: s.metrics,
                netCashFlows: s.cashFlows, subscribers: s.years.map(\.subscribers),
                tornado: s.tornado.map {
                    .init(
                        label: "\($0.driver.label) (×\(trim($0.lowMultiplier)) / ×\(trim($0.highMultiplier)))",
                        npvAtLow: $0.npvAtLow, npvAtHigh: $0.npvAtHigh)
                },
                p10: s.monteCarlo.p10, p50: s.monteCarlo.p50, p90: s.monteCarlo.p90,
                probabilityNPVNegative: s.monteCarlo.probabilityNPVNegative, draws: s.monteCarlo.draws,
                seed: s.monteCarlo.seed, monteCarloNPVs: s.monteCarlo.sortedNPVs)
            out.capital = s.capitalTotals.lines.map { .init(label: $0.label, amount: $0.amount) }
            out.grant = s.grant
            out.takeARPUCorrelation = s.monteCarlo.takeARPUCorrelation
            out.costCorrelation = s.monteCarlo.costCorrelation
            out.fundingGap = s.fundingGap?.total
            out.fundingGapPerPassing = s.fundingGap?.perPassing
            out.maximumDebtServiceCoverage = s.debtServiceCoverage.maximum
            out.dscrCovenant = s.debtServiceCoverage.covenant
            out.debtServiceYears = s.debtServiceCoverage.years.count
            out.yearsBelowCovenant = s.debtServiceCoverage.yearsBelowCovenant
            out.generalFundExposure = s.generalFundExposure.worst
            out.generalFundExposureYear = s.generalFundExposure.worstYear
            return out
        }
        let built = bc.areas.filter { $0.phase != nil }
        let phases = (1...max(1, p.plan.phases)).map { phase -> BusinessCaseContent.Phase in
            let areas = built.filter { $0.phase == phase }
            return .init(
                phase: phase, areas: areas.count, passings: areas.reduce(0) { $0 + $1.passings },
                costToPass: areas.reduce(0) { $0 + $1.passCapex })
        }
        let h = p.finance.horizonYears
        var content = BusinessCaseContent(
            scenarios: scenarios, horizonYears: h, discountRate: p.finance.discountRate, takeRate: p.demand.takeRate,
            adoptionCurve: (0...h).map { p.demand.adoption.cumulative(at: Double($0)) }, phases: phases,
            areasNotBuilt: bc.areas.count - built.count, phasesMap: phasesMap,
            phasesMapCaption:
                "Phase k is built in year k − 1 of the plan; the darker, the sooner. Hatched (“Not built”): no unserved or underserved locations, or beyond the capital budget.",
            parameters: study.businessCase.lines.map { line in
                // The computed reference income, when the study leaves it to the data.
                if line.key == "demand.reference_income", p.demand.referenceIncome == nil, let r = bc.referenceIncome {
                    return .init(
                        key: line.key, value: MoneyFormatting.dollars(r), source: line.value + " (" + line.source + ")")
                }
                if line.key == "demand.household_growth", let trend = c.householdTrend {
                    return .init(key: line.key, value: String(format: "%.6f", p.demand.householdGrowth), source: trend)
                }
                return .init(key: line.key, value: line.value, source: line.source)
            },
            methodParagraphs: method(bc))
        content.eligibleLocationsOnly = p.plan.build == .eligibleLocations
        content.maxServedShare = p.plan.maxServedShare
        content.includeServedAreas = p.plan.includeServedAreas
        content.servedPassingsBuilt = built.reduce(0) { $0 + $1.servedPassings }
        let counts = Dictionary(uniqueKeysWithValues: c.join.results.map { ($0.id, $0.counts) })
        content.areasOverServedShare =
            p.plan.includeServedAreas
            ? 0
            : bc.areas.filter { a in
                a.phase == nil && a.servedShare > p.plan.maxServedShare
                    && (counts[a.id].map { $0.unservedOrUnderserved > 0 } ?? false)
            }.count
        return content
    }

    /// The take rate and adoption curve in words.
    static func demandParagraph(_ p: BusinessCaseParameters) -> String {
        let d = p.demand
        let curve: String
        switch d.adoption {
        case .ramp(let shares):
            curve =
                "the ramp demand.ramp: \(shares.map { NumberFormatting.percent($0, decimals: 0) }.joined(separator: ", ")) of the terminal take at the end of years 1, 2, … after the area is lit, then the last share"
        case .bass(let b):
            curve =
                "the Bass curve F(t) = (1 − e^{−(p+q)t}) / (1 + (q/p)e^{−(p+q)t}), p = \(String(format: "%.4f", b.p)), q = \(String(format: "%.4f", b.q))"
        }
        return
            "Terminal take rate per area = demand.take_rate × (1 + demand.unserved_uplift × unserved share) × (1 − demand.competitor_penalty × share already served at 100/20) × (ARPU ÷ demand.reference_price)^demand.price_elasticity\(d.takeRateBasis == .densityGroup ? " × the area's Cartesian 2019 assumed penetration ÷ the densest group's 45 % (demand.take_rate_basis = density_group: 50, 60 and 70 % groups get × 1.111, 1.333, 1.556; below 63/mi² D1's)" : ""), clamped to 0–100 %; each factor is a column of results.csv (unserved_factor, competition_factor, price_factor, density_factor). The price factor at finance.arpu \(MoneyFormatting.dollars(p.finance.arpu)) against \(MoneyFormatting.dollars(d.referencePrice)) is \(String(format: "%.4f", TakeRateModel.priceFactor(arpu: p.finance.arpu, d))). Subscribers in year t = passings(t) × take × F(t − build year), with \(curve)."
    }

    /// The cost method in words, with the index and which areas were extrapolated.
    static func costParagraph(_ p: BusinessCaseParameters) -> String {
        let c = p.cost
        let groups = CostToPass.cartesian2019.compactMap { g -> String? in
            guard let cost = g.averageCost else { return nil }
            let range =
                g.upperBound.map {
                    "\(NumberFormatting.grouped(Int(g.lowerBound)))–\(NumberFormatting.grouped(Int($0)))"
                }
                ?? "≥ \(NumberFormatting.grouped(Int(g.lowerBound)))"
            return "\(g.name) \(MoneyFormatting.dollars(cost)) (\(range))"
        }.joined(separator: ", ")
        let index = "× cost.construction_cost_index \(trim(c.constructionCostIndex)) (2019 to today's dollars)"
        let route =
            "route miles × 5,280 ft × the blended cost per foot (underground share × underground $/ft + the rest × aerial $/ft, today's dollars, no index); route miles are the road centreline length inside each area when inputs.roads names a road layer (classes cost.road_classes; a road along an area edge counts half to each side), else \(c.routeFactor) × √(passings × square miles) (Beardwood–Halton–Hammersley)"
        let method =
            c.method == .density
            ? "the average of the Cartesian 2019 household-density group the area falls in (households per square mile of land; no interpolation between groups): \(groups), \(index). The study does not price its sparsest group (below 63 households per square mile): there the route model is used when a road layer gives measured miles; otherwise the cost is EXTRAPOLATED from a least-squares line cost = \(NumberFormatting.grouped(CostToPass.extrapolation.intercept, decimals: 1)) \(CostToPass.extrapolation.slope < 0 ? "−" : "+") \(NumberFormatting.grouped(abs(CostToPass.extrapolation.slope), decimals: 1)) × ln(density) through groups B, C and D1 at their groups' geometric-mean densities, \(index), and marked \"extrapolated\" in results.csv (cost_basis)"
            : route
        return
            "Cost to pass per passing: \(method); plus cost.contingency. Other capital, each its own line of the cash flow: hub, OLT and cabinets per passing in the build year; pole make-ready per aerial route mile (route-costed areas only, since Cartesian's group averages are whole-plant costs); the middle mile in year 0; per new subscriber the drop and ONT plus subscriber electronics (all with contingency) and customer acquisition; and every cost.electronics_refresh_years the refresh share of the electronics bought that many years before. The fixed yearly overhead (finance.opex_fixed_year) is operating cost from year 1."
    }

    static func trim(_ d: Double) -> String {
        d == d.rounded() ? String(Int(d)) : String(format: "%g", d)
    }

    /// How the need score is made: its indicators with their weights, the scale, and what a missing one does.
    static func needParagraph(_ p: BusinessCaseParameters) -> String {
        let weighted = NeedIndicator.allCases.filter { p.need[$0] > 0 }
        let unused = NeedIndicator.allCases.filter { p.need[$0] == 0 }
        let parts = weighted.map { "\($0.label) \(trim(p.need[$0])) (need.\($0.rawValue))" }
        var text =
            "Areas are ranked by a need score: each indicator is put on one scale, its percentile rank among the study's areas "
        text +=
            "((areas below + half the areas equal) ÷ areas, so 1 is the neediest), and the score is 100 × the weighted mean of "
        text += "the ranks: " + parts.joined(separator: ", ") + ". "
        text +=
            "An area that lacks an indicator (no speed tests, no ACS row) is scored on the others with their weights rescaled, "
        text +=
            "and results.csv names what it lacks (need_indicators_missing); speed tests count with at least evidence.min_tests tests. "
        if !unused.isEmpty { text += "Left out (weight 0): " + unused.map(\.label).joined(separator: ", ") + ". " }
        return text + "Ties are broken by cost to pass per unserved location."
    }

    static func method(_ bc: BusinessCase) -> [String] {
        let p = bc.parameters
        return [
            "Passings are the distinct locations in the availability files whose business/residential code is a passing code (demand.residential). Passings grow at demand.household_growth a year (with demand.households_earlier, the compound yearly rate of ACS households between the two tables, unless the study sets the growth itself).",
            demandParagraph(p),
            costParagraph(p),
            needParagraph(p)
                + " Areas with unserved or underserved locations are taken in that order while their cost to pass fits plan.capital_budget, and split into plan.phases yearly phases of about equal capital; phase k is built in year k − 1 and serves from year k.",
            "Retail: revenue = subscribers × (1 − churn/2) × ARPU × 12; opex = subscribers × opex per subscriber × 12 + passings in service × opex per passing + fixed opex. Wholesale: revenue = lease fees per subscriber and per passing; the city carries the same opex and capital. Subsidy: the city pays capital_contribution of the partner's capital and receives revenue_share of its retail revenue. NPV = Σ CF_t ÷ (1 + r)^t over years 0–\(p.finance.horizonYears); IRR is found by bracketing and bisection (none when the cash flows never change sign); paybacks interpolate within the year; a bond of bond_share × capital at bond_rate over bond_term_years gives level debt service, and coverage = (revenue − opex) ÷ debt service. The break-even take rate is the demand.take_rate at which the NPV is zero (bisection).",
            "Grants: finance.grant plus finance.grant_per_passing × passings built, received in every scenario in step with the cost to pass (each build year's share of it). The funding gap is the total grant that makes a scenario's NPV zero: the NPV is linear in the grant, so gap = −NPV without a grant ÷ Σ wₜ/(1 + r)ᵗ, wₜ the year's share of the cost to pass; it is also shown per passing built. The bond finances bond_share × (capital − grant), plus finance.capitalized_interest_years of interest during construction (debt service then starts after them) and, with finance.debt_service_reserve, one year's debt service held in reserve and released in the last year. Debt-service coverage is tested every year against finance.dscr_covenant (\(NumberFormatting.grouped(p.finance.dscrCovenant, decimals: 2))×). General-fund exposure: the cumulative cash after debt service (bond proceeds in year 0, then revenue + grant − opex − capital − debt service each year); its lowest point is what the city's general fund would have to carry.",
            "Tornado: each driver alone at its low and high multiplier (risk.*_range); the cost driver scales every capital component. Monte Carlo: \(NumberFormatting.grouped(p.risk.draws)) draws with seed \(p.risk.seed) (SplitMix64). Each draw takes standard normals (Box–Muller) for take rate and ARPU correlated at risk.take_arpu_correlation (\(NumberFormatting.grouped(p.risk.takeARPUCorrelation, decimals: 2))), one per capital component (cost to pass, hub, make-ready, middle mile, connections, acquisition; the refresh follows the electronics it replaces) sharing a common factor so that any two correlate at risk.cost_correlation (\(NumberFormatting.grouped(p.risk.costCorrelation, decimals: 2))), and one for opex; each normal becomes a uniform through the normal CDF and then a triangular(low, 1, high) multiplier from its range (a Gaussian copula). Percentiles interpolate between order statistics.",
        ]
    }
}
