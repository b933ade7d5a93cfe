import Foundation
import GeoModel
import TestSupport
import Testing

@testable import RunStore

@Suite struct ScenarioResultStoreTests {
    static func sample() -> [StoredScenarioResult] {
        // Year t = 1, 2: revenue 7,800·t, opex 2,400·t, capex 8,000 → net 5,400·t − 8,000; year 0: −66,800.
        var years: [StoredScenarioResult.Year] = [
            StoredScenarioResult.Year(
                year: 0, passingsInService: 0, subscribers: 0, revenue: 0, opex: 0, capex: 66_800,
                netCashFlow: -66_800, debtService: 0, debtServiceCoverage: nil)
        ]
        for t in 1...2 {
            let k = Double(t)
            let net: Double = 5_400 * k - 8_000
            let coverage: Double = 5_400 * k / 4_915.5
            years.append(
                StoredScenarioResult.Year(
                    year: t, passingsInService: 100, subscribers: 10 * k, revenue: 7_800 * k,
                    opex: 2_400 * k, capex: 8_000, netCashFlow: net, debtService: 4_915.5,
                    debtServiceCoverage: coverage))
        }
        return [
            StoredScenarioResult(
                scenario: "retail", label: "Retail municipal ISP", kind: "retail",
                metrics: ScenarioMetrics(
                    capex: 82_800, npv: -12_345.678, irr: 0.031, paybackYears: 14.25, discountedPaybackYears: nil,
                    breakEvenTakeRate: 0.512345678901234, bondAmount: 82_800, minimumDebtServiceCoverage: 1.0986),
                monteCarloDraws: 10_000,
                monteCarloSeed: 20_261_128, p10: -40_000, p50: -12_000, p90: 15_000,
                probabilityNPVNegative: 0.7, years: years),
            StoredScenarioResult(
                scenario: "partner", label: "Partner", kind: "subsidy",
                metrics: ScenarioMetrics(
                    capex: 20_700, npv: -19_000, irr: nil, paybackYears: nil, discountedPaybackYears: nil,
                    breakEvenTakeRate: nil, bondAmount: 0, minimumDebtServiceCoverage: nil),
                monteCarloDraws: 100, monteCarloSeed: 7,
                p10: -21_000, p50: -19_000, p90: -17_000, probabilityNPVNegative: 1, years: []),
        ]
    }

    @Test func scenariosRoundTripAndReadBackWithSQLite() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("runs.sqlite")
        let store = try RunStore(path: path)
        #expect(try store.appliedMigrations().contains("0002_business_case"))
        let id = try store.beginRun(RunStoreTests.sampleStart())
        try store.recordScenarioResults(Self.sample(), for: id)
        #expect(try store.scenarioResults(id) == Self.sample())
        // Independent reader: the sqlite3 shell.
        #expect(
            try SQLiteShell.query(
                path,
                "select scenario, kind, npv, irr is null, break_even_take_rate from scenario_results order by position")
                == "retail|retail|-12345.678|0|0.512345678901234\npartner|subsidy|-19000.0|1|")
        #expect(
            try SQLiteShell.query(
                path,
                "select count(*), sum(net_cash_flow), sum(dscr is null) from scenario_cash_flows where scenario = 'retail'"
            )
                == "3|-66600.0|1")  // −66,800 + (5,400 − 8,000) + (10,800 − 8,000)
    }

    @Test func aNonFiniteNumberStoresNothing() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("runs.sqlite")
        let store = try RunStore(path: path)
        let id = try store.beginRun(RunStoreTests.sampleStart())
        var bad = Self.sample()
        bad[1].npv = .nan
        #expect(throws: LastmileError.self) { try store.recordScenarioResults(bad, for: id) }
        #expect(try SQLiteShell.query(path, "select count(*) from scenario_results") == "0")
        #expect(try SQLiteShell.query(path, "select count(*) from scenario_cash_flows") == "0")
    }
}
