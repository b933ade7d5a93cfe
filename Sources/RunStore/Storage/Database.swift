import CSQLite
import Foundation
import GeoModel

/// A connection to one SQLite database file: a thin wrapper over the sqlite3 C API.
///
/// Owns the `sqlite3*` handle and closes it in `deinit` (the only place it is freed). Not `Sendable`:
/// a connection belongs to one task. Every failure throws a `LastmileError` that carries
/// `sqlite3_errmsg`, the C function that failed and the SQL text.
final class Database {
    /// The file the connection was opened on.
    let path: String
    private let handle: OpaquePointer
    /// Open `transaction` calls: an inner one joins the outer (one BEGIN … COMMIT in all).
    private var transactionDepth = 0
    /// The primary result code of the last failed call (`SQLITE_NOTADB`, …), for callers that tell
    /// failures apart by kind rather than by message text.
    private(set) var lastFailureCode: Int32?

    /// Opens (creating if missing) the database at `path` for reading and writing.
    ///
    /// Wraps `sqlite3_open_v2`. SQLite reads the file header lazily, so a file that is not an SQLite
    /// database is only detected by the first statement (see `RunStore.init(path:)`).
    /// - Parameter busyTimeoutMilliseconds: how long a statement waits for another connection's lock
    ///   before failing with SQLITE_BUSY.
    /// - Throws: `LastmileError.io` naming `path` when the file cannot be opened.
    init(path: String, busyTimeoutMilliseconds: Int32) throws {
        self.path = path
        var db: OpaquePointer?
        // Returns SQLITE_OK on success; on failure `db` may still hold a handle that must be closed.
        let rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            // sqlite3_errmsg accepts NULL (returns the out-of-memory message); sqlite3_errstr never fails.
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            // sqlite3_close_v2 accepts NULL and returns SQLITE_OK for it.
            sqlite3_close_v2(db)
            throw LastmileError.io(path: path, "cannot open SQLite database (sqlite3_open_v2: \(message))")
        }
        handle = db
        // Returns SQLITE_OK; enables extended result codes so errors say e.g. SQLITE_CONSTRAINT_PRIMARYKEY.
        sqlite3_extended_result_codes(handle, 1)
        // Returns SQLITE_OK; installs the busy handler before the first statement can meet a lock.
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
    }

    deinit {
        // Returns SQLITE_OK; with the _v2 variant the close is deferred until outstanding statements
        // are finalized, so this never leaks or fails because of a live `Statement`.
        sqlite3_close_v2(handle)
    }

    /// Runs one or more SQL statements that return no rows needed by the caller (`sqlite3_exec`).
    func execute(_ sql: String) throws {
        // Returns SQLITE_OK on success; the error text is read with sqlite3_errmsg instead of the out-parameter.
        let rc = sqlite3_exec(handle, sql, nil, nil, nil)
        guard rc == SQLITE_OK else { throw error(rc, function: "sqlite3_exec", sql: sql) }
    }

    /// Compiles one SQL statement (`sqlite3_prepare_v2`).
    func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        // Returns SQLITE_OK on success; `statement` is NULL for an empty SQL string.
        let rc = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard rc == SQLITE_OK, let statement else {
            throw error(rc == SQLITE_OK ? SQLITE_MISUSE : rc, function: "sqlite3_prepare_v2", sql: sql)
        }
        return Statement(handle: statement, database: self, sql: sql)
    }

    /// Runs one statement with `values` bound to its parameters, ignoring any rows.
    func run(_ sql: String, _ values: [SQLValue] = []) throws {
        let statement = try prepare(sql)
        try statement.bind(values)
        while try statement.step() {}
    }

    /// Runs one query and maps each result row with `row`.
    func query<Row>(_ sql: String, _ values: [SQLValue] = [], row: (Statement) throws -> Row) throws -> [Row] {
        let statement = try prepare(sql)
        try statement.bind(values)
        var rows: [Row] = []
        while try statement.step() { rows.append(try row(statement)) }
        return rows
    }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`; any error thrown by `body` rolls everything back.
    /// Called inside another transaction, `body` joins it: the outer one commits or rolls back both.
    ///
    /// `IMMEDIATE` takes the write lock up front so that a concurrent writer waits (busy timeout)
    /// at the start rather than failing at commit.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        if transactionDepth > 0 {
            transactionDepth += 1
            defer { transactionDepth -= 1 }
            return try body()
        }
        try execute("BEGIN IMMEDIATE")
        transactionDepth = 1
        defer { transactionDepth = 0 }
        let result: T
        do {
            result = try body()
        } catch {
            // The rollback error, if any, is secondary: the caller needs the error that caused it.
            try? execute("ROLLBACK")
            throw error
        }
        do {
            try execute("COMMIT")
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
        return result
    }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE (`sqlite3_changes`).
    var changes: Int {
        // Returns the count; never fails.
        Int(sqlite3_changes(handle))
    }

    /// Builds the error for a failed C call: `.io` for file-level failures (exit 74), `.failed` otherwise.
    func error(_ rc: Int32, function: String, sql: String) -> LastmileError {
        // sqlite3_errmsg returns the message of the most recent failed call on this connection.
        let message = String(cString: sqlite3_errmsg(handle))
        lastFailureCode = rc & 0xff
        let text = "\(function) failed: \(message) (SQLite code \(rc)); SQL: \(sql)"
        switch rc & 0xff {  // the primary result code is the low byte of an extended code
        case SQLITE_NOTADB, SQLITE_CANTOPEN, SQLITE_IOERR, SQLITE_READONLY, SQLITE_FULL, SQLITE_PERM,
            SQLITE_CORRUPT, SQLITE_BUSY, SQLITE_LOCKED:
            return .io(path: path, text)
        default:
            return .failed("\(path): \(text)")
        }
    }
}
