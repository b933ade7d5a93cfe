import Foundation
import TestSupport
import Testing

/// The business case through `lastmile demo` / `run`: run.json's scenarios, the break-even rerun,
/// and parameter validation (exit 65 naming the key and its allowed range).
@Suite struct BusinessCaseCommandTests {
    static func runJSON(_ stdout: String) throws -> [String: Any] {
        let reportLine = try #require(stdout.split(separator: "\n").first { $0.hasPrefix("Outputs: ") })
        let dir = String(reportLine.dropFirst("Outputs: ".count))
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/run.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Settings under which the demo's retail scenario can break even (at the demo's own settings no take
    /// rate up to 100 % does): a higher price, no fixed overhead, all-aerial routes.
    static let paying = [
        "--set", "finance.arpu=95", "--set", "finance.opex_fixed_year=0", "--set", "cost.underground_share=0",
    ]

    @Test func breakEvenTakeRateRerunGivesZeroNPV() throws {
        let out = try TemporaryDirectory()
        let first = try CommandLineRun.lastmile(
            ["demo", "--out", out.path, "--no-progress", "--set", "risk.draws=200"] + Self.paying)
        #expect(first.stdout.contains("Business case:"))
        #expect(first.stdout.contains("Retail municipal ISP"))
        let json = try Self.runJSON(first.stdout)
        let scenarios = try #require(json["scenarios"] as? [[String: Any]])
        #expect(scenarios.map { $0["kind"] as? String } == ["retail", "wholesale", "subsidy"])
        let retail = scenarios[0]
        for key in ["name", "kind", "capex", "npv", "irr", "payback_years", "break_even_take_rate", "cash_flows"] {
            #expect(retail[key] != nil, "\(key)")
        }
        // The subsidy scenario never pays the city back: no break-even, printed as null.
        #expect(scenarios[2]["break_even_take_rate"] is NSNull)
        let flows = try #require(retail["cash_flows"] as? [Double])
        #expect(flows.count == 31)  // years 0…30 (demo horizon_years = 30)
        let mc = try #require(json["monte_carlo"] as? [String: Any])
        #expect(mc["draws"] as? Int == 200)
        #expect(mc["seed"] as? Int == 20_261_128)
        for key in ["p10", "p50", "p90", "probability_npv_negative"] { #expect(mc[key] is Double, "\(key)") }

        let breakEven = try #require(retail["break_even_take_rate"] as? Double)
        let capex = try #require(retail["capex"] as? Double)
        #expect(breakEven > 0 && breakEven < 1)
        let again = try CommandLineRun.lastmile(
            ["demo", "--out", out.path, "--no-progress", "--set", "risk.draws=200"] + Self.paying
                + ["--set", "demand.take_rate=\(breakEven)"])
        let rerun = try #require((try Self.runJSON(again.stdout))["scenarios"] as? [[String: Any]])
        let npv = try #require(rerun[0]["npv"] as? Double)
        #expect(abs(npv) < max(1, 0.0001 * capex), "NPV at the break-even take rate \(breakEven) is \(npv)")
    }

    /// Rerunning the demo with each scenario's reported funding gap as finance.grant brings that scenario's
    /// NPV within $1 of zero.
    @Test func fundingGapRerunGivesZeroNPV() throws {
        let out = try TemporaryDirectory()
        let first = try CommandLineRun.lastmile(["demo", "--out", out.path, "--no-progress", "--set", "risk.draws=100"])
        let scenarios = try #require((try Self.runJSON(first.stdout))["scenarios"] as? [[String: Any]])
        #expect(scenarios.count == 3)
        for s in scenarios {
            let name = try #require(s["name"] as? String)
            let gap = try #require(s["funding_gap"] as? Double)
            let perPassing = try #require(s["funding_gap_per_passing"] as? Double)
            #expect(gap > 0 && perPassing > 0, "\(name)")
            #expect(
                (s["years_below_dscr_covenant"] as? [Int])?.isEmpty == false,
                "\(name): the demo's bond is never covered")
            let again = try CommandLineRun.lastmile([
                "demo", "--out", out.path, "--no-progress", "--set", "risk.draws=100",
                "--set", "finance.grant=\(gap)",
            ])
            let rerun = try #require((try Self.runJSON(again.stdout))["scenarios"] as? [[String: Any]])
            let npv = try #require(rerun.first { $0["name"] as? String == name }?["npv"] as? Double)
            #expect(abs(npv) < 1, "\(name): NPV \(npv) with a grant of \(gap)")
        }
    }

    @Test(arguments: [
        ("cost.drop_and_ont=-5", "cost.drop_and_ont", "0 to 1,000,000"),
        ("demand.take_rate=1.2", "demand.take_rate", "0 to 1"),
        ("finance.discount_rate=-1", "finance.discount_rate", "-0.5 (−50 %) to 1"),
        ("finance.horizon_years=0", "finance.horizon_years", "1 to 100"),
        ("scenarios.retail.kind=\"cooperative\"", "scenarios.retail.kind", "retail, wholesale or subsidy"),
        ("demand.take_rate=\"high\"", "demand.take_rate", "must be a number"),
        ("finance.grant=-1", "finance.grant", "0 to 1,000,000,000,000 (dollars)"),
        ("finance.dscr_covenant=11", "finance.dscr_covenant", "0 to 10"),
        ("cost.electronics_refresh_years=1.5", "cost.electronics_refresh_years", "whole years"),
        ("demand.adoption=\"logistic\"", "demand.adoption", "ramp or bass"),
        ("demand.ramp=[0.5, 1.5]", "demand.ramp", "each 0 to 1"),
        ("cost.make_ready_per_aerial_mile=-3", "cost.make_ready_per_aerial_mile", "0 to 1,000,000 (dollars)"),
        ("demand.take_rate_basis=\"cartesian\"", "demand.take_rate_basis", "fixed or density_group"),
        ("plan.build=\"everything\"", "plan.build", "areas or eligible_locations"),
    ])
    func badParameterIs65WithNameAndRange(_ set: String, _ key: String, _ range: String) throws {
        let out = try TemporaryDirectory()
        try CommandLineRun.lastmile(
            ["demo", "--out", out.path, "--no-progress", "--set", set],
            expecting: .exit(65), stderr: .containing(key, range))
    }
}
