import Foundation
import RunStore

/// What a batch did: one result per folder, in the order given.
public struct BatchSummary: Sendable {
    public var results: [BatchResult]
    public var outputRoot: String
    public var storePath: String
    public var seconds: Double
    /// Runs of earlier processes found interrupted and cleaned at the start.
    public var recoveredRuns: [String]

    public var failed: [BatchResult] { results.filter { $0.status == .failed } }
    /// 0 when every study is done, 2 when some failed (exit code 2 = partial success).
    public var exitCode: Int32 { failed.isEmpty ? 0 : 2 }

    public func text() -> String {
        let ran = results.filter { $0.status == .done && !$0.skipped }.count
        let elsewhere = results.filter { $0.runningElsewhere != nil }.count
        let skipped = results.filter(\.skipped).count - elsewhere
        var out =
            "Batch: \(results.count) studies — \(ran) run, \(skipped) unchanged (not rerun), "
            + (elsewhere > 0 ? "\(elsewhere) running in another process, " : "") + "\(failed.count) failed"
            + String(format: " (%.1f s)\n", seconds)
        let width = max(6, results.map(\.name.count).max() ?? 6) + 2
        out += "study".padding(toLength: width, withPad: " ", startingAt: 0) + "status   run / error\n"
        for r in results {
            let status = r.runningElsewhere != nil ? "running" : r.skipped ? "kept" : r.status.rawValue
            out +=
                r.name.padding(toLength: width, withPad: " ", startingAt: 0)
                + status.padding(toLength: 9, withPad: " ", startingAt: 0)
                + (r.status == .failed
                    ? (r.error ?? "")
                    : r.runningElsewhere.map { "in another lastmile process (pid \($0)), run \(r.runID ?? "?")" }
                        ?? (r.runID ?? "")) + "\n"
        }
        if !failed.isEmpty {
            out += "Failed:\n"
            for r in failed { out += "  \(r.folder): \(r.error ?? "")\n" }
        }
        out += "Outputs: \(outputRoot)\n"
        return out
    }

    public func json() -> String {
        let object: [String: Any] = [
            "output_root": outputRoot, "store": storePath, "seconds": seconds,
            "studies": results.count, "failed": failed.count, "recovered_runs": recoveredRuns,
            "results": results.map { r -> [String: Any] in
                [
                    "folder": r.folder, "name": r.name, "status": r.status.rawValue, "skipped": r.skipped,
                    "run_id": r.runID.map { $0 as Any } ?? NSNull(),
                    "output_directory": r.outputDirectory.map { $0 as Any } ?? NSNull(),
                    "error": r.error.map { $0 as Any } ?? NSNull(), "seconds": r.seconds,
                    "running_elsewhere_pid": r.runningElsewhere.map { Int($0) as Any } ?? NSNull(),
                ]
            },
        ]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
