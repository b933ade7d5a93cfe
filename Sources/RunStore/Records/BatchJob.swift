import Foundation
import GeoModel

/// One study of a batch, as the job table (`batch_jobs`) keeps it: where it is, where its outputs go,
/// how far it got, and the fingerprint of its inputs when it last finished.
public struct BatchJob: Hashable, Sendable {
    public enum Status: String, Sendable, CaseIterable {
        case pending, running, done, failed
    }

    /// The study folder (absolute): the job's key together with `outRoot`.
    public var folder: String
    /// The batch's output root (absolute).
    public var outRoot: String
    public var studyPath: String
    public var status: Status
    public var error: String?
    /// The run that produced (or is producing) the outputs.
    public var runID: RunID?
    /// SHA-256 over the study file and every input file (see `BatchRunner`).
    public var inputsSHA256: String?
    public var updatedAt: Date
    /// The process running the job while `status` is `running`.
    public var ownerPID: Int32?

    public init(
        folder: String, outRoot: String, studyPath: String, status: Status, error: String? = nil,
        runID: RunID? = nil, inputsSHA256: String? = nil, updatedAt: Date = Date(), ownerPID: Int32? = nil
    ) {
        self.folder = folder; self.outRoot = outRoot; self.studyPath = studyPath; self.status = status
        self.error = error; self.runID = runID; self.inputsSHA256 = inputsSHA256; self.updatedAt = updatedAt
        self.ownerPID = ownerPID
    }
}

extension RunStore {
    /// Inserts or replaces a job (keyed by folder and output root).
    public func saveBatchJob(_ job: BatchJob) throws {
        try database.run(
            """
            INSERT INTO batch_jobs (folder, out_root, study_path, status, error, run_id, inputs_sha256, updated_at, owner_pid)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (folder, out_root) DO UPDATE SET study_path = excluded.study_path, status = excluded.status,
                error = excluded.error, run_id = excluded.run_id, inputs_sha256 = excluded.inputs_sha256,
                updated_at = excluded.updated_at, owner_pid = excluded.owner_pid
            """,
            [
                .text(job.folder), .text(job.outRoot), .text(job.studyPath), .text(job.status.rawValue),
                .optional(job.error), .optional(job.runID?.rawValue), .optional(job.inputsSHA256),
                .text(Timestamp.string(from: job.updatedAt)), job.ownerPID.map { .integer(Int64($0)) } ?? .null,
            ])
    }

    /// Saves `job` (as pending, for this batch to run) unless another live process is running it; one
    /// transaction, so that no claim comes between the check and the write.
    /// - Returns: false, saving nothing, when the job is running in another live process.
    public func resetBatchJob(_ job: BatchJob, pid: Int32 = ProcessInfo.processInfo.processIdentifier) throws -> Bool {
        try database.transaction {
            if let current = try batchJob(folder: job.folder, outRoot: job.outRoot), current.status == .running,
                let owner = current.ownerPID, owner != pid, RunStore.processIsAlive(owner)
            {
                return false
            }
            try saveBatchJob(job)
            return true
        }
    }

    /// Claims a pending job for process `pid` and run `runID`: one `UPDATE … WHERE status = 'pending'`
    /// in a transaction, so of two batches on one store exactly one gets each job.
    /// - Returns: true when this call took the job; false when another process had claimed it (or
    ///   finished it) first.
    public func claimBatchJob(
        folder: String, outRoot: String, runID: RunID,
        pid: Int32 = ProcessInfo.processInfo.processIdentifier, at date: Date = Date()
    ) throws -> Bool {
        try database.transaction {
            try database.run(
                """
                UPDATE batch_jobs SET status = 'running', run_id = ?, owner_pid = ?, error = NULL, updated_at = ?
                WHERE folder = ? AND out_root = ? AND status = 'pending'
                """,
                [
                    .text(runID.rawValue), .integer(Int64(pid)), .text(Timestamp.string(from: date)),
                    .text(folder), .text(outRoot),
                ])
            return database.changes == 1
        }
    }

    /// The job for a study folder and output root, if any.
    public func batchJob(folder: String, outRoot: String) throws -> BatchJob? {
        try batchJobs(where: "folder = ? AND out_root = ?", [.text(folder), .text(outRoot)]).first
    }

    /// Every job writing to an output root, ordered by folder.
    public func batchJobs(outRoot: String) throws -> [BatchJob] {
        try batchJobs(where: "out_root = ?", [.text(outRoot)])
    }

    private func batchJobs(where condition: String, _ values: [SQLValue]) throws -> [BatchJob] {
        try database.query(
            """
            SELECT folder, out_root, study_path, status, error, run_id, inputs_sha256, updated_at, owner_pid
            FROM batch_jobs WHERE \(condition) ORDER BY folder
            """, values
        ) { row in
            let status: BatchJob.Status = try word(row.text(3) ?? "", column: "batch_jobs.status")
            return BatchJob(
                folder: row.text(0) ?? "", outRoot: row.text(1) ?? "", studyPath: row.text(2) ?? "",
                status: status, error: row.text(4), runID: row.text(5).map(RunID.init),
                inputsSHA256: row.text(6), updatedAt: try timestamp(row.text(7), column: "updated_at"),
                ownerPID: row.integer(8).map { Int32(truncatingIfNeeded: $0) })
        }
    }
}
