import Foundation
import TestSupport
import Testing

/// `lastmile batch`: many studies, failures that do not stop the batch, and resuming after SIGKILL.
@Suite struct BatchCommandTests {
    static let base = TestPaths.repo("Tests/IngestTests/Fixtures/bad/base")

    /// `count` study folders copied from the small base study; study i keeps the first (i mod 5) + 1
    /// availability rows, so the studies' results differ from one another.
    static func makeStudies(_ count: Int, in dir: TemporaryDirectory) throws -> [String] {
        let availability = try String(contentsOfFile: base + "/availability.csv", encoding: .utf8).split(
            separator: "\n")
        return try (1...count).map { i in
            let folder = dir.file(String(format: "county-%02d", i))
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for f in ["study.toml", "areas.geojson", "acs.csv"] {
                try FileManager.default.copyItem(atPath: base + "/" + f, toPath: folder + "/" + f)
            }
            let rows = availability.prefix(1 + (i % 5) + 1).joined(separator: "\n") + "\n"
            try rows.write(toFile: folder + "/availability.csv", atomically: true, encoding: .utf8)
            return folder
        }
    }

    /// Per study: the results.csv of the run its job points to (from the JSON summary).
    static func results(_ summaryJSON: String) throws -> [String: String] {
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(summaryJSON.utf8)) as? [String: Any])
        var out: [String: String] = [:]
        for r in try #require(obj["results"] as? [[String: Any]]) {
            let name = try #require(r["name"] as? String)
            if let dir = r["output_directory"] as? String {
                out[name] = try String(contentsOfFile: dir + "/results.csv", encoding: .utf8)
            } else {
                out[name] = "failed: \(r["error"] ?? "")"
            }
        }
        return out
    }

    /// Every path under `root` that is temporary: a `.partial` run folder or an atomic-write temp file.
    static func partialOutputs(_ root: String) -> [String] {
        (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? [])
            .filter { $0.contains(".partial") || $0.contains(".tmp-") }
    }

    @Test func failedStudyDoesNotStopTheBatch() throws {
        let dir = try TemporaryDirectory()
        let folders = try Self.makeStudies(3, in: dir)
        try "not a BDC file\n".write(toFile: folders[1] + "/availability.csv", atomically: true, encoding: .utf8)
        let r = try CommandLineRun.lastmile(
            ["batch"] + folders + ["--out", dir.file("out"), "--jobs", "2", "--no-progress"],
            expecting: .exit(2))
        #expect(r.stdout.contains("Batch: 3 studies — 2 run, 0 unchanged (not rerun), 1 failed"))
        #expect(r.stdout.contains("Failed:\n  \(folders[1]): \(folders[1])/availability.csv, line 1"))
        // Outputs: OUT/<folder name>/<run-id>/ for the two good studies only.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir.file("out")).sorted()
                == ["county-01", "county-03", "runs.sqlite", "runs.sqlite-shm", "runs.sqlite-wal"].filter {
                    FileManager.default.fileExists(atPath: dir.file("out/" + $0))
                })
        // The job table says the same (sqlite3 shell as an independent reader).
        let jobs = try CommandLineRun.sqlite3(
            dir.file("out/runs.sqlite"), "select substr(folder, -9) || ':' || status from batch_jobs order by folder")
        #expect(jobs.stdout == "county-01:done\ncounty-02:failed\ncounty-03:done\n")
        // Fixing the input and re-running runs only that study.
        try FileManager.default.removeItem(atPath: folders[1] + "/availability.csv")
        try FileManager.default.copyItem(
            atPath: Self.base + "/availability.csv", toPath: folders[1] + "/availability.csv")
        let again = try CommandLineRun.lastmile(
            ["batch"] + folders + ["--out", dir.file("out"), "--format", "json", "-q"])
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        let skipped = (obj["results"] as? [[String: Any]])?.map { $0["skipped"] as? Bool }
        #expect(skipped == [true, false, true])
    }

    @Test func manifestAndChangedInputsAreRerun() throws {
        let dir = try TemporaryDirectory()
        let folders = try Self.makeStudies(2, in: dir)
        let manifest = try dir.write("batch.txt", "# two counties\ncounty-01\n\ncounty-02   # the second\n")
        try CommandLineRun.lastmile(["batch", "--manifest", manifest, "--out", dir.file("out"), "-q"])
        // Same bytes: nothing rerun. One input changed (SHA-256 differs): that study alone reruns.
        let same = try CommandLineRun.lastmile(
            ["batch", "--manifest", manifest, "--out", dir.file("out"), "-q", "--format", "text"])
        #expect(same.stdout.contains("0 run, 2 unchanged"))
        try (try String(contentsOfFile: folders[0] + "/study.toml", encoding: .utf8) + "\n# edited\n")
            .write(toFile: folders[0] + "/study.toml", atomically: true, encoding: .utf8)
        let changed = try CommandLineRun.lastmile(
            ["batch", "--manifest", manifest, "--out", dir.file("out"), "-q", "--format", "text"])
        #expect(changed.stdout.contains("1 run, 1 unchanged"))
        try CommandLineRun.lastmile(
            ["batch", "--manifest", try dir.write("bad.txt", "county-01\nnowhere\n"), "--out", dir.file("out")],
            expecting: .exit(65),
            stderr: .containing("bad.txt, line 2: no study folder 'nowhere'"))
    }

    @Test func templateForFoldersWithoutStudyFile() throws {
        let dir = try TemporaryDirectory()
        let folders = try Self.makeStudies(2, in: dir)
        for f in folders { try FileManager.default.removeItem(atPath: f + "/study.toml") }
        let template = try dir.write(
            "template.toml",
            """
            [study]
            name = "Broadband plan {folder}"
            area_level = "blockgroup"
            [inputs]
            areas = "areas.geojson"
            availability = ["availability.csv"]
            """)
        try CommandLineRun.lastmile(
            ["batch"] + folders + ["--template", template, "--out", dir.file("out"), "--format", "json", "-q"])
        let list = try CommandLineRun.lastmile(["runs", "list", "--out", dir.file("out"), "--format", "csv"])
        #expect(list.stdout.contains(",Broadband plan county-01,"))
        #expect(list.stdout.contains(",Broadband plan county-02,"))
        // Without a template a folder lacking study.toml fails with the path, and the batch exits 2; with
        // -q the failure is an error on stderr and stdout stays empty.
        let missing = try CommandLineRun.lastmile(
            ["batch", folders[0], "--out", dir.file("out2"), "-q"],
            expecting: .exit(2), stderr: .containing("lastmile: error: ", "county-01/study.toml: no such file"))
        #expect(missing.stdout.isEmpty, "\(missing.stdout)")
    }

    @Test func studyRunningInAnotherProcessIsNotStartedTwice() throws {
        let dir = try TemporaryDirectory()
        let folders = try Self.makeStudies(2, in: dir)
        let out = dir.file("out")
        try CommandLineRun.lastmile(["batch"] + folders + ["--out", out, "-q"])
        // Pretend this test process is a batch running county-01 right now (its pid is alive).
        let pid = ProcessInfo.processInfo.processIdentifier
        _ = try CommandLineRun.sqlite3(
            out + "/runs.sqlite",
            "update batch_jobs set status = 'running', owner_pid = \(pid) where folder like '%county-01'")
        // Not a failure of this batch (exit 0): the study is left to the process running it.
        let again = try CommandLineRun.lastmile(["batch"] + folders + ["--out", out, "-q", "--format", "text"])
        #expect(again.stdout.contains("running  in another lastmile process (pid \(pid))"), "\(again.stdout)")
        let runs = try FileManager.default.contentsOfDirectory(atPath: out + "/county-01")
        #expect(runs.count == 1)
    }

    /// Two batch processes started together on one store (two planners, or cron and a person):
    /// they share the studies, run each exactly once, and neither reports the other's job as failed.
    @Test func twoBatchesOnOneStoreShareTheWork() throws {
        let dir = try TemporaryDirectory()
        let folders = try Self.makeStudies(8, in: dir)
        let out = dir.file("out")
        let outputs = (0..<2).map { dir.file("batch-\($0).json") }
        let processes = try outputs.map { path -> Process in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CommandLineRun.lastmileExecutable)
            p.arguments = ["batch"] + folders + ["--out", out, "--jobs", "1", "--format", "json", "-q"]
            FileManager.default.createFile(atPath: path, contents: nil)
            p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            p.standardError = FileHandle.nullDevice
            try p.run()
            return p
        }
        for p in processes { p.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0])
        let db = out + "/runs.sqlite"
        // Each study ran exactly once: eight runs, all done, one run folder per study.
        let runs = try CommandLineRun.sqlite3(db, "select status, count(*) from runs group by status")
        #expect(runs.stdout == "done|8\n", "\(runs.stdout)")
        let jobs = try CommandLineRun.sqlite3(db, "select status, count(*) from batch_jobs group by status")
        #expect(jobs.stdout == "done|8\n", "\(jobs.stdout)")
        for f in folders {
            let name = (f as NSString).lastPathComponent
            #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/" + name).count == 1, "\(name)")
        }
        var ranBy = [Int](repeating: 0, count: 2)
        for (n, path) in outputs.enumerated() {
            let obj = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
            #expect(obj["failed"] as? Int == 0, "\(path)")
            let results = try #require(obj["results"] as? [[String: Any]])
            #expect(results.count == 8)
            ranBy[n] = results.filter { ($0["skipped"] as? Bool) == false }.count
        }
        #expect(ranBy[0] + ranBy[1] == 8, "\(ranBy)")
    }

    /// Kills a batch of 12 studies with SIGKILL at several moments, re-runs it until it completes, and
    /// compares with an uninterrupted batch: the same results per study, one run folder per study,
    /// and no partial output anywhere.
    @Test func resumesAfterSIGKILLWithIdenticalResults() throws {
        let dir = try TemporaryDirectory()
        let folders = try Self.makeStudies(12, in: dir)
        let reference = try CommandLineRun.lastmile(
            ["batch"] + folders + ["--out", dir.file("reference"), "--format", "json", "-q"])
        let expected = try Self.results(reference.stdout)
        #expect(expected.count == 12)

        let out = dir.file("killed")
        var killedWhileRunning = 0
        for delay in [0.15, 0.35, 0.6, 0.9, 1.2] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CommandLineRun.lastmileExecutable)
            p.arguments = ["batch"] + folders + ["--out", out, "--jobs", "2", "-q"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            Thread.sleep(forTimeInterval: delay)
            if p.isRunning {
                kill(p.processIdentifier, SIGKILL)
            }
            p.waitUntilExit()
            if p.terminationReason == .uncaughtSignal { killedWhileRunning += 1 }
        }
        #expect(killedWhileRunning >= 2, "the kills must land while the batch runs")

        let final = try CommandLineRun.lastmile(["batch"] + folders + ["--out", out, "--format", "json", "-q"])
        #expect(try Self.results(final.stdout) == expected)
        #expect(Self.partialOutputs(out).isEmpty, "\(Self.partialOutputs(out))")
        for f in folders {
            let name = (f as NSString).lastPathComponent
            let runs = try FileManager.default.contentsOfDirectory(atPath: out + "/" + name)
            #expect(runs.count == 1, "\(name): \(runs)")
        }
        // Every run record is done, or failed as interrupted; every job is done.
        let db = out + "/runs.sqlite"
        for (sql, expected) in [
            (
                "select count(*) from runs where not (status = 'done' or (status = 'failed' and error like 'interrupted%'))",
                "0\n"
            ),
            ("select status, count(*) from batch_jobs group by status", "done|12\n"),
            ("select count(*) from runs where status = 'done'", "12\n"),
        ] {
            #expect(try CommandLineRun.sqlite3(db, sql).stdout == expected, "\(sql)")
        }
        // At least one kill landed inside a study's run: its record was found and marked interrupted.
        let interrupted = try CommandLineRun.sqlite3(db, "select count(*) from runs where error like 'interrupted%'")
        #expect((Int(interrupted.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) >= 1)
    }
}
