import Foundation
import GeoModel

/// Which process is running a run, so that the next start can tell a live run from one whose process
/// died (killed, power loss): `runs.owner_pid`, added by migration 0003_batch_jobs and written by
/// `beginRun`.
extension RunStore {
    /// Runs still marked `running` whose process is gone (`isAlive` false for its pid, or no pid recorded).
    public func orphanedRuns(isAlive: (Int32) -> Bool = RunStore.processIsAlive) throws -> [StoredRun] {
        let rows = try database.query("SELECT id, owner_pid FROM runs WHERE status = 'running' ORDER BY id") {
            (RunID($0.text(0) ?? ""), $0.integer(1))
        }
        return try rows.filter { _, pid in pid.map { !isAlive(Int32(truncatingIfNeeded: $0)) } ?? true }
            .compactMap { try run($0.0) }
    }

    /// Marks a run that its process never finished as failed, with the error "interrupted".
    public func markInterrupted(_ run: RunID, at date: Date = Date()) throws {
        try database.run(
            """
            UPDATE runs SET status = 'failed', finished_at = ?,
                error = 'interrupted: the process ended before the run finished; its partial outputs were removed'
            WHERE id = ? AND status = 'running'
            """, [.text(Timestamp.string(from: date)), .text(run.rawValue)])
    }

    /// Whether a process with this pid exists (`kill(pid, 0)`: 0 when it exists, EPERM when it exists
    /// but belongs to another user).
    public static func processIsAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        // kill with signal 0 sends nothing; returns 0 when the process exists, -1 with errno otherwise.
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
