import Foundation
import TestSupport
import Testing

/// `lastmile run`, `demo` and `inspect` as a planner calls them: stdout, stderr and exit code together.
@Suite struct RunCommandTests {
    @Test func demoPrintsWhereTheReportIs() throws {
        let out = try TemporaryDirectory()
        let r = try CommandLineRun.lastmile(["demo", "--out", out.path, "--no-progress"])
        #expect(r.stdout.contains("54 areas, 6266 locations"))
        #expect(r.stdout.contains("unserved     2030 (32.4%)"))  // 2030 / 6266 = 32.40 %
        let reportLine = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("Report: ") })
        let report = String(reportLine.dropFirst("Report: ".count))
        #expect(report.hasPrefix(out.path + "/demo-county-broadband-plan/"))
        #expect(FileManager.default.fileExists(atPath: report))
    }

    /// `-q` prints nothing on stdout (no summary) and no warnings; a `--format` given still prints, and
    /// an error still reaches stderr with its exit code.
    @Test func quietRunPrintsNothingOnStdout() throws {
        let out = try TemporaryDirectory()
        let study = "Tests/IngestTests/Fixtures/bad/base/study.toml"
        let quiet = ["--out", out.path, "--no-progress", "--set", "risk.draws=100", "-q"]
        // The base study warns (an incomplete location universe) when not quiet.
        let loud = try CommandLineRun.lastmile(
            ["run", study, "--out", out.path, "--no-progress", "--set", "risk.draws=100"],
            stderr: .exactly(Warnings.baseStudy))
        #expect(loud.stdout.hasPrefix("Run "))
        let silent = try CommandLineRun.lastmile(["run", study] + quiet)
        #expect(silent.stdout.isEmpty, "\(silent.stdout)")
        #expect(try CommandLineRun.lastmile(["demo"] + quiet).stdout.isEmpty)
        // Asked for explicitly, the summary prints: JSON for a script, or the text.
        let json = try CommandLineRun.lastmile(["run", study, "--format", "json"] + quiet)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(obj["run_id"] is String && obj["output_directory"] is String)
        let text = try CommandLineRun.lastmile(["run", study, "--format", "text"] + quiet)
        #expect(text.stdout.hasPrefix("Run "))
        // Errors are never quiet.
        let failed = try CommandLineRun.lastmile(
            ["run", study, "--set", "inputs.areas=missing.geojson"] + quiet,
            expecting: .exit(74), stderr: .containing("lastmile: error: ", "missing.geojson"))
        #expect(failed.stdout.isEmpty)
    }

    @Test func runJSONAndSetOverride() throws {
        let out = try TemporaryDirectory()
        // Without shapes a study cannot be mapped: a clear error naming the key.
        try CommandLineRun.lastmile(
            [
                "run", "datasets/demo/study.toml", "--out", out.path, "--format", "json",
                "--set", "study.area_level=tract", "--set", "inputs.areas=", "-q",
            ],
            expecting: .exit(65), stderr: .containing("inputs.areas"))
        let ok = try CommandLineRun.lastmile([
            "run", "datasets/demo/study.toml", "--out", out.path, "--format", "json",
            "--set", "policy.profile=fcc-2024",
        ])
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(ok.stdout.utf8)) as? [String: Any])
        #expect(obj["locations"] as? Int == 6266)
        #expect(obj["areas"] as? Int == 54)
    }

    @Test func missingStudyIs74AndUnknownKeyIs65() throws {
        try CommandLineRun.lastmile(
            ["run", "/nonexistent/study.toml"],
            expecting: .exit(74), stderr: .containing("/nonexistent/study.toml"))
        let dir = try TemporaryDirectory()
        let study = try dir.write(
            "study.toml",
            "[study]\nname = \"x\"\n[inputs]\navailability = \"x.csv\"\n[polcy]\nprofile = \"bead-2022\"\n")
        try CommandLineRun.lastmile(
            ["run", study],
            expecting: .exit(65),
            stderr: .containing("unknown study key 'polcy.profile'; did you mean 'policy.profile'?"))
    }

    @Test func badOptionIsUsage64() throws {
        try CommandLineRun.lastmile(
            ["run", "datasets/demo/study.toml", "--format", "yaml"],
            expecting: .exit(64), stderr: .containing("--format"))
    }

    @Test func inspectNamesTheSchema() throws {
        let bdc = try CommandLineRun.lastmile([
            "inspect", TestPaths.realData("fcc-bdc-maine/bdc_23023_sagadahoc_FTTP_J23.csv"),
        ])
        #expect(bdc.stdout.contains("5842 rows"))
        #expect(bdc.stdout.contains("schema: FCC BDC"))
        let tracts = try CommandLineRun.lastmile([
            "inspect", TestPaths.realData("tiger-tracts-hawaii/tracts_2015_st15.geojson"),
            "--format", "json",
        ])
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(tracts.stdout.utf8)) as? [String: Any])
        #expect(obj["driver"] as? String == "GeoJSON")
        let layer = try #require((obj["layers"] as? [[String: Any]])?.first)
        #expect(layer["count"] as? Int == 351)
        #expect(layer["schemaStatus"] as? String == "matches")
        let acs = try CommandLineRun.lastmile([
            "inspect", TestPaths.realData("acs-maine-s2802/ACSST5Y2022.S2802-Data.csv"),
        ])
        #expect(acs.stdout.contains("schema: ACS"))
        try CommandLineRun.lastmile(
            ["inspect", "/nonexistent.gpkg"],
            expecting: .exit(74), stderr: .exactly("lastmile: error: /nonexistent.gpkg: no such file\n"))
    }

    @Test func inspectSaysWhatIsMissingFromANearMatch() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write(
            "almost.csv",
            "frn,provider_id,brand_name,location_id,technology,max_advertised_download_speed,max_advertised_upload_speed,low_latency,state_usps,h3_res8_id\n1,2,3,4,50,1,1,1,ME,x\n"
        )
        let r = try CommandLineRun.lastmile(["inspect", path])
        #expect(r.stdout.contains("almost"))
        #expect(r.stdout.contains("business_residential_code"))
        #expect(r.stdout.contains("block_geoid"))
    }

    /// A full stdout or stderr (`> /dev/full`) is exit 74 saying so, never a trap; the run that
    /// finished stays recorded as done.
    @Test func fullStandardOutputOrErrorIsExit74() throws {
        let out = try TemporaryDirectory()
        let run =
            "exec '\(CommandLineRun.lastmileExecutable)' run Tests/IngestTests/Fixtures/bad/base/study.toml --out '\(out.path)' --no-progress --set risk.draws=100"
        let full = try CommandLineRun.run("sh", ["-c", run + " > /dev/full"], in: TestPaths.repositoryRoot.path)
        CommandLineRun.check(
            full, command: ["sh", "-c", run + " > /dev/full"], expecting: .exit(74),
            stderr: .exactly(
                Warnings.baseStudy
                    + "lastmile: error: standard output: cannot write: No space left on device\n"))
        let list = try CommandLineRun.lastmile(["runs", "list", "--out", out.path, "--format", "csv"])
        #expect(list.stdout.contains(",done,") && !list.stdout.contains(",running,"), "\(list.stdout)")
        let noStderrScript = "exec '\(CommandLineRun.lastmileExecutable)' run /nonexistent/study.toml 2> /dev/full"
        let noStderr = try CommandLineRun.run("sh", ["-c", noStderrScript])
        // stderr goes to /dev/full, so the pipe sees nothing.
        CommandLineRun.check(noStderr, command: ["sh", "-c", noStderrScript], expecting: .exit(74))
        #expect(noStderr.stdout.isEmpty)
        let helpScript = "exec '\(CommandLineRun.lastmileExecutable)' --help > /dev/full"
        let help = try CommandLineRun.run("sh", ["-c", helpScript])
        CommandLineRun.check(
            help, command: ["sh", "-c", helpScript], expecting: .exit(74),
            stderr: .exactly("lastmile: error: standard output: cannot write: No space left on device\n"))
    }

    /// A file where the output folder should be is 74 with the path and the system's reason; a study
    /// name of 5,000 characters still runs (its folder name is cut to 80 characters).
    @Test func outputFolderProblemsAre74WithTheReasonAndALongNameRuns() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("not-a-folder", "x")
        let r = try CommandLineRun.lastmile(
            ["run", "Tests/IngestTests/Fixtures/bad/base/study.toml", "--out", file, "--no-progress"],
            expecting: .exit(74),
            stderr: .containing(
                "\(file)/runs.sqlite: cannot create the run store's folder \(file): it is a file (Not a directory)"))
        #expect(!r.stderr.contains("NSCocoaErrorDomain"))
        let long = String(repeating: "x", count: 5_000)
        try CommandLineRun.lastmile(
            [
                "run", "Tests/IngestTests/Fixtures/bad/base/study.toml", "--out", dir.file("out"),
                "--no-progress", "--set", "risk.draws=100", "--set", "study.name=\"\(long)\"",
            ],
            stderr: .exactly(Warnings.baseStudy))
        #expect(FileManager.default.fileExists(atPath: dir.file("out/" + String(repeating: "x", count: 80))))
    }
}
