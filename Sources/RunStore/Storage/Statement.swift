import CSQLite

/// A compiled SQL statement (`sqlite3_stmt*`), finalized in `deinit`.
///
/// Holds its `Database` so the connection outlives every statement compiled on it.
final class Statement {
    private let handle: OpaquePointer
    private let database: Database
    /// The SQL text, repeated in every error.
    let sql: String

    init(handle: OpaquePointer, database: Database, sql: String) {
        self.handle = handle; self.database = database; self.sql = sql
    }

    deinit {
        // Returns the last step's error code (already reported by `step`); frees the statement either way.
        sqlite3_finalize(handle)
    }

    /// Binds `values` to parameters 1…n.
    func bind(_ values: [SQLValue]) throws {
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1))
        }
    }

    /// Binds one value to the 1-based parameter `index`.
    func bind(_ value: SQLValue, at index: Int32) throws {
        let rc: Int32
        switch value {
        case .null:
            // Returns SQLITE_OK, or SQLITE_RANGE for a bad index.
            rc = sqlite3_bind_null(handle, index)
        case .integer(let number):
            // Returns SQLITE_OK, or SQLITE_RANGE for a bad index.
            rc = sqlite3_bind_int64(handle, index, number)
        case .real(let number):
            // Returns SQLITE_OK, or SQLITE_RANGE for a bad index. NaN is stored as NULL by SQLite.
            rc = sqlite3_bind_double(handle, index, number)
        case .text(let text):
            // withCString never passes NULL (a NULL pointer would bind SQL NULL, not ''); SQLite copies the
            // bytes (SQLITE_TRANSIENT). Returns SQLITE_OK, SQLITE_RANGE or SQLITE_TOOBIG.
            rc = text.withCString { lastmile_sqlite3_bind_text_transient(handle, index, $0, Int32(text.utf8.count)) }
        }
        guard rc == SQLITE_OK else { throw database.error(rc, function: "sqlite3_bind (parameter \(index))", sql: sql) }
    }

    /// Binds a whole number, or NULL for nil, to the 1-based parameter `index` (the bulk-insert path:
    /// no `SQLValue` per cell).
    func bind(integer value: Int64?, at index: Int32) throws {
        // Return SQLITE_OK, or SQLITE_RANGE for a bad index.
        let rc = value.map { sqlite3_bind_int64(handle, index, $0) } ?? sqlite3_bind_null(handle, index)
        guard rc == SQLITE_OK else { throw database.error(rc, function: "sqlite3_bind (parameter \(index))", sql: sql) }
    }

    /// Binds a number, or NULL for nil, to the 1-based parameter `index`.
    func bind(real value: Double?, at index: Int32) throws {
        // Return SQLITE_OK, or SQLITE_RANGE for a bad index. NaN is stored as NULL by SQLite.
        let rc = value.map { sqlite3_bind_double(handle, index, $0) } ?? sqlite3_bind_null(handle, index)
        guard rc == SQLITE_OK else { throw database.error(rc, function: "sqlite3_bind (parameter \(index))", sql: sql) }
    }

    /// Binds UTF-8 text that stays where it is until the statement is next stepped and reset
    /// (SQLITE_STATIC: SQLite does not copy it), or NULL for nil.
    func bind(staticText text: UnsafeBufferPointer<UInt8>?, at index: Int32) throws {
        let rc: Int32
        if let text {
            // A zero-length buffer may have no base address: the shim binds '' (not NULL) for it.
            rc = text.withMemoryRebound(to: CChar.self) { c in
                lastmile_sqlite3_bind_text_static(handle, index, c.baseAddress, Int32(c.count))
            }
        } else {
            rc = sqlite3_bind_null(handle, index)
        }
        guard rc == SQLITE_OK else { throw database.error(rc, function: "sqlite3_bind (parameter \(index))", sql: sql) }
    }

    /// Runs the statement with the values bound since the last run, ignoring any rows, and makes it
    /// ready for the next (the bulk-insert path: every parameter is bound again before each run).
    func runBound() throws {
        defer {
            // Returns the error of the step, which `step` has already thrown.
            sqlite3_reset(handle)
        }
        while try step() {}
    }

    /// Makes the statement ready to run again with new bindings.
    func reset() {
        // Returns the error of the previous step, which `step` has already thrown; nothing new to report.
        sqlite3_reset(handle)
        // Returns SQLITE_OK; sets every parameter back to NULL.
        sqlite3_clear_bindings(handle)
    }

    /// Runs the statement again with `values` bound, ignoring any rows: one insert of many.
    func run(_ values: [SQLValue]) throws {
        reset()
        try bind(values)
        while try step() {}
    }

    /// Advances to the next row: true when a row is available, false when the statement is done.
    func step() throws -> Bool {
        // Returns SQLITE_ROW when a row is ready, SQLITE_DONE when finished, an error code otherwise.
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.error(rc, function: "sqlite3_step", sql: sql)
        }
    }

    /// Whether column `index` (0-based) of the current row is NULL.
    func isNull(_ index: Int32) -> Bool {
        // Returns the storage class of the column; never fails on a valid row.
        sqlite3_column_type(handle, index) == SQLITE_NULL
    }

    /// Column `index` as text, nil when NULL.
    func text(_ index: Int32) -> String? {
        // Returns NULL for an SQL NULL (or out of memory); the bytes stay valid until the next step.
        guard let bytes = sqlite3_column_text(handle, index) else { return nil }
        // Returns the byte length of the text just fetched.
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// Column `index` as an integer, nil when NULL.
    func integer(_ index: Int32) -> Int64? {
        // Returns the value converted to a 64-bit integer (0 for NULL, hence the NULL check).
        isNull(index) ? nil : sqlite3_column_int64(handle, index)
    }

    /// Column `index` as a floating-point number, nil when NULL.
    func real(_ index: Int32) -> Double? {
        // Returns the value converted to double (0.0 for NULL, hence the NULL check).
        isNull(index) ? nil : sqlite3_column_double(handle, index)
    }
}
