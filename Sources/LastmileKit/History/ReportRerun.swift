import Foundation
import GeoModel
import RunStore

/// `lastmile report --run ID`: draws a stored run's report, maps and charts again from its
/// `report-content.json`, without reading the inputs or recomputing anything.
public enum ReportRerun {
    /// What a re-render wrote.
    public struct Result: Sendable {
        public var runID: String
        /// The run's folder, where `report-content.json` was read.
        public var runDirectory: String
        /// Where the files were written (the run's folder unless another was asked for).
        public var outputDirectory: String
        /// The files written, relative to `outputDirectory`.
        public var files: [String]
    }

    /// Re-renders run `id` (a full id or a unique prefix) of the store at `storePath`.
    /// - Parameters:
    ///   - outputDirectory: where to write; nil = the run's own folder (only the rendered files are replaced).
    ///   - dpi: PNG resolution; nil = the run's `report.dpi`.
    /// - Throws: `.usage` (64) when no run or several runs match `id`; `.io` (74) when the store or the
    ///   run's folder is missing or a file cannot be written; `.badInput` (65) for a damaged
    ///   `report-content.json`.
    public static func render(
        storePath: String, id: String, outputDirectory: String? = nil,
        formats: Set<ReportFormat> = Set(ReportFormat.allCases), dpi: Double? = nil
    ) throws -> Result {
        let store = try RunHistory.openExisting(storePath)
        let runID = try RunHistory.resolve(id, in: store)
        guard let run = try store.run(runID) else { throw LastmileError.usage("no run \(id) in \(storePath)") }
        guard run.status == .done else {
            throw LastmileError.usage(
                "run \(runID.rawValue) is \(run.status.rawValue), not done: it has no finished outputs to re-render")
        }
        let runDir = try folder(of: run, storePath: storePath)
        let stored = try StoredReport.read(path: (runDir as NSString).appendingPathComponent(StoredReport.fileName))
        let target = outputDirectory ?? runDir
        do {
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        } catch {
            throw LastmileError.io(path: target, "cannot create the output folder: \(LastmileError.reason(error))")
        }
        let files = try stored.render(into: target, formats: formats, dpi: dpi)
        return Result(runID: runID.rawValue, runDirectory: runDir, outputDirectory: target, files: files)
    }

    /// The run's folder as recorded; a relative one that does not resolve from the current folder is
    /// looked up next to the store (`<out>/runs.sqlite` beside `<out>/<study>/<run-id>/`).
    static func folder(of run: StoredRun, storePath: String) throws -> String {
        var isDirectory: ObjCBool = false
        let recorded = run.outputDirectory
        if FileManager.default.fileExists(atPath: recorded, isDirectory: &isDirectory), isDirectory.boolValue {
            return recorded
        }
        if !recorded.hasPrefix("/") {
            let parts = recorded.split(separator: "/")
            if parts.count >= 2 {
                let besideStore = ((storePath as NSString).deletingLastPathComponent as NSString)
                    .appendingPathComponent(parts.suffix(2).joined(separator: "/"))
                if FileManager.default.fileExists(atPath: besideStore, isDirectory: &isDirectory), isDirectory.boolValue
                {
                    return besideStore
                }
            }
        }
        throw LastmileError.io(
            path: recorded, "the folder of run \(run.id.rawValue) is gone (moved or deleted); nothing to re-render")
    }
}
