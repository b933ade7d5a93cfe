import Foundation
import Testing

/// What a test reads of one `lastmile run`: the run's results.csv, its folder and its records.
public struct StudyRun {
    /// The path of the run's results.csv.
    public var resultsPath: String
    /// One dictionary per results.csv row, keyed by column name (`CSVText.records`).
    public var rows: [[String: String]]
    /// The run's output folder (the one holding results.csv, report.pdf, maps/ …).
    public var folder: String { (resultsPath as NSString).deletingLastPathComponent }

    /// Runs `lastmile run study -q` into `dir` (outputs under `out/`, the store `runs.sqlite`), each of
    /// `overrides` given as `--set KEY=VALUE`; records an issue unless it exits 0 with an empty stderr,
    /// and reads the results.csv it wrote under `out/`.
    public init(
        _ study: String, in dir: TemporaryDirectory, set overrides: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        try CommandLineRun.lastmile(
            ["run", study, "--out", dir.file("out"), "--store", dir.file("runs.sqlite"), "-q"]
                + overrides.flatMap { ["--set", $0] },
            sourceLocation: sourceLocation)
        let files = try FileManager.default.subpathsOfDirectory(atPath: dir.file("out"))
        let found = try #require(files.first { $0.hasSuffix("/results.csv") }, sourceLocation: sourceLocation)
        resultsPath = dir.file("out/" + found)
        rows = try CSVText.records(atPath: resultsPath)
    }
}
