import Foundation
import TestSupport
import Testing

/// `lastmile init DIR`: inputs recognised by content, a study file that loads, no silent overwrite.
@Suite struct InitCommandTests {
    @Test func writesAStudyThatRuns() throws {
        let dir = try TemporaryDirectory()
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir.file("bdc"), withIntermediateDirectories: true)
        for f in ["blockgroups.geojson", "acs_blockgroups.csv", "locations.csv"] {
            try fm.copyItem(atPath: TestPaths.repo("datasets/demo/\(f)"), toPath: dir.file(f))
        }
        // A BDC file under a name that says nothing: recognised by its header.
        try fm.copyItem(atPath: TestPaths.repo("datasets/demo/bdc_fixed_demo.csv"), toPath: dir.file("bdc/june.csv"))
        let r = try CommandLineRun.lastmile(["init", dir.path])
        #expect(r.stdout.contains("areas: blockgroups.geojson (block group GEOIDs in GEOID)"))
        #expect(r.stdout.contains("locations: locations.csv"))
        #expect(
            r.stdout.contains(
                "area_level: blockgroup, because the area shapes (blockgroups.geojson) have 12-digit block group GEOIDs"
            ))
        let text = try String(contentsOfFile: dir.file("study.toml"), encoding: .utf8)
        #expect(text.contains("availability = [\"bdc/june.csv\"]"))
        #expect(text.contains("area_level = \"blockgroup\""))
        #expect(text.contains("demographics = \"acs_blockgroups.csv\""))
        #expect(text.contains("locations = \"locations.csv\""))
        #expect(text.contains("the ACS table (acs_blockgroups.csv) is by block group too"))
        #expect(text.contains("# take_rate"))

        let out = try TemporaryDirectory()
        let run = try CommandLineRun.lastmile([
            "run", dir.file("study.toml"), "--out", out.path, "-q", "--format", "text",
        ])
        #expect(run.stdout.contains("54 areas, 6266 locations"))  // the demo's counts (StudyRunnerTests)

        try CommandLineRun.lastmile(
            ["init", dir.path],
            expecting: .exit(64), stderr: .containing("--force"))
        try CommandLineRun.lastmile(["init", dir.path, "--force"])
        try CommandLineRun.lastmile(
            ["init", "/nonexistent/folder"], expecting: .exit(74),
            stderr: .containing("/nonexistent/folder"))
    }

    /// TIGER/Line-layout roads and area water are recognised by their fields, not their names, and the
    /// study reads them (route miles; the maps' roads and water).
    @Test func recognisesRoadsAndWater() throws {
        let dir = try TemporaryDirectory()
        let fm = FileManager.default
        for (f, name) in [
            ("blockgroups.geojson", "bg.geojson"), ("bdc_fixed_demo.csv", "bdc.csv"),
            ("roads.geojson", "lines.geojson"),
            ("water.geojson", "hydro.geojson"),
        ] {
            try fm.copyItem(atPath: TestPaths.repo("datasets/demo/\(f)"), toPath: dir.file(name))
        }
        let r = try CommandLineRun.lastmile(["init", dir.path])
        #expect(r.stdout.contains("roads: lines.geojson"))
        #expect(r.stdout.contains("water: hydro.geojson"))
        let text = try String(contentsOfFile: dir.file("study.toml"), encoding: .utf8)
        #expect(text.contains("roads = \"lines.geojson\""))
        #expect(text.contains("water = \"hydro.geojson\""))
        #expect(!text.contains("# roads "))  // given, so not listed again among the defaults
        let out = try TemporaryDirectory()
        try CommandLineRun.lastmile(["run", dir.file("study.toml"), "--out", out.path, "-q", "--set", "risk.draws=100"])
        let files = try fm.subpathsOfDirectory(atPath: out.path)
        let runJSON = try #require(files.first { $0.hasSuffix("/run.json") })
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out.file(runJSON))))
        let roles = ((json as! [String: Any])["inputs"] as! [[String: Any]]).map { $0["role"] as! String }
        #expect(roles.contains("roads") && roles.contains("water"))
    }

    /// Real Maine files: county shapes and a tract ACS table give a county study whose ACS is summed
    /// up, named for the state the shapes lie in (not for the folder).
    @Test func picksTheLevelTheFilesSupport() throws {
        let dir = try TemporaryDirectory("init-maine-folder")
        let fm = FileManager.default
        try fm.copyItem(
            atPath: TestPaths.realData("census-covered-populations/maine_counties_tiger2019_covered_pop.geojson"),
            toPath: dir.file("counties.geojson"))
        try fm.copyItem(
            atPath: TestPaths.realData("acs-maine-s2802/ACSST5Y2022.S2802-Data.csv"), toPath: dir.file("acs.csv"))
        try fm.copyItem(
            atPath: TestPaths.realData("fcc-bdc-maine/bdc_23023_sagadahoc_FTTP_J23.csv"), toPath: dir.file("fiber.csv"))
        try CommandLineRun.lastmile(["init", dir.path])
        let text = try String(contentsOfFile: dir.file("study.toml"), encoding: .utf8)
        #expect(text.contains("name = \"Maine broadband plan\""))
        #expect(!text.contains("init-maine-folder"))
        #expect(text.contains("area_level = \"county\""))
        #expect(text.contains("the ACS table (acs.csv) is by tract and is summed up to counties"))
        #expect(text.contains("demographics = \"acs.csv\""))

        // Tract shapes are not at hand here; county shapes with a county study and the tract table work.
        let out = try TemporaryDirectory()
        let run = try CommandLineRun.lastmile(
            [
                "run", dir.file("study.toml"), "--out", out.path, "--set", "risk.draws=100",
                "--no-progress",
            ],
            stderr: .containing("407 tracts were summed into 16 counties"))
        #expect(!run.stderr.contains("no row"))
    }
}
