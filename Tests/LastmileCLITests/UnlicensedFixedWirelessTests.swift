import Foundation
import TestSupport
import Testing

/// bead-2025 as published: unlicensed fixed wireless (70) counts only where its provider demonstrated
/// 100/20 capability (policy.ulfw_demonstrated). The demo has 869 rows of one such provider, Ridgeline
/// Wireless (290518).
///
/// Expected figures from python3's csv module over datasets/demo/bdc_fixed_demo.csv, the rule written
/// out again (technologies 10/40/50/71/72, plus 70 only for listed providers or locations):
/// bead-2022 → unserved 2030, underserved 621, served 3615; with 290518 listed, 583 locations move
/// from unserved to underserved (1447 / 1204 / 3615) and no other class changes; an empty list gives
/// the bead-2022 classes exactly.
@Suite struct UnlicensedFixedWirelessTests {
    static func totals(_ extra: [String]) throws -> [Int] {
        let dir = try TemporaryDirectory()
        try CommandLineRun.lastmile(
            [
                "run", TestPaths.repo("datasets/demo/study.toml"), "--out", dir.file("out"),
                "--store", dir.file("runs.sqlite"), "--no-progress", "--set", "risk.draws=100",
            ] + extra)
        let runJSON = try #require(
            try FileManager.default.subpathsOfDirectory(atPath: dir.file("out")).first { $0.hasSuffix("/run.json") })
        let object = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: dir.file("out/\(runJSON)"))))
        let t = try #require((object as? [String: Any])?["totals"] as? [String: Any])
        return ["unserved", "underserved", "served"].map { t[$0] as? Int ?? -1 }
    }

    @Test func emptyListIsBead2022AndOneProviderMovesExactlyItsLocations() throws {
        #expect(try Self.totals([]) == [2030, 621, 3615])
        #expect(try Self.totals(["--set", "policy.profile=bead-2025"]) == [2030, 621, 3615])
        #expect(
            try Self.totals(["--set", "policy.profile=bead-2025", "--set", "policy.ulfw_demonstrated=[\"290518\"]"])
                == [1447, 1204, 3615])
    }

    /// A list of locations: 8014160 (copper 10/1 only otherwise; Ridgeline 50/10) moves to underserved.
    @Test func listedLocationsOnly() throws {
        let dir = try TemporaryDirectory()
        let list = try dir.write("demonstrated.csv", "location_id,provider_id\n8014160,290518\n")
        #expect(
            try Self.totals(["--set", "policy.profile=bead-2025", "--set", "policy.ulfw_demonstrated=\(list)"])
                == [2029, 622, 3615])
    }

    @Test func listWithBead2022Is65NamingTheKey() throws {
        let dir = try TemporaryDirectory()
        try CommandLineRun.lastmile(
            [
                "run", TestPaths.repo("datasets/demo/study.toml"), "--out", dir.file("out"),
                "--store", dir.file("runs.sqlite"), "--no-progress",
                "--set", "policy.ulfw_demonstrated=[\"290518\"]",
            ],
            expecting: .exit(65),
            stderr: .containing(
                "column 'policy.ulfw_demonstrated': applies to a profile in which unlicensed fixed wireless counts only where demonstrated (bead-2025)"
            ))
    }
}
