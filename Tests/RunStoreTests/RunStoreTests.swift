import Foundation
import GeoModel
import TestSupport
import Testing

@testable import RunStore

@Suite struct RunStoreTests {
    /// 2026-11-28T01:30:00Z: 1_795_829_400 s after 1970-01-01 (20,785 days × 86,400 s + 5,400 s).
    static let start = Date(timeIntervalSince1970: 1_795_829_400)

    static func sampleStart(_ id: String? = nil, at date: Date = start) -> RunStart {
        RunStart(
            id: id.map(RunID.init), studyName: "Demo County broadband plan", studyPath: "datasets/demo/study.toml",
            startedAt: date, toolVersion: "0.1.0",
            studyText: "[study]\nname = \"Demo County broadband plan\"\n", outputDirectory: "reports/demo/x")
    }

    static let sampleResults = [
        StoredAreaResult(
            areaID: "239900001001", name: "Block Group 1", locations: 120, unserved: 3, underserved: 7,
            served: 110, households: 98.5, noInternetShare: 0.12, medianIncome: 61_250,
            metrics: ["need_score": 0.25, "cost_per_passing": 668]),
        StoredAreaResult(
            areaID: "239900002001", name: "Block Group 1", locations: 80, unserved: 41, underserved: 30,
            served: 9, households: nil, noInternetShare: nil, medianIncome: nil),
        StoredAreaResult(
            areaID: "239900003002", name: "Block Group 2", locations: 45, unserved: 40, underserved: 5,
            served: 0, households: 31, noInternetShare: 0.3, medianIncome: nil, metrics: ["x": -1.5]),
    ]

    @Test func writesARunAndReadsItBack() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("store/runs.sqlite")
        let store = try RunStore(path: path)
        let id = try store.beginRun(Self.sampleStart())
        #expect(id.rawValue.hasPrefix("20261128T013000Z-"))
        #expect(id.isWellFormed)

        let inputs = [
            RunInput(
                role: "availability", path: "bdc_fixed_demo.csv", sizeBytes: 1_234_567,
                sha256: String(repeating: "ab", count: 32)),
            RunInput(
                role: "areas", path: "blockgroups.geojson", sizeBytes: 98_765,
                sha256: String(repeating: "0f", count: 32)),
        ]
        try store.recordInputs(inputs, for: id)
        let parameters = ["policy.profile": "bead-2022", "demand.take_rate": "0.45", "study.area_level": "blockgroup"]
        try store.recordParameters(parameters, for: id)
        try store.recordAreaResults(Self.sampleResults, for: id)
        let diagnostics = [
            RunDiagnostic(severity: .warning, message: "2 areas have no ACS estimate"),
            RunDiagnostic(severity: .info, message: "policy bead-2022"),
        ]
        try store.recordDiagnostics(diagnostics, for: id)
        let finished = Self.start.addingTimeInterval(2.5)
        try store.finishRun(id, status: .done, finishedAt: finished)

        let run = try #require(try store.run(id))
        #expect(run.studyName == "Demo County broadband plan")
        #expect(run.studyText == Self.sampleStart().studyText)
        #expect(run.startedAt == Self.start)
        #expect(run.finishedAt == finished)
        #expect(run.status == .done)
        #expect(run.error == nil)
        #expect(run.outputDirectory == "reports/demo/x")
        #expect(try store.areaResults(id) == Self.sampleResults)  // already in area id order
        #expect(try store.inputs(id) == [inputs[1], inputs[0]])  // ordered by role: areas < availability
        #expect(try store.parameters(id) == parameters)
        #expect(try store.diagnostics(id) == diagnostics)
        #expect(try store.run(RunID("20000101T000000Z-000000")) == nil)

        // Independent reads with the sqlite3 shell.
        // unserved 3 + 41 + 40 = 84; locations 120 + 80 + 45 = 245.
        #expect(try SQLiteShell.query(path, "select sum(unserved), sum(locations) from area_results") == "84|245")
        #expect(try SQLiteShell.query(path, "select count(*) from area_results where households is null") == "1")
        #expect(
            try SQLiteShell.query(path, "select metrics_json from area_results where area_id = '239900001001'")
                == #"{"cost_per_passing":668,"need_score":0.25}"#)
        #expect(try SQLiteShell.query(path, "select status, finished_at from runs") == "done|2026-11-28T01:30:02.500Z")
        #expect(try SQLiteShell.query(path, "select started_at from runs") == "2026-11-28T01:30:00.000Z")
        #expect(try SQLiteShell.query(path, "select sum(size_bytes) from inputs") == "1333332")  // 1,234,567 + 98,765
        #expect(try SQLiteShell.query(path, "select value from parameters where key = 'policy.profile'") == "bead-2022")

        let summary = try #require(try store.runs().first)
        #expect(summary.id == id)
        #expect(summary.areaCount == 3)
        #expect(summary.locations == 245)
        #expect(summary.unserved == 84)
        #expect(summary.underserved == 42)  // 7 + 30 + 5
        #expect(summary.served == 119)  // 110 + 9 + 0
    }

    @Test func migrationsRunOnceAndTheFileUsesWAL() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("runs.sqlite")
        let id: RunID
        do {
            let store = try RunStore(path: path)
            id = try store.beginRun(Self.sampleStart())
            #expect(try store.appliedMigrations() == Migration.all.map(\.name))
        }
        let reopened = try RunStore(path: path)
        #expect(try reopened.appliedMigrations() == Migration.all.map(\.name))
        #expect(try reopened.run(id)?.status == .running)
        _ = try RunStore(path: path)
        #expect(try SQLiteShell.query(path, "select count(*) from schema_migrations") == "\(Migration.all.count)")
        #expect(
            try SQLiteShell.query(path, "select name from schema_migrations order by rowid")
                == Migration.all.map(\.name).joined(separator: "\n"))
        #expect(try SQLiteShell.query(path, "pragma journal_mode") == "wal")
        #expect(try SQLiteShell.query(path, "select count(*) from runs") == "1")
    }

    @Test func concurrentOpenersMigrateOnceAndAllWrite() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("shared/runs.sqlite")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for n in 0..<4 {
                group.addTask {
                    // Each task has its own connection, as each study of a batch would.
                    let store = try RunStore(path: path)
                    let id = try store.beginRun(Self.sampleStart(at: Self.start.addingTimeInterval(Double(n))))
                    try store.recordAreaResults(Self.sampleResults, for: id)
                    try store.finishRun(id, status: .done)
                }
            }
            try await group.waitForAll()
        }
        #expect(try SQLiteShell.query(path, "select count(*) from schema_migrations") == "\(Migration.all.count)")
        #expect(try SQLiteShell.query(path, "select count(*), sum(status = 'done') from runs") == "4|4")
        #expect(try SQLiteShell.query(path, "select count(*) from area_results") == "12")  // 4 runs × 3 areas
    }

    @Test func aStoreFromANewerVersionIsRefused() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("runs.sqlite")
        _ = try RunStore(path: path)
        _ = try SQLiteShell.query(
            path, "insert into schema_migrations values ('9999-future', '2030-01-01T00:00:00.000Z')")
        #expect {
            _ = try RunStore(path: path)
        } throws: { error in
            guard case LastmileError.failed(let message) = error else { return false }
            return message.contains("9999-future") && message.contains(path)
        }
    }

    @Test func aFailedRunKeepsItsError() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("runs.sqlite")
        let store = try RunStore(path: path)
        let id = try store.beginRun(Self.sampleStart())
        let message = "acs.csv, line 7, column 'B19013_001E': a number"
        try store.finishRun(id, status: .failed, error: message)
        let run = try #require(try store.run(id))
        #expect(run.status == .failed)
        #expect(run.error == message)
        #expect(run.finishedAt != nil)
        #expect(try SQLiteShell.query(path, "select status, error from runs where id = '\(id)'") == "failed|\(message)")
        #expect(try store.runs().first?.status == .failed)
    }

    @Test func finishingAnUnknownRunIsAnError() throws {
        let dir = try TemporaryDirectory()
        let store = try RunStore(path: dir.file("runs.sqlite"))
        #expect(throws: LastmileError.self) {
            try store.finishRun(RunID("20000101T000000Z-000000"), status: .done)
        }
    }

    @Test func aFailingInsertRollsBackEveryAreaResult() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("runs.sqlite")
        let store = try RunStore(path: path)
        let id = try store.beginRun(Self.sampleStart())
        // The fourth row repeats the first row's area id: PRIMARY KEY (run_id, area_id) fails on it,
        // after three rows were inserted inside the transaction.
        let duplicated = Self.sampleResults + [Self.sampleResults[0]]
        var thrown: LastmileError?
        do {
            try store.recordAreaResults(duplicated, for: id)
        } catch let error as LastmileError {
            thrown = error
        }
        let error = try #require(thrown)
        #expect(error.description.contains("UNIQUE constraint failed: area_results.run_id, area_results.area_id"))
        #expect(error.description.contains("INSERT INTO area_results"))
        #expect(error.description.contains(path))
        #expect(try SQLiteShell.query(path, "select count(*) from area_results") == "0")
        #expect(try store.areaResults(id).isEmpty)
        // The connection is usable afterwards: the transaction was closed.
        try store.recordAreaResults(Self.sampleResults, for: id)
        #expect(try SQLiteShell.query(path, "select count(*) from area_results") == "3")
    }

    @Test func foreignKeysAreEnforced() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("runs.sqlite")
        let store = try RunStore(path: path)
        #expect {
            try store.recordAreaResults(Self.sampleResults, for: RunID("20000101T000000Z-000000"))
        } throws: { error in
            (error as? LastmileError)?.description.contains("FOREIGN KEY constraint failed") == true
        }
        #expect(try SQLiteShell.query(path, "select count(*) from area_results") == "0")
    }

    @Test func runsAreListedNewestFirst() throws {
        let dir = try TemporaryDirectory()
        let store = try RunStore(path: dir.file("runs.sqlite"))
        let older = try store.beginRun(Self.sampleStart(at: Self.start))
        let newer = try store.beginRun(Self.sampleStart(at: Self.start.addingTimeInterval(3600)))
        let middle = try store.beginRun(Self.sampleStart(at: Self.start.addingTimeInterval(60)))
        #expect(try store.runs().map(\.id) == [newer, middle, older])
        #expect(try store.runs().allSatisfy { $0.areaCount == 0 && $0.status == .running })
        #expect(newer.rawValue.hasPrefix("20261128T023000Z-"))
        #expect(middle.rawValue.hasPrefix("20261128T013100Z-"))
    }

    @Test func aFileThatIsNotSQLiteIsAnIOError() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("notes.sqlite", String(repeating: "this is a text file, not a database\n", count: 20))
        #expect {
            _ = try RunStore(path: path)
        } throws: { error in
            guard case LastmileError.io(let errorPath, let message) = error else { return false }
            return errorPath == path && message.contains("not a database")
        }
        // The file is left untouched.
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("this is a text file"))
    }

    @Test func aGeoPackageIsNeverUsedAsTheStore() throws {
        let dir = try TemporaryDirectory()
        for (name, setup) in [
            ("new.gpkg", "pragma application_id = 1196444487; create table t(x)"),  // 0x47504B47 'GPKG'
            ("old.gpkg", "create table gpkg_contents(table_name text)"),
        ] {
            let path = dir.file(name)
            _ = try SQLiteShell.query(path, setup)
            #expect {
                _ = try RunStore(path: path)
            } throws: { error in
                guard case LastmileError.io(let errorPath, let message) = error else { return false }
                return errorPath == path && message.contains("GeoPackage")
            }
            #expect(try SQLiteShell.query(path, "select count(*) from sqlite_master where name = 'runs'") == "0")
        }
    }

    @Test func anUncreatableFolderIsAnIOError() throws {
        let dir = try TemporaryDirectory()
        let blocker = try dir.write("blocker", "a file where a folder should be")
        #expect {
            _ = try RunStore(path: blocker + "/store/runs.sqlite")
        } throws: { error in
            guard case LastmileError.io(let errorPath, _) = error else { return false }
            return errorPath == blocker + "/store/runs.sqlite"
        }
    }
}

/// A store written before the `locations` table existed keeps its location classes when it is opened.
@Suite struct LocationsMigrationTests {
    @Test func aStoreOfTheEarlierLayoutKeepsItsLocationClasses() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("runs.sqlite")
        let earlier = Migration.all.prefix { $0.name != "0004_locations" }
        #expect(earlier.count == 3)
        let setup =
            ["CREATE TABLE schema_migrations (name TEXT PRIMARY KEY NOT NULL, applied_at TEXT NOT NULL);"]
            + earlier.map { "\($0.sql)\nINSERT INTO schema_migrations VALUES ('\($0.name)', '2026-11-28T00:00:00Z');" }
            + [
                """
                INSERT INTO runs (id, study_name, study_path, tool_version, study_text, output_dir,
                                  started_at, status)
                VALUES ('20261128T000000Z-000001', 's', 's.toml', '0.1', '', '/tmp', '2026-11-28T00:00:00Z', 'done');
                INSERT INTO location_classes VALUES ('20261128T000000Z-000001', 7, '23023', 0),
                                                    ('20261128T000000Z-000001', 9, '23023', 2);
                """
            ]
        _ = try SQLiteShell.query(path, setup.joined(separator: "\n"))
        let store = try RunStore(path: path)
        #expect(try store.appliedMigrations() == Migration.all.map(\.name))
        let run = RunID("20261128T000000Z-000001")
        #expect(
            try store.locationClasses(run) == [
                StoredLocationClass(locationID: 7, areaID: "23023", serviceClass: .unserved),
                StoredLocationClass(locationID: 9, areaID: "23023", serviceClass: .served),
            ])
        #expect(try SQLiteShell.query(path, "SELECT count(*) FROM locations WHERE block_geoid IS NULL") == "2")
    }
}
