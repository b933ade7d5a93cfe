import Foundation
import GeoModel
import RunStore

/// Cleaning up after runs whose process died (killed, power loss): on the next start their records
/// are marked failed ("interrupted") and their folders — temporary `.<run-id>.partial` and, if the
/// rename happened but the record never turned done, the final one — are removed, so that nothing
/// half-finished looks finished.
public enum RunRecovery {
    /// Recovers every orphaned run of the store at `storePath`; returns the ids recovered.
    /// - Throws: `LastmileError.io` when the store cannot be opened or a folder cannot be removed.
    @discardableResult
    public static func recover(storePath: String, now: Date = Date()) throws -> [String] {
        guard FileManager.default.fileExists(atPath: storePath) else { return [] }
        let store = try RunStore(path: storePath)
        var recovered: [String] = []
        for run in try store.orphanedRuns() {
            let final = run.outputDirectory
            let partial = ((final as NSString).deletingLastPathComponent as NSString)
                .appendingPathComponent(".\(run.id.rawValue).partial")
            for folder in [partial, final] where FileManager.default.fileExists(atPath: folder) {
                do {
                    try FileManager.default.removeItem(atPath: folder)
                } catch {
                    throw LastmileError.io(
                        path: folder,
                        "cannot remove the folder of interrupted run \(run.id): \(LastmileError.reason(error))")
                }
            }
            try store.markInterrupted(run.id, at: now)
            recovered.append(run.id.rawValue)
        }
        return recovered
    }

    /// The store path `RunOptions` would use.
    public static func storePath(outputRoot: String, store: String?) -> String {
        RunOptions(outputRoot: outputRoot, storePath: store).resolvedStorePath
    }
}
