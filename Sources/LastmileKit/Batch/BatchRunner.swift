import Foundation
import GeoIO
import GeoModel
import RunStore
import Synchronization

/// Runs many studies — one per folder — unattended, with a job table in the run store so that a
/// batch killed at any moment resumes where it stopped.
///
/// Each study's outputs go to `<out>/<folder name>/<run-id>/` (written under a `.partial` name and
/// renamed when complete). A study that fails is recorded with its error and the batch goes on. On
/// a re-run, a study whose job is done and whose inputs (study file and every input file, by
/// SHA-256) are unchanged is not redone; a study interrupted mid-run is cleaned and restarted.
public enum BatchRunner {
    /// What a batch runs and where.
    public struct Options: Sendable {
        /// Study folders (each with a `study.toml`, or the template).
        public var folders: [String]
        public var outputRoot: String
        /// The run store; default `<outputRoot>/runs.sqlite`.
        public var storePath: String?
        /// Studies run at once (default: the machine's active processor count).
        public var jobs: Int
        /// A study file used for folders without their own `study.toml`: its relative paths resolve
        /// against each folder and `{folder}` in its text becomes the folder's name.
        public var templatePath: String?
        public var strict: Bool
        /// `--set KEY=VALUE` overrides applied to every study.
        public var overrides: [String]
        /// Public edition for every study (see `RunOptions.publicThreshold`).
        public var publicThreshold: Int?
        /// Receives progress events (from worker threads, one at a time).
        public var progress: (@Sendable (BatchEvent) -> Void)?

        public init(
            folders: [String], outputRoot: String = "reports", storePath: String? = nil,
            jobs: Int = ProcessInfo.processInfo.activeProcessorCount, templatePath: String? = nil,
            strict: Bool = false, overrides: [String] = [], publicThreshold: Int? = nil,
            progress: (@Sendable (BatchEvent) -> Void)? = nil
        ) {
            self.folders = folders; self.outputRoot = outputRoot; self.storePath = storePath; self.jobs = jobs
            self.templatePath = templatePath; self.strict = strict; self.overrides = overrides
            self.publicThreshold = publicThreshold; self.progress = progress
        }
    }

    /// The folders a manifest lists: one per line, relative to the manifest's folder; `#` starts a comment.
    /// - Throws: `.io` when the manifest cannot be read; `.badInput` naming the line of a folder that does not exist.
    public static func folders(fromManifest path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LastmileError.io(
                path: path, FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LastmileError.badInput(SourceLocation(file: path), "the manifest is not UTF-8 text")
        }
        let base = (path as NSString).deletingLastPathComponent
        var out: [String] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line =
                raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first
                .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if line.isEmpty { continue }
            let folder =
                line.hasPrefix("/") ? line : (base.isEmpty ? line : (base as NSString).appendingPathComponent(line))
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
                throw LastmileError.badInput(
                    SourceLocation(file: path, line: i + 1), "no study folder '\(line)' (looked for \(folder))")
            }
            out.append(folder)
        }
        return out
    }

    /// Runs the batch and returns one result per folder, in the order given.
    /// - Throws: `.usage` for no folders or two folders with the same name; `.io` when the store cannot
    ///   be opened. A study's own failure is not thrown: it is in its result.
    public static func run(_ options: Options) throws -> BatchSummary {
        let started = Date()
        guard !options.folders.isEmpty else {
            throw LastmileError.usage("give at least one study folder, or --manifest FILE")
        }
        let out = absolute(options.outputRoot)
        let folders = options.folders.map { absolute($0) }
        var byName: [String: String] = [:]
        for f in folders {
            let name = (f as NSString).lastPathComponent
            if let other = byName[name] {
                throw LastmileError.usage(
                    "two study folders share the name '\(name)' (\(other) and \(f)); outputs go to <out>/<folder name>/"
                )
            }
            byName[name] = f
        }
        let storePath = options.storePath.map(absolute) ?? (out as NSString).appendingPathComponent("runs.sqlite")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let recovered = try RunRecovery.recover(storePath: storePath)
        let store = try RunStore(path: storePath)
        let template = try options.templatePath.map { path -> String in
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
            else {
                throw LastmileError.io(
                    path: path,
                    FileManager.default.fileExists(atPath: path)
                        ? "cannot read the template as UTF-8 text" : "no such file")
            }
            return text
        }

        // Decide each job: skip (done, same inputs), adopt (finished run, job not yet marked), or run.
        var results = [BatchResult?](repeating: nil, count: folders.count)
        var pending: [(index: Int, study: Study, digest: String)] = []
        for (i, folder) in folders.enumerated() {
            let name = (folder as NSString).lastPathComponent
            let studyPath = (folder as NSString).appendingPathComponent("study.toml")
            var job =
                try store.batchJob(folder: folder, outRoot: out)
                ?? BatchJob(folder: folder, outRoot: out, studyPath: studyPath, status: .pending)
            let study: Study
            let digest: String
            do {
                study = try loadStudy(
                    folder: folder, studyPath: studyPath, template: template, overrides: options.overrides)
                digest = try inputsDigest(study)
            } catch {
                job.status = .failed
                job.error = message(error)
                job.ownerPID = nil
                job.updatedAt = Date()
                try store.saveBatchJob(job)
                results[i] = BatchResult(
                    folder: folder, name: name, status: .failed, runID: nil, outputDirectory: nil,
                    error: job.error, skipped: false, seconds: 0)
                continue
            }
            if job.inputsSHA256 == digest, let runID = job.runID, let run = try store.run(runID), run.status == .done,
                FileManager.default.fileExists(atPath: run.outputDirectory),
                job.status == .done || (job.status == .running && !(job.ownerPID.map(RunStore.processIsAlive) ?? false))
            {
                if job.status != .done {
                    // The run finished but the process died before the job was marked: adopt it.
                    job.status = .done
                    job.error = nil
                    job.ownerPID = nil
                    job.updatedAt = Date()
                    try store.saveBatchJob(job)
                }
                results[i] = BatchResult(
                    folder: folder, name: name, status: .done, runID: runID.rawValue,
                    outputDirectory: run.outputDirectory, error: nil, skipped: true, seconds: 0)
                continue
            }
            job.status = .pending
            job.error = nil
            job.runID = nil
            job.inputsSHA256 = digest
            job.ownerPID = nil
            job.updatedAt = Date()
            // Another batch on the same store running this study right now keeps it (not started twice).
            guard try store.resetBatchJob(job) else {
                results[i] = try takenElsewhere(folder: folder, outRoot: out, store: store)
                continue
            }
            pending.append((i, study, digest))
        }

        let total = folders.count
        let finished = Mutex(results.compactMap { $0 }.count)
        let collected = Mutex(results)
        let next = Mutex(0)
        options.progress?(
            BatchEvent(
                kind: .started, name: "", total: total, finished: finished.withLock { $0 },
                message: "\(pending.count) to run, \(total - pending.count) already done or failed to load"
                    + (recovered.isEmpty ? "" : "; \(English.counted(recovered.count, "interrupted run")) cleaned"),
                elapsed: 0))
        let workers = max(1, min(options.jobs, pending.count))
        let storeForWorkers = storePath
        let pendingJobs = pending
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let k: Int = next.withLock { n in
                    defer { n += 1 }
                    return n
                }
                guard k < pendingJobs.count else { return }
                let (index, study, digest) = pendingJobs[k]
                let result = runOne(
                    study: study, folder: folders[index], digest: digest, outRoot: out, storePath: storeForWorkers,
                    options: options, total: total, finished: finished, started: started)
                collected.withLock { $0[index] = result }
                let done = finished.withLock { n in
                    n += 1
                    return n
                }
                options.progress?(
                    BatchEvent(
                        kind: result.status == .failed ? .studyFailed : .studyDone, name: result.name,
                        total: total, finished: done,
                        message: result.error ?? result.runningElsewhere.map {
                            "running in another lastmile process, pid \($0)"
                        }
                            ?? result.runID ?? "",
                        elapsed: Date().timeIntervalSince(started)))
            }
        }
        return BatchSummary(
            results: collected.withLock { $0 }.compactMap { $0 }, outputRoot: out, storePath: storePath,
            seconds: Date().timeIntervalSince(started), recoveredRuns: recovered)
    }

    /// A job another batch process claimed: done (its run, kept), failed (its error), or still
    /// running in that process (not failed: this batch leaves it to its owner).
    static func takenElsewhere(folder: String, outRoot: String, store: RunStore) throws -> BatchResult {
        let job = try store.batchJob(folder: folder, outRoot: outRoot)
        let run = try job?.runID.flatMap { try store.run($0) }
        return BatchResult(
            folder: folder, name: (folder as NSString).lastPathComponent, status: job?.status ?? .failed,
            runID: job?.runID?.rawValue, outputDirectory: job?.status == .done ? run?.outputDirectory : nil,
            error: job?.status == .failed ? job?.error : nil, skipped: true, seconds: 0,
            runningElsewhere: job?.status == .running ? job?.ownerPID : nil)
    }

    /// Claims one study's job, runs the study and records the job; never throws (a failure is the
    /// result, and a job another batch process claimed first is `takenElsewhere`).
    static func runOne(
        study: Study, folder: String, digest: String, outRoot: String, storePath: String, options: Options,
        total: Int, finished: borrowing Mutex<Int>, started: Date
    ) -> BatchResult {
        let name = (folder as NSString).lastPathComponent
        let t0 = Date()
        let runID = RunID.generate(date: t0)
        var job = BatchJob(
            folder: folder, outRoot: outRoot, studyPath: study.parameters.sourcePath, status: .running,
            runID: runID, inputsSHA256: digest, updatedAt: t0,
            ownerPID: ProcessInfo.processInfo.processIdentifier)
        do {
            let store = try RunStore(path: storePath)
            guard try store.claimBatchJob(folder: folder, outRoot: outRoot, runID: runID, at: t0) else {
                // Not ours: nothing of the job is written (the catch below would mark it failed).
                return (try? takenElsewhere(folder: folder, outRoot: outRoot, store: store))
                    ?? BatchResult(
                        folder: folder, name: name, status: .failed, runID: nil, outputDirectory: nil,
                        error: "another lastmile process claimed the job; its state cannot be read", skipped: true,
                        seconds: 0)
            }
            let progress = options.progress
            let done = finished.withLock { $0 }
            var runOptions = RunOptions(
                outputRoot: outRoot, storePath: storePath, now: t0,
                progress: { stage in
                    progress?(
                        BatchEvent(
                            kind: .stage, name: name, total: total, finished: done, message: stage,
                            elapsed: Date().timeIntervalSince(started)))
                })
            runOptions.strict = options.strict
            runOptions.studyFolderName = name
            runOptions.runID = runID
            runOptions.publicThreshold = options.publicThreshold
            let outcome = try StudyRunner.run(study, options: runOptions)
            job.status = .done
            job.ownerPID = nil
            job.updatedAt = Date()
            try store.saveBatchJob(job)
            return BatchResult(
                folder: folder, name: name, status: .done, runID: runID.rawValue,
                outputDirectory: outcome.outputDirectory, error: nil, skipped: false,
                seconds: Date().timeIntervalSince(t0))
        } catch {
            job.status = .failed
            job.error = message(error)
            job.ownerPID = nil
            job.updatedAt = Date()
            try? RunStore(path: storePath).saveBatchJob(job)
            return BatchResult(
                folder: folder, name: name, status: .failed, runID: runID.rawValue, outputDirectory: nil,
                error: job.error, skipped: false, seconds: Date().timeIntervalSince(t0))
        }
    }

    static func loadStudy(folder: String, studyPath: String, template: String?, overrides: [String]) throws -> Study {
        if FileManager.default.fileExists(atPath: studyPath) || template == nil {
            return try Study.load(path: studyPath, overrides: overrides)
        }
        let name = (folder as NSString).lastPathComponent
        var parameters = try StudyParameters(
            text: template!.replacingOccurrences(of: "{folder}", with: name), sourcePath: studyPath)
        try parameters.apply(overrides: overrides)
        return try Study(parameters: parameters)
    }

    /// SHA-256 over the study's text and every input file's role, path and SHA-256.
    static func inputsDigest(_ study: Study) throws -> String {
        var lines = "study\t\(study.parameters.sourcePath)\t" + SHA256.hex(of: Array(study.parameters.text.utf8)) + "\n"
        var files: [(String, String)] = study.availabilityPaths.map { ("availability", $0) }
        if let a = study.areasPath { files.append(("areas", a)) }
        if let d = study.demographicsPath { files.append(("demographics", d)) }
        for (role, path) in files { lines += "\(role)\t\(path)\t\(try FileDigest.of(path: path).sha256)\n" }
        return SHA256.hex(of: Array(lines.utf8))
    }

    static func message(_ error: Error) -> String {
        (error as? LastmileError)?.description ?? "\(error)"
    }

    static func absolute(_ path: String) -> String {
        let p =
            path.hasPrefix("/")
            ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        return (p as NSString).standardizingPath
    }
}
