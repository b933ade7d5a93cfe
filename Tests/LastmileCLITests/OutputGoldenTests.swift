import Foundation
import TestSupport
import Testing

/// The complete stdout of `classify`, `inspect`, `runs list` and every `--help`, compared with the
/// goldens in Tests/LastmileCLITests/Golden/ (one file per output, named after the command).
///
/// A mismatch shows the first differing line and a unified diff, and keeps the actual output as
/// `<name>.actual` in a temporary folder named in the failure. After an intended change, rewrite
/// the goldens and review them before committing:
///
///     LASTMILE_UPDATE_GOLDENS=1 swift test --filter OutputGoldenTests
///     git diff Tests/LastmileCLITests/Golden
///
/// Help text is wrapped to the terminal width, so every call here sets COLUMNS=80.
@Suite struct OutputGoldenTests {
    static let folder = TestPaths.repo("Tests/LastmileCLITests/Golden")
    static let environment = ["COLUMNS": "80", "LINES": "24"]

    /// Runs `lastmile` (exit 0, stderr empty unless `stderr` says otherwise) and checks its stdout.
    static func expectGolden(
        _ arguments: [String], _ name: String, stderr: ExpectedStderr = .empty,
        normalisations: [GoldenText.Normalisation] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let r = try CommandLineRun.lastmile(
            arguments, environment: environment, stderr: stderr,
            sourceLocation: sourceLocation)
        let text = normalisations.reduce(r.stdout) { $1.apply($0) }
        try GoldenText.check(text, golden: name, in: folder, sourceLocation: sourceLocation)
    }

    @Test func classifyDemoByTract() throws {
        try Self.expectGolden(["classify", "datasets/demo/bdc_fixed_demo.csv"], "classify-demo-tract.csv")
    }

    @Test func classifyDemoByBlockGroupAsJSON() throws {
        try Self.expectGolden(
            [
                "classify", "datasets/demo/bdc_fixed_demo.csv", "--by", "blockgroup",
                "--format", "json",
            ], "classify-demo-blockgroup.json")
    }

    /// Paths are given relative to the repository root (the folder the command runs in), so the
    /// output names them the same on every machine.
    @Test(arguments: [
        ("datasets/demo/bdc_fixed_demo.csv", "inspect-demo-bdc.txt"),
        ("datasets/demo/blockgroups.geojson", "inspect-demo-blockgroups.txt"),
        ("datasets/real/fcc-bdc-maine/bdc_23023_sagadahoc_FTTP_J23.csv", "inspect-real-sagadahoc-fttp.txt"),
    ])
    func inspect(_ path: String, _ golden: String) throws {
        try Self.expectGolden(["inspect", path], golden)
    }

    /// What `runs list` prints varies from run to run only in the run id (UTC start time and six
    /// random hex digits, e.g. `20261202T231849Z-3fa9c1`) and the start time
    /// (`2026-12-02T23:18:49.123Z`); each is replaced by a placeholder of the same width, so the
    /// columns keep their alignment in the golden.
    static let runNormalisations = [
        GoldenText.Normalisation(#"\b[0-9]{8}T[0-9]{6}Z-[0-9a-f]{6}\b"#, "YYYYMMDDTHHMMSSZ-xxxxxx"),
        GoldenText.Normalisation(
            #"\b[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z?"#,
            "YYYY-MM-DDTHH:MM:SSZ"),
    ]

    @Test func theRunNormalisationsReplaceIdsAndTimesOnly() {
        let line = "20261202T231849Z-3fa9c1 Plan 2026-12-02T23:18:49Z done 20261202"
        let normalised = Self.runNormalisations.reduce(line) { $1.apply($0) }
        #expect(normalised == "YYYYMMDDTHHMMSSZ-xxxxxx Plan YYYY-MM-DDTHH:MM:SSZ done 20261202")
    }

    @Test func runsListAfterTwoRuns() throws {
        let out = try TemporaryDirectory()
        let study = BadInputCase.folder + "/base/study.toml"
        try CommandLineRun.lastmile(["run", study, "--out", out.path, "-q", "--set", "risk.draws=100"])
        try CommandLineRun.lastmile([
            "run", study, "--out", out.path, "-q", "--set", "risk.draws=100",
            "--set", "study.name=\"Second plan\"",
        ])
        try Self.expectGolden(
            ["runs", "list", "--out", out.path], "runs-list.txt",
            normalisations: Self.runNormalisations)
    }

    /// Every command and subcommand (Sources/lastmile: `Lastmile.configuration.subcommands`, and
    /// `Runs`' list, show and diff).
    static let commands: [[String]] = [
        [], ["run"], ["demo"], ["init"], ["classify"], ["inspect"], ["map"],
        ["runs"], ["runs", "list"], ["runs", "show"], ["runs", "diff"], ["batch"], ["report"], ["speeds"],
    ]

    @Test(arguments: commands)
    func help(_ command: [String]) throws {
        try Self.expectGolden(command + ["--help"], "help-" + (["lastmile"] + command).joined(separator: "-") + ".txt")
    }

    /// The list above is every command: the SUBCOMMANDS sections of `lastmile --help` and
    /// `lastmile runs --help` name no other.
    @Test func everyCommandHasAHelpGolden() throws {
        func subcommands(_ arguments: [String]) throws -> [String] {
            let r = try CommandLineRun.lastmile(arguments + ["--help"], environment: Self.environment)
            let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            guard let start = lines.firstIndex(of: "SUBCOMMANDS:") else { return [] }
            return lines[(start + 1)...].prefix { !$0.isEmpty }.compactMap { line in
                // "  name    abstract" (the entries are indented by two spaces, continuation lines by more)
                line.hasPrefix("  ") && !line.hasPrefix("   ") ? line.split(separator: " ").first.map(String.init) : nil
            }
        }
        let top = try subcommands([])
        #expect(top.count >= 9, "\(top)")
        let runs = try subcommands(["runs"])
        #expect(runs == ["list", "show", "diff"])
        let listed = Set(top.map { [$0] } + runs.map { ["runs", $0] })
        #expect(
            listed.subtracting(Self.commands.filter { !$0.isEmpty }).isEmpty,
            "without a help golden: \(listed.subtracting(Self.commands))")
    }
}

/// The helpers can fail: a changed text or a changed exit/stderr is an issue.
@Suite struct GoldenHelperTests {
    @Test func aChangedTextIsAnIssueWithTheFirstDifferenceAndKeepsTheActual() throws {
        let dir = try TemporaryDirectory()
        try dir.write("sample.txt", "one\ntwo\nthree\n")
        guard !GoldenText.updating else { return }
        var matched = true
        withKnownIssue("the texts differ on line 2") {
            matched = try GoldenText.check("one\n2\nthree\n", golden: "sample.txt", in: dir.path)
        }
        #expect(!matched)
        #expect(
            GoldenText.firstDifference("one\ntwo\n", "one\n2\n")
                == "first difference at line 2: golden «two», actual «2»")
        #expect(try GoldenText.check("one\ntwo\nthree\n", golden: "sample.txt", in: dir.path))
    }

    @Test func anUnexpectedExitOrStderrIsAnIssue() throws {
        let ok = CommandResult(status: 0, stdout: "", stderr: "")
        let warned = CommandResult(status: 0, stdout: "", stderr: "lastmile: warning: x\n")
        #expect(ok.mismatches(expecting: .success, stderr: .empty).isEmpty)
        #expect(warned.mismatches(expecting: .success, stderr: .empty) == ["expected an empty stderr"])
        #expect(warned.mismatches(expecting: .exit(65), stderr: .containing("warning: x")) == ["exit 0, expected 65"])
        #expect(warned.mismatches(expecting: .success, stderr: .matching(#"\Alastmile: warning: x\n\z"#)).isEmpty)
        #expect(warned.mismatches(expecting: .success, stderr: .exactly("x")).count == 1)
        #expect(warned.mismatches(expecting: .success, stderr: .allowed).isEmpty)
        withKnownIssue("exit 64 is not the default 0") {
            try CommandLineRun.lastmile(["--no-such-option"])
        }
    }
}
