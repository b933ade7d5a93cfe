import Foundation
import TestSupport
import Testing

/// A county-level study over the real all-technology Sagadahoc file of the June 2022 round
/// (datasets/real/fcc-bdc-maine-jun2022) and the 16 Maine counties, written and run in a test's folder.
enum SagadahocStudy {
    static let availability = TestPaths.realData(
        "fcc-bdc-maine-jun2022/bdc_23023_sagadahoc_jun2022_nov2022release.csv")
    static let counties = TestPaths.realData("census-covered-populations/maine_counties_tiger2019_covered_pop.geojson")

    /// Writes `dir/study.toml`, named `name`, over the two inputs and the further `[inputs]` lines
    /// `moreInputs`, with `draws` risk draws unless nil; returns its path.
    static func write(
        _ name: String, moreInputs: [String] = [], draws: Int? = 100, in dir: TemporaryDirectory
    ) throws -> String {
        let lines =
            [
                "[study]", "name = \"\(name)\"", "area_level = \"county\"",
                "[inputs]", "areas = \"\(counties)\"", "availability = [\"\(availability)\"]",
            ] + moreInputs + (draws.map { ["[risk]", "draws = \($0)"] } ?? [])
        return try dir.write("study.toml", lines.joined(separator: "\n"))
    }

    /// The two warnings every successful run of such a study prints.
    static let warnings = ExpectedStderr.containing(Warnings.incompleteUniverse, Warnings.fifteenEmptyCounties)

    /// `lastmile run` of `study` into `dir/out`, with the store `dir/runs.sqlite` and no progress lines;
    /// by default it must succeed with `warnings`.
    @discardableResult
    static func run(
        _ study: String, in dir: TemporaryDirectory, expecting exit: ExpectedExit = .success,
        stderr: ExpectedStderr = warnings, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> CommandResult {
        try CommandLineRun.lastmile(
            ["run", study, "--out", dir.file("out"), "--store", dir.file("runs.sqlite"), "--no-progress"],
            expecting: exit, stderr: stderr, sourceLocation: sourceLocation)
    }

    /// The path of the run's one output file whose path ends with `suffix` (such as "/results.csv").
    static func output(_ suffix: String, in dir: TemporaryDirectory) throws -> String {
        let files = try FileManager.default.subpathsOfDirectory(atPath: dir.file("out"))
        return dir.file("out/" + (try #require(files.first { $0.hasSuffix(suffix) })))
    }
}
