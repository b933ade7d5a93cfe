import Testing
import Foundation
import TestSupport

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
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("areas: blockgroups.geojson (block group GEOIDs in GEOID)"))
        #expect(r.stdout.contains("skipped locations.csv"))
        let text = try String(contentsOfFile: dir.file("study.toml"), encoding: .utf8)
        #expect(text.contains("availability = [\"bdc/june.csv\"]"))
        #expect(text.contains("area_level = \"blockgroup\""))
        #expect(text.contains("demographics = \"acs_blockgroups.csv\""))
        #expect(text.contains("# take_rate"))

        let out = try TemporaryDirectory()
        let run = try CommandLineRun.lastmile(["run", dir.file("study.toml"), "--out", out.path, "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("54 areas, 6266 locations"))   // the demo's counts (StudyRunnerTests)

        let again = try CommandLineRun.lastmile(["init", dir.path])
        #expect(again.status == 64)
        #expect(again.stderr.contains("--force"))
        #expect(try CommandLineRun.lastmile(["init", dir.path, "--force"]).status == 0)
        #expect(try CommandLineRun.lastmile(["init", "/nonexistent/folder"]).status == 74)
    }
}
