import Analysis
import Foundation

/// The business case in run.json: `scenarios` (name, kind, capex, npv, irr, payback_years,
/// break_even_take_rate, cash_flows, …; `null` where a number does not exist) and `monte_carlo`.
enum BusinessCaseJSON {
    static func number(_ d: Double?) -> Any { d.flatMap { $0.isFinite ? $0 : nil } ?? NSNull() }

    static func scenario(_ s: ScenarioResult) -> [String: Any] {
        [
            "name": s.definition.name,
            "label": s.definition.label,
            "kind": s.definition.kind.rawValue,
            "capex": number(s.capex),
            "npv": number(s.npv),
            "irr": number(s.irr),
            "payback_years": number(s.paybackYears),
            "discounted_payback_years": number(s.discountedPaybackYears),
            "break_even_take_rate": number(s.breakEvenTakeRate),
            "bond_amount": number(s.bondAmount),
            "bond_capitalized_interest": number(s.bond.capitalizedInterest),
            "bond_debt_service_reserve": number(s.bond.reserve),
            "minimum_dscr": number(s.minimumDebtServiceCoverage),
            "maximum_dscr": number(s.debtServiceCoverage.maximum),
            "dscr_covenant": s.debtServiceCoverage.covenant,
            "years_below_dscr_covenant": s.debtServiceCoverage.yearsBelowCovenant,
            "grant": number(s.grant),
            "funding_gap": number(s.fundingGap?.total),
            "funding_gap_per_passing": number(s.fundingGap?.perPassing),
            "general_fund_exposure": number(s.generalFundExposure.worst),
            "general_fund_exposure_year": s.generalFundExposure.worstYear.map { $0 as Any } ?? NSNull(),
            "cash_flows": s.years.map { number($0.netCashFlow) },
            "capital_totals": capital(s.capitalTotals),
            "years": s.years.map { y -> [String: Any] in
                [
                    "year": y.year, "passings_in_service": number(y.passingsInService),
                    "subscribers": number(y.subscribers),
                    "revenue": number(y.revenue), "opex": number(y.opex), "capex": number(y.capex),
                    "capital": capital(y.capital), "grant": number(y.grant),
                    "net_cash_flow": number(y.netCashFlow), "debt_service": number(y.debtService),
                    "dscr": number(y.debtServiceCoverage),
                    "cumulative_cash_after_debt_service": number(s.generalFundExposure.cumulative[y.year]),
                ]
            },
            "tornado": s.tornado.map { t -> [String: Any] in
                [
                    "driver": t.driver.rawValue, "low_multiplier": t.lowMultiplier, "high_multiplier": t.highMultiplier,
                    "npv_at_low": number(t.npvAtLow), "npv_at_high": number(t.npvAtHigh),
                ]
            },
            "monte_carlo": monteCarlo(s.monteCarlo, scenario: s.definition.name),
        ]
    }

    /// Each capital component by its run.json name.
    static func capital(_ c: CapitalLines) -> [String: Any] {
        Dictionary(uniqueKeysWithValues: c.lines.map { ($0.key, number($0.amount)) })
    }

    static func monteCarlo(_ m: MonteCarloSummary, scenario: String) -> [String: Any] {
        [
            "scenario": scenario, "p10": number(m.p10), "p50": number(m.p50), "p90": number(m.p90),
            "mean": number(m.mean),
            "probability_npv_negative": m.probabilityNPVNegative, "draws": m.draws, "seed": m.seed,
        ]
    }

    /// The Monte Carlo of the first retail scenario (else the first scenario).
    static func headlineMonteCarlo(_ bc: BusinessCase) -> Any {
        guard let s = bc.scenarios.first(where: { $0.definition.kind == .retail }) ?? bc.scenarios.first else {
            return NSNull()
        }
        return monteCarlo(s.monteCarlo, scenario: s.definition.name)
    }

    static func overview(_ bc: BusinessCase) -> [String: Any] {
        let built = bc.areas.filter { $0.phase != nil }
        return [
            "reference_income": number(bc.referenceIncome),
            "areas_built": built.count,
            "build": bc.parameters.plan.build.rawValue,
            "max_served_share": bc.parameters.plan.maxServedShare,
            "served_passings_built": built.reduce(0) { $0 + $1.servedPassings },
            "passings_built": built.reduce(0) { $0 + $1.passings },
            "cost_to_pass": number(built.reduce(0) { $0 + $1.passCapex }),
            "areas": built.map { a -> [String: Any] in
                [
                    "area": a.id.rawValue, "passings": a.passings,
                    "build_year": a.buildYear.map { $0 as Any } ?? NSNull(),
                    "households_per_sq_mi": number(a.householdDensity), "route_miles": number(a.routeMiles),
                    "cost_basis": a.costBasis.label, "take_rate": number(a.takeRate),
                    "cost_to_pass": number(a.passCapex),
                    "hub_electronics": number(a.hubCapex), "make_ready": number(a.makeReadyCapex),
                ]
            },
            "phases": (1...max(1, bc.parameters.plan.phases)).map { phase -> [String: Any] in
                let areas = built.filter { $0.phase == phase }
                return [
                    "phase": phase, "build_year": phase - 1, "areas": areas.map(\.id.rawValue),
                    "cost_to_pass": number(areas.reduce(0) { $0 + $1.passCapex }),
                ]
            },
        ]
    }
}
