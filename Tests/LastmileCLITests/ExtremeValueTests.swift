import Foundation
import Synchronization
import TestSupport
import Testing

/// Property: no numeric study value, however extreme, makes `lastmile run` trap. Every numeric key
/// gets ±1e308, the smallest subnormal, 0, 1e15, NaN and ±infinity through `--set`; each run ends
/// in 0 (the value is in range and every derived number stays finite; stderr only the base study's
/// warning) or 65 naming the key.
@Suite struct ExtremeValueTests {
    static let values = ["1e308", "-1e308", "5e-324", "0", "1e15", "nan", "inf", "-inf"]

    /// Every numeric key of the study file (BusinessCaseSettings, report.*), with the scenario kind a
    /// scenario key needs.
    static let keys: [(key: String, needs: String?)] =
        [
            "demand.take_rate", "demand.unserved_uplift", "demand.competitor_penalty", "demand.price_elasticity",
            "demand.reference_income", "demand.household_growth", "demand.households_earlier_years", "demand.bass_p",
            "demand.bass_q", "demand.churn", "cost.construction_cost_index", "cost.underground_share",
            "cost.underground_per_foot", "cost.aerial_per_foot", "cost.route_factor", "cost.drop_and_ont",
            "cost.electronics_per_subscriber", "cost.contingency", "finance.arpu", "finance.price_change",
            "finance.opex_per_subscriber_month", "finance.opex_per_passing_year", "finance.opex_fixed_year",
            "finance.discount_rate", "finance.horizon_years", "finance.bond_share", "finance.bond_rate",
            "finance.bond_term_years", "plan.capital_budget", "plan.phases", "risk.draws", "risk.seed",
            "report.suppression_threshold", "report.dpi",
        ].map { ($0, nil) } + [
            ("report.suppression_threshold", "report.public=true"),
            ("scenarios.r.arpu", "scenarios.r.kind=retail"),
            ("scenarios.r.opex_per_subscriber_month", "scenarios.r.kind=retail"),
            ("scenarios.r.opex_per_passing_year", "scenarios.r.kind=retail"),
            ("scenarios.r.opex_fixed_year", "scenarios.r.kind=retail"),
            ("scenarios.r.bond_share", "scenarios.r.kind=retail"),
            ("scenarios.w.wholesale_per_subscriber_month", "scenarios.w.kind=wholesale"),
            ("scenarios.w.wholesale_per_passing_month", "scenarios.w.kind=wholesale"),
            ("scenarios.s.capital_contribution", "scenarios.s.kind=subsidy"),
            ("scenarios.s.revenue_share", "scenarios.s.kind=subsidy"),
        ]

    @Test func everyNumericKeyAtEveryExtremeIsExit0Or65NamingTheKey() throws {
        let outDir = try TemporaryDirectory()
        let out = outDir.path
        let cases = Self.keys.flatMap { k in Self.values.map { (k.key, k.needs, $0) } }
        let failures = Mutex([String]())
        // Two runs at a time: the runs are independent and each is mostly single-threaded.
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            for (key, needs, value) in cases.enumerated().filter({ $0.offset % 2 == worker }).map(\.element) {
                var args = [
                    "run", BadInputCase.folder + "/base/study.toml", "--out", out, "--no-progress",
                    "--set", "\(key)=\(value)",
                ]
                if key != "risk.draws" { args += ["--set", "risk.draws=100"] }
                if let needs { args += ["--set", needs] }
                let problem: String?
                do {
                    // Unchecked run, checked here: issues are recorded once, from the test's own thread.
                    let r = try CommandLineRun.run(
                        CommandLineRun.lastmileExecutable, args,
                        in: TestPaths.repositoryRoot.path)
                    // 0 says only what every run of the base study says; 65 names the key.
                    let mismatches =
                        r.status == 65
                        ? r.mismatches(expecting: .exit(65), stderr: .containing("column '\(key)'"))
                        : r.mismatches(expecting: .success, stderr: .exactly(Warnings.baseStudy))
                    problem =
                        mismatches.isEmpty
                        ? nil
                        : mismatches.joined(separator: "; ") + ": \(r.stderr.prefix(300))"
                } catch {
                    problem = "\(error)"
                }
                if let problem { failures.withLock { $0.append("\(key)=\(value): \(problem)") } }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { $0 }.joined(separator: "\n"))")
    }
}
