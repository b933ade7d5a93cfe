import Analysis
import Foundation
import TestSupport
import Testing

@testable import LastmileKit

/// The business case inside a demo run, checked through independent readers (sqlite3, ogrinfo, the CSV).
@Suite(.serialized) struct BusinessCaseRunTests {
    static let demo = TestPaths.repo("datasets/demo/study.toml")

    @Test func settingsDefaultsAndOverrides() throws {
        var p = try StudyParameters(
            text: "[study]\nname = \"X\"\n[inputs]\navailability = \"a.csv\"\n", sourcePath: "s.toml")
        let defaults = try BusinessCaseSettings(values: p.values, file: "s.toml")
        #expect(defaults.parameters == BusinessCaseParameters())
        #expect(defaults.residentialCodes == [.residential, .both])
        #expect(defaults.lines.count == BusinessCaseSettings.settings.count)
        #expect(defaults.lines.first { $0.key == "demand.take_rate" }?.value == "0.45")
        try p.apply(overrides: [
            "demand.take_rate=0.6", "scenarios.city.kind=\"wholesale\"",
            "scenarios.city.wholesale_per_passing_month=2", "risk.cost_range=[0.7, 1.5]",
        ])
        let s = try BusinessCaseSettings(values: p.values, file: "s.toml")
        #expect(s.parameters.demand.takeRate == 0.6)
        #expect(s.parameters.scenarios.map(\.kind) == [.wholesale])
        #expect(s.parameters.scenarios[0].wholesalePerPassingMonth == 2)
        #expect(s.parameters.risk.ranges[.cost] == 0.7...1.5)
        #expect(
            s.lines.contains {
                $0.key == "demand.take_rate" && $0.value == "0.6" && $0.source.hasPrefix("study file (default 0.45")
            })
        // Every fixed key is a known study key.
        for setting in BusinessCaseSettings.settings { #expect(Study.knownKeys[setting.key] != nil, "\(setting.key)") }
    }

    @Test func unknownScenarioFieldIsAnUnknownKey() throws {
        var p = try StudyParameters(
            text:
                "[study]\nname = \"X\"\n[inputs]\navailability = \"\(TestPaths.repo("datasets/demo/bdc_fixed_demo.csv"))\"\n",
            sourcePath: "s.toml")
        try p.apply(overrides: ["scenarios.city.kind=\"retail\"", "scenarios.city.arpuu=70"])
        #expect {
            try Study(parameters: p)
        } throws: { e in
            guard let e = e as? LastmileError, case .badInput(let at, let msg) = e else { return false }
            return at.column == "scenarios.city.arpuu" && msg.contains("unknown study key")
        }
    }

    @Test func observedSubscribersFitTheAdoptionCurve() throws {
        var p = try StudyParameters(text: "[study]\nname = \"X\"\n", sourcePath: "s.toml")
        // Discrete Bass p = 0.03, q = 0.38, m = 1000 (BassDiffusionTests).
        try p.apply(overrides: [
            "demand.observed_subscribers=[30.0, 70.158, 122.84288491368, 190.10355237138, 272.90683866416]"
        ])
        let s = try BusinessCaseSettings(values: p.values, file: "s.toml")
        #expect(abs((s.parameters.demand.adoption.bass?.p ?? 0) - 0.03) < 1e-6)
        #expect(abs((s.parameters.demand.adoption.bass?.q ?? 0) - 0.38) < 1e-6)
        try p.apply(overrides: ["demand.observed_subscribers=[1, 2]"])
        #expect(throws: LastmileError.self) { try BusinessCaseSettings(values: p.values, file: "s.toml") }
    }

    @Test func demoRunStoresScenariosAndPlanColumns() throws {
        let out = try TemporaryDirectory()
        let study = try Study.load(path: Self.demo, overrides: ["risk.draws=500"])
        let r = try StudyRunner.run(study, options: RunOptions(outputRoot: out.path))
        let bc = r.businessCase
        #expect(bc.scenarios.map(\.definition.name) == ["retail", "open_access", "partner"])
        // The capital budget holds: cost to pass of the built areas ≤ $15 M.
        let built = bc.areas.filter { $0.phase != nil }
        #expect(built.reduce(0) { $0 + $1.passCapex } <= 15_000_000)
        #expect(!built.isEmpty && built.count < bc.areas.count)
        #expect(Set(built.compactMap(\.phase)) == [1, 2, 3])

        // Run store through the sqlite3 shell: three scenarios, 31 years each, net cash flows as in memory.
        let db = out.path + "/runs.sqlite"
        let counts = try CommandLineRun.sqlite3(
            db,
            "select count(*) from scenario_results where run_id = '\(r.runID)'; select count(*) from scenario_cash_flows where run_id = '\(r.runID)'"
        )
        #expect(counts.stdout == "3\n93\n")
        let retail = bc.scenarios[0]
        let sum = try CommandLineRun.sqlite3(
            db,
            "select sum(net_cash_flow), (select npv from scenario_results where scenario = 'retail') from scenario_cash_flows where scenario = 'retail'"
        )
        let parts = sum.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|").compactMap {
            Double($0)
        }
        #expect(parts.count == 2)
        #expect(abs(parts[0] - retail.cashFlows.reduce(0, +)) < 1e-3)
        #expect(abs(parts[1] - retail.npv) < 1e-3)
        let metrics = try CommandLineRun.sqlite3(
            db, "select count(*) from area_results where json_extract(metrics_json, '$.phase') is not null")
        #expect(metrics.stdout == "\(built.count)\n")

        // results.csv: the plan columns, and phase empty for areas not built.
        let csv = try String(contentsOfFile: r.outputDirectory + "/results.csv", encoding: .utf8)
        let header = csv.split(separator: "\n")[0]
        #expect(
            header.hasSuffix(
                ",passings,households_per_sq_mi,unserved_factor,competition_factor,price_factor,density_factor,take_rate,subscribers_at_horizon,cost_per_passing,cost_to_pass,cost_basis,route_miles,hub_electronics,make_ready,served_passings,cost_per_unserved_location,need_score,need_rank_unserved_share,need_rank_underserved_share,need_rank_measured_shortfall,need_rank_no_subscription_share,need_rank_covered_population_share,need_rank_income,need_indicators_missing,phase"
            ))
        // GeoPackage through ogrinfo: the phase field and the number of built areas.
        let phases = try CommandLineRun.run(
            "ogrinfo",
            [
                "-ro", "-q", r.outputDirectory + "/results.gpkg", "-sql",
                "SELECT count(*) AS n FROM areas WHERE phase IS NOT NULL",
            ])
        #expect(
            phases.stdout.contains("n (Integer) = \(built.count)")
                || phases.stdout.contains("n (Integer64) = \(built.count)"), "\(phases.stdout)")
        // The printed summary lists every scenario.
        let text = r.text()
        for s in bc.scenarios { #expect(text.contains(s.definition.label)) }
    }
}

/// The demo's density-method cost per passing, derived by hand from Cartesian's 2019 group table
/// (A ≥ 1,525: $668; B 767–1,525: $1,313; C 302–767: $2,187; D1 63–302: $3,656; D2 below 63 not priced),
/// the index 1.227 (CPI-U 2024 ÷ 2019 = 313.689 ÷ 255.657) and 10 % contingency; below 63/mi² the demo has a
/// road layer, so the route model prices it: miles × 5,280 × (18 + 8)/2 ÷ passings × 1.1.
@Test func demoDensityCostsFromTheCartesianTable() throws {
    let out = try TemporaryDirectory()
    let study = try Study.load(path: BusinessCaseRunTests.demo, overrides: ["risk.draws=100"])
    #expect(study.businessCase.parameters.cost.method == .density)  // the demo sets it, road layer or not
    let r = try StudyRunner.run(study, options: RunOptions(outputRoot: out.path))
    let rows = try CSVText.records(atPath: r.outputDirectory + "/results.csv")
    let table: [(Double, String, Double)] = [(1525, "A", 668), (767, "B", 1313), (302, "C", 2187), (63, "D1", 3656)]
    let index = 313.689 / 255.657
    #expect(abs(index - 1.227) < 5e-4)
    var groups = Set<String>()
    var routed = 0
    for row in rows {
        guard let passings = Int(row["passings"] ?? ""), passings > 0,
            let density = Double(row["households_per_sq_mi"] ?? ""),
            let cost = Double(row["cost_per_passing"] ?? "")
        else { continue }
        if let (_, name, average) = table.first(where: { density >= $0.0 }) {
            #expect(row["cost_basis"] == "Cartesian group \(name)", "\(row["area"] ?? "")")
            #expect(abs(cost - average * 1.227 * 1.1) < 1e-5, "\(row["area"] ?? ""): \(cost)")
            groups.insert(name)
        } else {
            let miles = try #require(Double(row["route_miles"] ?? ""))
            #expect(row["cost_basis"] == "route (measured road miles)")
            #expect(abs(cost - miles * 5280 * 13 / Double(passings) * 1.1) < 1e-2, "\(row["area"] ?? ""): \(cost)")
            // Make-ready on the aerial half: miles × 0.5 × $10,000 × 1.1.
            // miles printed to 6 decimals
            #expect(abs(Double(row["make_ready"] ?? "")! - miles * 0.5 * 10_000 * 1.1) < 1e-2)
            routed += 1
        }
        #expect(abs(Double(row["cost_to_pass"] ?? "")! - cost * Double(passings)) < 1e-3)
    }
    #expect(groups.count >= 2, "the demo spans several Cartesian groups: \(groups)")
    #expect(routed > 0)
}

/// Each area's terminal take from its own counts (results.csv): 0.45 × (1 + 0.25 × unserved ÷ locations)
/// × (1 − 0.25 × served ÷ locations) × (65 ÷ 65)^−0.62, clamped to 0–1.
@Test func demoTakeRateAdjustmentsByHand() throws {
    let out = try TemporaryDirectory()
    let r = try DemoStudy.run(["risk.draws=100"], in: out)
    var checked = 0
    for row in try CSVText.records(atPath: r.outputDirectory + "/results.csv") {
        guard let locations = Double(row["locations"] ?? ""), locations > 0, let take = Double(row["take_rate"] ?? "")
        else { continue }
        let unserved = 1 + 0.25 * Double(row["unserved"]!)! / locations
        let competition = 1 - 0.25 * Double(row["served"]!)! / locations
        #expect(abs(Double(row["unserved_factor"]!)! - unserved) < 1e-6)
        #expect(abs(Double(row["competition_factor"]!)! - competition) < 1e-6)
        #expect(Double(row["price_factor"]!)! == 1)
        #expect(abs(take - min(1, 0.45 * unserved * competition)) < 1e-6)
        checked += 1
    }
    #expect(checked == 54)
}

/// Fixtures/recompute_cash_flow.py rebuilds the retail scenario's yearly cash flow (ramp, every capital line,
/// overhead, a $2 M grant, a $300,000 + 12 mi × $25,000 middle mile, the bond with 2 years of capitalised interest and
/// a debt-service reserve) from run.json's inputs and results.csv's counts with
/// its own code; every year's amounts and the NPV must match run.json to the cent.
@Test func independentCashFlowRecomputationMatchesToTheCent() throws {
    let out = try TemporaryDirectory()
    let study = try Study.load(
        path: BusinessCaseRunTests.demo,
        overrides: [
            "risk.draws=100", "finance.grant=2000000", "cost.middle_mile=300000",
            "cost.middle_mile_miles=12", "cost.middle_mile_per_mile=25000",
            "finance.capitalized_interest_years=2", "finance.debt_service_reserve=true",
        ])
    let r = try StudyRunner.run(study, options: RunOptions(outputRoot: out.path))
    let check = try CommandLineRun.run(
        "python3",
        [
            TestPaths.repo("Tests/LastmileKitTests/Fixtures/recompute_cash_flow.py"),
            r.outputDirectory, "retail",
        ])
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    #expect(check.stdout.contains("largest difference 0.00"))
    let retail = try #require(r.businessCase.scenarios.first { $0.definition.name == "retail" })
    #expect(abs(retail.grant - 2_000_000) < 1e-6)
    #expect(abs(retail.years[0].capital.middleMile - (300_000 + 12 * 25_000) * 1.1) < 1e-6)
}

/// Where the demo builds: no built area is more than 80 % served (plan.max_served_share), and the plan pays for
/// Σ round(passings × served ÷ locations) already-served passings over the built rows of results.csv.
@Test func demoServedPassingsAndServedShareLimit() throws {
    let out = try TemporaryDirectory()
    let r = try DemoStudy.run(["risk.draws=100"], in: out)
    var served = 0
    var left = 0
    for row in try CSVText.records(atPath: r.outputDirectory + "/results.csv") {
        let locations = Double(row["locations"]!)!
        let share = Double(row["served"]!)! / locations
        let need = Int(row["unserved"]!)! + Int(row["underserved"]!)! > 0
        if row["phase"]!.isEmpty {
            if need && share > 0.8 { left += 1 }
            continue
        }
        #expect(share <= 0.8)
        served += Int((Double(row["passings"]!)! * share).rounded())
    }
    #expect(served > 0 && left > 0)
    let json =
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: r.outputDirectory + "/run.json")))
        as! [String: Any]
    let bc = json["business_case"] as! [String: Any]
    #expect(bc["served_passings_built"] as? Int == served)
    #expect(bc["max_served_share"] as? Double == 0.8)
    // The business-case page (wherever the pages before it put it).
    let text = try CommandLineRun.output("pdftotext", [r.reportPath, "-"]).split(whereSeparator: \.isWhitespace).joined(
        separator: " ")
    #expect(text.contains("the plan pays for \(served) passings already served"), "\(text)")
    #expect(text.contains("\(left) block groups with some need are left out"))
}

@Test func scenarioLinesShowTheValueUsed() throws {
    var p = try StudyParameters(
        text:
            "[study]\nname = \"X\"\n[finance]\narpu = 70\n[scenarios.p]\nkind = \"subsidy\"\n[scenarios.r]\nkind = \"retail\"\nbond_share = 0.5\n",
        sourcePath: "s.toml")
    try p.apply(overrides: [])
    let s = try BusinessCaseSettings(values: p.values, file: "s.toml")
    let lines = Dictionary(uniqueKeysWithValues: s.lines.map { ($0.key, $0) })
    #expect(lines["scenarios.r.arpu"]?.value == "70.0")  // inherited from [finance]
    #expect(lines["scenarios.r.bond_share"]?.value == "0.5")
    #expect(lines["scenarios.r.bond_share"]?.source.hasPrefix("study file") == true)
    #expect(lines["scenarios.p.capital_contribution"]?.value == "0.25")
    #expect(lines["scenarios.p.opex_fixed_year"]?.value == "0.0")
    #expect(lines["scenarios.p.wholesale_per_subscriber_month"] == nil)  // not a subsidy field
    #expect(s.parameters.scenarios.map(\.name) == ["r", "p"])  // retail before subsidy
}

@Test func householdGrowthFromTwoACSTables() throws {
    let dir = try TemporaryDirectory()
    for f in [
        "blockgroups.geojson", "acs_blockgroups.csv", "bdc_fixed_demo.csv", "roads.geojson", "locations.csv",
        "water.geojson", "places.geojson",
    ] {
        try FileManager.default.copyItem(atPath: TestPaths.repo("datasets/demo/\(f)"), toPath: dir.file(f))
    }
    // The demo study without its explicit household_growth (a growth the study sets wins over the trend).
    let demoText = try String(contentsOfFile: TestPaths.repo("datasets/demo/study.toml"), encoding: .utf8)
    try dir.write(
        "study.toml",
        demoText.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("household_growth") }.joined(separator: "\n"))
    // Earlier households: 90 and 70 for the block groups that have 102 and 79 now (acs_blockgroups.csv B11001_001E).
    try dir.write(
        "acs_earlier.csv",
        """
        "GEO_ID","NAME","B11001_001E","B11001_001M",
        "Geography","Geographic Area Name","Estimate!!Total:","Margin of Error!!Total:",
        "1500000US239900001001","Block Group 1","90","20",
        "1500000US239900001002","Block Group 2","70","20",

        """)
    let study = try Study.load(
        path: dir.file("study.toml"),
        overrides: [
            "demand.households_earlier=\"acs_earlier.csv\"", "demand.households_earlier_years=5", "risk.draws=100",
        ])
    let r = try StudyRunner.run(study, options: RunOptions(outputRoot: dir.file("out")))
    // (102 + 79) / (90 + 70) = 181/160 over 5 years: (1.13125)^(1/5) − 1 = 0.0249713318 (python).
    #expect(abs(r.businessCase.parameters.demand.householdGrowth - 0.0249713318) < 1e-9)
    // Without the years, the file names do not tell them: exit-65 error naming the key.
    let noYears = try Study.load(
        path: dir.file("study.toml"), overrides: ["demand.households_earlier=\"acs_earlier.csv\""])
    #expect {
        _ = try StudyRunner.run(noYears, options: RunOptions(outputRoot: dir.file("out2")))
    } throws: { e in
        guard let e = e as? LastmileError, case .badInput(let at, let msg) = e else { return false }
        return at.column == "demand.households_earlier_years" && msg.contains("1 to 30")
    }
    // A growth rate the study sets itself wins over the trend.
    let fixed = try Study.load(
        path: dir.file("study.toml"),
        overrides: [
            "demand.households_earlier=\"acs_earlier.csv\"",
            "demand.households_earlier_years=5", "risk.draws=100",
        ])
    var p = fixed.parameters
    try p.apply(overrides: ["demand.household_growth=0.01"])
    let r2 = try StudyRunner.run(try Study(parameters: p), options: RunOptions(outputRoot: dir.file("out3")))
    #expect(r2.businessCase.parameters.demand.householdGrowth == 0.01)
}

/// A report stored by the earlier layout (format 1, without the capital lines and funding gap) is refused
/// with a plain message and exit 65, not a decoding trace.
@Test func earlierStoredReportIsRefusedPlainly() throws {
    let dir = try TemporaryDirectory()
    let path = try dir.write(
        "report-content.json", "{\"formatVersion\": 1, \"paper\": \"letter\", \"dpi\": 150, \"content\": {}}")
    #expect {
        _ = try StoredReport.read(path: path)
    } throws: { e in
        guard let e = e as? LastmileError, case .badInput(let at, let msg) = e else { return false }
        return at.column == "formatVersion" && msg.contains("found 1") && msg.contains("run the study again")
    }
}
