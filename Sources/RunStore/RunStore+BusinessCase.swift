import Foundation
import GeoModel

extension RunStore {
    /// Records a run's business-case scenarios and their yearly cash flows in one transaction:
    /// either every row is stored or none is.
    /// - Throws: `.failed` for a number that is not finite (SQLite would store NULL or fail).
    public func recordScenarioResults(_ results: [StoredScenarioResult], for run: RunID) throws {
        try database.transaction {
            let insert = try database.prepare(
                """
                INSERT INTO scenario_results (run_id, scenario, position, label, kind, capex, npv, irr, payback_years,
                    discounted_payback_years, break_even_take_rate, bond_amount, min_dscr, mc_draws, mc_seed,
                    mc_p10, mc_p50, mc_p90, mc_probability_negative)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let year = try database.prepare(
                """
                INSERT INTO scenario_cash_flows (run_id, scenario, year, passings_in_service, subscribers, revenue, opex,
                    capex, net_cash_flow, debt_service, dscr)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (position, r) in results.enumerated() {
                let numbers: [Double?] = [
                    r.capex, r.npv, r.irr, r.paybackYears, r.discountedPaybackYears, r.breakEvenTakeRate,
                    r.bondAmount, r.minimumDebtServiceCoverage, r.p10, r.p50, r.p90, r.probabilityNPVNegative,
                ]
                if numbers.contains(where: { $0.map { !$0.isFinite } ?? false }) {
                    throw LastmileError.failed(
                        "\(path): scenario '\(r.scenario)' has a number that is not finite and cannot be stored")
                }
                try insert.run([
                    .text(run.rawValue), .text(r.scenario), .integer(Int64(position)), .text(r.label), .text(r.kind),
                    .real(r.capex), .real(r.npv), .optional(r.irr), .optional(r.paybackYears),
                    .optional(r.discountedPaybackYears), .optional(r.breakEvenTakeRate), .real(r.bondAmount),
                    .optional(r.minimumDebtServiceCoverage), .integer(Int64(r.monteCarloDraws)),
                    .text(String(r.monteCarloSeed)), .real(r.p10), .real(r.p50), .real(r.p90),
                    .real(r.probabilityNPVNegative),
                ])
                for y in r.years {
                    let values = [
                        y.passingsInService, y.subscribers, y.revenue, y.opex, y.capex, y.netCashFlow, y.debtService,
                    ]
                    if values.contains(where: { !$0.isFinite }) || !(y.debtServiceCoverage?.isFinite ?? true) {
                        throw LastmileError.failed(
                            "\(path): scenario '\(r.scenario)' year \(y.year) has a number that is not finite")
                    }
                    try year.run([
                        .text(run.rawValue), .text(r.scenario), .integer(Int64(y.year)), .real(y.passingsInService),
                        .real(y.subscribers), .real(y.revenue), .real(y.opex), .real(y.capex), .real(y.netCashFlow),
                        .real(y.debtService), .optional(y.debtServiceCoverage),
                    ])
                }
            }
        }
    }

    /// The run's scenarios in the order they were recorded, each with its years in order.
    public func scenarioResults(_ run: RunID) throws -> [StoredScenarioResult] {
        var results = try database.query(
            """
            SELECT scenario, label, kind, capex, npv, irr, payback_years, discounted_payback_years, break_even_take_rate,
                   bond_amount, min_dscr, mc_draws, mc_seed, mc_p10, mc_p50, mc_p90, mc_probability_negative
            FROM scenario_results WHERE run_id = ? ORDER BY position
            """, [.text(run.rawValue)]
        ) { row in
            StoredScenarioResult(
                scenario: row.text(0) ?? "", label: row.text(1) ?? "", kind: row.text(2) ?? "",
                metrics: ScenarioMetrics(
                    capex: row.real(3) ?? 0, npv: row.real(4) ?? 0, irr: row.real(5), paybackYears: row.real(6),
                    discountedPaybackYears: row.real(7), breakEvenTakeRate: row.real(8), bondAmount: row.real(9) ?? 0,
                    minimumDebtServiceCoverage: row.real(10)),
                monteCarloDraws: Int(row.integer(11) ?? 0), monteCarloSeed: UInt64(row.text(12) ?? "") ?? 0,
                p10: row.real(13) ?? 0, p50: row.real(14) ?? 0, p90: row.real(15) ?? 0,
                probabilityNPVNegative: row.real(16) ?? 0, years: [])
        }
        for i in results.indices {
            results[i].years = try database.query(
                """
                SELECT year, passings_in_service, subscribers, revenue, opex, capex, net_cash_flow, debt_service, dscr
                FROM scenario_cash_flows WHERE run_id = ? AND scenario = ? ORDER BY year
                """, [.text(run.rawValue), .text(results[i].scenario)]
            ) { row in
                StoredScenarioResult.Year(
                    year: Int(row.integer(0) ?? 0), passingsInService: row.real(1) ?? 0, subscribers: row.real(2) ?? 0,
                    revenue: row.real(3) ?? 0, opex: row.real(4) ?? 0, capex: row.real(5) ?? 0,
                    netCashFlow: row.real(6) ?? 0, debtService: row.real(7) ?? 0, debtServiceCoverage: row.real(8))
            }
        }
        return results
    }
}
