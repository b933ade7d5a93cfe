import Foundation
import TestSupport
import Testing

/// A run whose process died is marked failed ("interrupted") and its folders removed on the next start.
@Suite struct InterruptedRunTests {
    static let study = TestPaths.repo("Tests/IngestTests/Fixtures/bad/base/study.toml")

    /// The pid of a process that has exited.
    static func deadPID() throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try p.run()
        p.waitUntilExit()
        return p.processIdentifier
    }

    static func sqlite(_ db: String, _ sql: String) throws -> String {
        let r = try CommandLineRun.sqlite3(db, sql)
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func interruptedRunIsMarkedAndCleaned() throws {
        let out = try TemporaryDirectory()
        try CommandLineRun.lastmile(
            ["run", Self.study, "--out", out.path, "--no-progress"],
            stderr: .exactly(Warnings.baseStudy))
        let db = out.file("runs.sqlite")
        // A run that died after renaming its folder but before turning done, and one that died mid-write.
        let studyDir = out.file("bad-input-base")
        let pid = try Self.deadPID()
        for (id, folder) in [
            ("20260101T000000Z-00dead", "20260101T000000Z-00dead"),
            ("20260101T000001Z-0dead2", ".20260101T000001Z-0dead2.partial"),
        ] {
            _ = try Self.sqlite(
                db,
                """
                insert into runs (id, study_name, study_path, started_at, status, tool_version, study_text, output_dir, owner_pid)
                values ('\(id)', 'Bad input base', 'x', '2026-01-01T00:00:00.000Z', 'running', '0', '', '\(studyDir)/\(id)', \(pid))
                """)
            try FileManager.default.createDirectory(atPath: studyDir + "/" + folder, withIntermediateDirectories: true)
            try Data("half".utf8).write(to: URL(fileURLWithPath: studyDir + "/" + folder + "/report.pdf"))
        }
        try CommandLineRun.lastmile(
            ["run", Self.study, "--out", out.path, "--no-progress"],
            stderr: .containing(
                "run 20260101T000000Z-00dead was interrupted earlier",
                "run 20260101T000001Z-0dead2 was interrupted earlier"))
        #expect(
            try Self.sqlite(
                db, "select status || ':' || substr(error, 1, 11) from runs where id like '%dead%' order by id")
                == "failed:interrupted\nfailed:interrupted")
        #expect(try Self.sqlite(db, "select count(*) from runs where status = 'done'") == "2")
        let left = try FileManager.default.contentsOfDirectory(atPath: studyDir).sorted()
        #expect(left.count == 2)
        #expect(!left.contains { $0.contains("dead") || $0.hasPrefix(".") }, "\(left)")
    }

    @Test func finishedRunLeavesNoTemporaryFiles() throws {
        let out = try TemporaryDirectory()
        try CommandLineRun.lastmile(
            ["run", Self.study, "--out", out.path, "--no-progress"],
            stderr: .exactly(Warnings.baseStudy))
        let all = FileManager.default.enumerator(atPath: out.path)?.allObjects as? [String] ?? []
        #expect(!all.contains { $0.contains(".partial") || $0.contains(".tmp-") }, "\(all)")
        #expect(all.contains { $0.hasSuffix("/report.pdf") })
    }
}
