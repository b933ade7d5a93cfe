import GeoModel

/// A header line that shares no column with the table expected (a password file, another table) is
/// reported by what the file is not, without repeating its first line into messages and the run
/// store; a near miss (some columns in common) still lists its columns, which helps fix a rename.
enum ForeignHeader {
    /// The error for a header of `fieldCount` fields that shares no column with `kind`, or nil when
    /// `sharesAColumn`.
    static func error(
        file: String, fieldCount: Int, sharesAColumn: Bool, kind: String, column: String,
        expected: [String]
    ) -> LastmileError? {
        guard !sharesAColumn else { return nil }
        return .badInput(
            SourceLocation(file: file, line: 1),
            "not \(kind): its first line has \(English.counted(fieldCount, "comma-separated field")) and none is \(column) "
                + "(expected \(expected.joined(separator: ", ")))")
    }
}
