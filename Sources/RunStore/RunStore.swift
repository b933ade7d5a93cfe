import CSQLite
import Foundation
import GeoModel

/// The history of runs: one SQLite file (never the GeoPackage) holding every run's study, inputs,
/// parameters, per-area results and diagnostics.
///
/// Opening a store creates its folder and file if needed, switches the file to WAL mode, turns
/// foreign keys on and applies any migration not yet recorded in `schema_migrations`. Not `Sendable`:
/// open one `RunStore` per task.
public final class RunStore {
    /// The store's file.
    public let path: String
    let database: Database

    /// How long a write waits for another process's write lock before failing, in milliseconds
    /// (a batch of studies may share one store; 5 s covers a run's largest transaction by far).
    static let busyTimeoutMilliseconds: Int32 = 5_000

    /// `PRAGMA application_id` of a GeoPackage: the ASCII bytes "GPKG" (OGC GeoPackage 1.2, §1.1.1.1.1).
    static let geoPackageApplicationID: Int64 = 0x4750_4B47

    /// Opens the store at `path`, creating the parent folder and the file, and migrates it.
    /// - Throws: `LastmileError.io` naming `path` when the folder or file cannot be created, the file
    ///   is not an SQLite database, or it is a GeoPackage; `LastmileError.failed` when the store was written by a newer version.
    public init(path: String) throws {
        self.path = path
        let parent = (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        if !parent.isEmpty, FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder), !isFolder.boolValue
        {
            throw LastmileError.io(
                path: path, "cannot create the run store's folder \(parent): it is a file (Not a directory)")
        }
        if !parent.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw LastmileError.io(
                    path: path, "cannot create the run store's folder \(parent): \(LastmileError.reason(error))")
            }
        }
        database = try Database(path: path, busyTimeoutMilliseconds: RunStore.busyTimeoutMilliseconds)
        do {
            // The first statement reads the file header: a non-SQLite file fails here with SQLITE_NOTADB.
            // GeoPackages are SQLite files too; the run store must never write into one (GDAL owns their
            // tables and triggers). GeoPackage 1.2+ sets application_id 'GPKG'; older ones have gpkg_contents.
            let applicationID = try database.query("PRAGMA application_id") { $0.integer(0) ?? 0 }.first ?? 0
            let geoPackageTables =
                try database.query(
                    "SELECT count(*) FROM sqlite_master WHERE name = 'gpkg_contents'"
                ) { $0.integer(0) ?? 0 }.first ?? 0
            if applicationID == RunStore.geoPackageApplicationID || geoPackageTables > 0 {
                throw LastmileError.io(path: path, "is a GeoPackage, not a run store: give the run store its own file")
            }
            // Another application's database (tables, but none of ours) is refused before anything,
            // even the journal mode, is written to it.
            let tables = try database.query(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            ) { $0.text(0) ?? "" }
            if !tables.isEmpty && !tables.contains("schema_migrations") {
                throw LastmileError.io(
                    path: path,
                    "is an SQLite database of another application (tables: "
                        + tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", …" : "")
                        + "), not a run store: give the run store its own file")
            }
            let mode = try database.query("PRAGMA journal_mode = WAL") { $0.text(0) ?? "" }.first ?? ""
            guard mode.lowercased() == "wal" else {
                throw LastmileError.io(
                    path: path, "cannot switch the run store to WAL mode (journal_mode is '\(mode)')")
            }
            try database.execute("PRAGMA foreign_keys = ON")
        } catch LastmileError.io(_, let message) where database.lastFailureCode == SQLITE_NOTADB {
            throw LastmileError.io(path: path, "not an SQLite run store: \(message)")
        }
        try migrate()
    }

    /// Names of the migrations applied to this store, in the order they were applied.
    public func appliedMigrations() throws -> [String] {
        try database.query("SELECT name FROM schema_migrations ORDER BY rowid") { $0.text(0) ?? "" }
    }

    private func migrate() throws {
        try database.execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                name        TEXT PRIMARY KEY NOT NULL,
                applied_at  TEXT NOT NULL
            )
            """)
        let applied = Set(try appliedMigrations())
        let known = Set(Migration.all.map(\.name))
        if let unknown = applied.subtracting(known).sorted().first {
            throw LastmileError.failed(
                "\(path): the run store was written by a newer version of lastmile (unknown migration '\(unknown)')")
        }
        for migration in Migration.all where !applied.contains(migration.name) {
            try database.transaction {
                // Another process may have applied it while this one waited for the write lock.
                let done =
                    try database.query(
                        "SELECT count(*) FROM schema_migrations WHERE name = ?",
                        [.text(migration.name)]
                    ) { $0.integer(0) ?? 0 }.first ?? 0
                guard done == 0 else { return }
                try database.execute(migration.sql)
                try database.run(
                    "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                    [.text(migration.name), .text(Timestamp.string(from: Date()))])
            }
        }
    }

    // MARK: Writing

    /// Records the start of a run with status `running`, owned by the process `owner` (default: this
    /// one), and returns its id. The owner goes in with the row, in one statement: a run that another
    /// process starting in the same store could see without an owner would look interrupted to it.
    @discardableResult
    public func beginRun(_ start: RunStart, owner: Int32? = ProcessInfo.processInfo.processIdentifier) throws -> RunID {
        let id = start.id ?? RunID.generate(date: start.startedAt)
        try database.run(
            """
            INSERT INTO runs (id, study_name, study_path, started_at, finished_at, status, error,
                              tool_version, study_text, output_dir, owner_pid)
            VALUES (?, ?, ?, ?, NULL, 'running', NULL, ?, ?, ?, ?)
            """,
            [
                .text(id.rawValue), .text(start.studyName), .text(start.studyPath),
                .text(Timestamp.string(from: start.startedAt)), .text(start.toolVersion),
                .text(start.studyText), .text(start.outputDirectory), owner.map { .integer(Int64($0)) } ?? .null,
            ])
        return id
    }

    /// Runs `body`'s writes (inputs, parameters, locations, results, diagnostics of one run) as one
    /// transaction: either all of them are stored or none is.
    ///
    /// Every row written belongs to `run`, whose row is checked once inside the transaction; SQLite's
    /// per-row foreign-key check of the million location rows of a state (an index look-up and a
    /// statement journal each) is switched off meanwhile — it took most of the time of storing them.
    public func recordingTogether<T>(for run: RunID, _ body: () throws -> T) throws -> T {
        // A no-op inside a transaction, so set before it begins (the connection is this store's own).
        try database.execute("PRAGMA foreign_keys = OFF")
        defer { try? database.execute("PRAGMA foreign_keys = ON") }
        return try database.transaction {
            let known = try database.query("SELECT count(*) FROM runs WHERE id = ?", [.text(run.rawValue)]) {
                $0.integer(0) ?? 0
            }
            guard known.first == 1 else {
                throw LastmileError.badInput(
                    SourceLocation(file: path, column: "runs.id"), "the run \(run.rawValue), found none")
            }
            return try body()
        }
    }

    /// Records the run's input files (one transaction).
    public func recordInputs(_ inputs: [RunInput], for run: RunID) throws {
        try database.transaction {
            let insert = try database.prepare(
                "INSERT INTO inputs (run_id, role, path, size_bytes, sha256) VALUES (?, ?, ?, ?, ?)")
            for input in inputs {
                try insert.run([
                    .text(run.rawValue), .text(input.role), .text(input.path),
                    .integer(input.sizeBytes), .text(input.sha256),
                ])
            }
        }
    }

    /// Records the run's parameters by dotted path (e.g. `policy.profile` → `bead-2022`), one transaction.
    public func recordParameters(_ parameters: [String: String], for run: RunID) throws {
        try database.transaction {
            let insert = try database.prepare("INSERT INTO parameters (run_id, key, value) VALUES (?, ?, ?)")
            for key in parameters.keys.sorted() {
                try insert.run([.text(run.rawValue), .text(key), .text(parameters[key]!)])
            }
        }
    }

    /// Records the per-area results in one transaction: either every row is stored or none is.
    public func recordAreaResults(_ results: [StoredAreaResult], for run: RunID) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try database.transaction {
            let insert = try database.prepare(
                """
                INSERT INTO area_results (run_id, area_id, name, locations, unserved, underserved, served,
                                          households, no_internet_share, median_income, metrics_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for result in results {
                if let bad = result.metrics.first(where: { !$0.value.isFinite }) {
                    throw LastmileError.failed(
                        "\(path): area \(result.areaID): metric '\(bad.key)' is \(bad.value), which cannot be stored")
                }
                let json = String(decoding: try encoder.encode(result.metrics), as: UTF8.self)
                try insert.run([
                    .text(run.rawValue), .text(result.areaID), .text(result.name),
                    .integer(Int64(result.locations)), .integer(Int64(result.unserved)),
                    .integer(Int64(result.underserved)), .integer(Int64(result.served)),
                    .optional(result.households), .optional(result.noInternetShare), .optional(result.medianIncome),
                    .text(json),
                ])
            }
        }
    }

    /// Records diagnostics in the order given (one transaction).
    public func recordDiagnostics(_ diagnostics: [RunDiagnostic], for run: RunID) throws {
        try database.transaction {
            let insert = try database.prepare("INSERT INTO diagnostics (run_id, severity, message) VALUES (?, ?, ?)")
            for diagnostic in diagnostics {
                try insert.run([.text(run.rawValue), .text(diagnostic.severity.rawValue), .text(diagnostic.message)])
            }
        }
    }

    /// Marks a run finished with `status` (`done` or `failed`) and, for a failure, its error message.
    /// - Throws: `LastmileError.usage` when no run has this id.
    public func finishRun(_ run: RunID, status: RunStatus, error: String? = nil, finishedAt: Date = Date()) throws {
        try database.run(
            "UPDATE runs SET status = ?, error = ?, finished_at = ? WHERE id = ?",
            [
                .text(status.rawValue), .optional(error), .text(Timestamp.string(from: finishedAt)),
                .text(run.rawValue),
            ])
        guard database.changes == 1 else {
            throw LastmileError.usage("no run with id \(run) in \(path)")
        }
    }

    // MARK: Reading

    /// The run with this id, or nil when the store has none.
    public func run(_ id: RunID) throws -> StoredRun? {
        try database.query(
            """
            SELECT id, study_name, study_path, started_at, finished_at, status, error, tool_version,
                   study_text, output_dir
            FROM runs WHERE id = ?
            """, [.text(id.rawValue)]
        ) { row in
            StoredRun(
                id: RunID(row.text(0) ?? ""), studyName: row.text(1) ?? "", studyPath: row.text(2) ?? "",
                startedAt: try timestamp(row.text(3), column: "started_at"),
                finishedAt: try row.text(4).map { try timestamp($0, column: "finished_at") },
                status: try status(row.text(5)), error: row.text(6), toolVersion: row.text(7) ?? "",
                studyText: row.text(8) ?? "", outputDirectory: row.text(9) ?? "")
        }.first
    }

    /// Every run, newest first, with its location totals.
    public func runs() throws -> [RunSummary] {
        try database.query(
            """
            SELECT r.id, r.study_name, r.started_at, r.finished_at, r.status, r.error,
                   count(a.area_id), coalesce(sum(a.locations), 0), coalesce(sum(a.unserved), 0),
                   coalesce(sum(a.underserved), 0), coalesce(sum(a.served), 0)
            FROM runs r LEFT JOIN area_results a ON a.run_id = r.id
            GROUP BY r.id
            ORDER BY r.started_at DESC, r.id DESC
            """
        ) { row in
            RunSummary(
                id: RunID(row.text(0) ?? ""), studyName: row.text(1) ?? "",
                startedAt: try timestamp(row.text(2), column: "started_at"),
                finishedAt: try row.text(3).map { try timestamp($0, column: "finished_at") },
                status: try status(row.text(4)), error: row.text(5),
                areaCount: Int(row.integer(6) ?? 0), locations: Int(row.integer(7) ?? 0),
                unserved: Int(row.integer(8) ?? 0), underserved: Int(row.integer(9) ?? 0),
                served: Int(row.integer(10) ?? 0))
        }
    }

    /// The run's per-area results, ordered by area id.
    public func areaResults(_ run: RunID) throws -> [StoredAreaResult] {
        let decoder = JSONDecoder()
        return try database.query(
            """
            SELECT area_id, name, locations, unserved, underserved, served, households, no_internet_share,
                   median_income, metrics_json
            FROM area_results WHERE run_id = ? ORDER BY area_id
            """, [.text(run.rawValue)]
        ) { row in
            let areaID = row.text(0) ?? ""
            let metrics: [String: Double]
            do {
                metrics = try decoder.decode([String: Double].self, from: Data((row.text(9) ?? "{}").utf8))
            } catch {
                throw LastmileError.badInput(
                    SourceLocation(file: path, column: "area_results.metrics_json"),
                    "a JSON object of numbers for area \(areaID) of run \(run)")
            }
            return StoredAreaResult(
                areaID: areaID, name: row.text(1) ?? "", locations: Int(row.integer(2) ?? 0),
                unserved: Int(row.integer(3) ?? 0), underserved: Int(row.integer(4) ?? 0),
                served: Int(row.integer(5) ?? 0), households: row.real(6),
                noInternetShare: row.real(7), medianIncome: row.real(8), metrics: metrics)
        }
    }

    /// The run's input files, ordered by role then path.
    public func inputs(_ run: RunID) throws -> [RunInput] {
        try database.query(
            """
            SELECT role, path, size_bytes, sha256 FROM inputs WHERE run_id = ? ORDER BY role, path
            """, [.text(run.rawValue)]
        ) { row in
            RunInput(
                role: row.text(0) ?? "", path: row.text(1) ?? "", sizeBytes: row.integer(2) ?? 0,
                sha256: row.text(3) ?? "")
        }
    }

    /// The run's parameters by dotted path.
    public func parameters(_ run: RunID) throws -> [String: String] {
        let pairs = try database.query("SELECT key, value FROM parameters WHERE run_id = ?", [.text(run.rawValue)]) {
            ($0.text(0) ?? "", $0.text(1) ?? "")
        }
        return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }

    /// The run's diagnostics in the order they were recorded.
    public func diagnostics(_ run: RunID) throws -> [RunDiagnostic] {
        try database.query(
            "SELECT severity, message FROM diagnostics WHERE run_id = ? ORDER BY id",
            [.text(run.rawValue)]
        ) { row in
            RunDiagnostic(
                severity: try word(row.text(0) ?? "", column: "diagnostics.severity"), message: row.text(1) ?? "")
        }
    }

    func timestamp(_ text: String?, column: String) throws -> Date {
        guard let text, let date = Timestamp.date(from: text) else {
            throw LastmileError.badInput(
                SourceLocation(file: path, column: "runs.\(column)"),
                "an ISO 8601 UTC time, found '\(text ?? "NULL")'")
        }
        return date
    }

    func status(_ text: String?) throws -> RunStatus { try word(text, column: "runs.status") }

    /// A stored word read back as one of `E`'s cases (a status, a severity).
    /// - Throws: `.badInput` naming the store and `column`, listing the words allowed.
    func word<E: RawRepresentable & CaseIterable>(_ text: String?, column: String) throws -> E
    where E.RawValue == String {
        guard let text, let value = E(rawValue: text) else {
            let words = E.allCases.map(\.rawValue)
            throw LastmileError.badInput(
                SourceLocation(file: path, column: column),
                words.dropLast().joined(separator: ", ") + " or \(words.last!), found '\(text ?? "NULL")'")
        }
        return value
    }
}
