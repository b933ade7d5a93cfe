/// A value bound to, or read from, an SQLite statement: the four storage classes the run store uses.
enum SQLValue: Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    /// `.text` for a string, `.null` for nil.
    static func optional(_ text: String?) -> SQLValue { text.map(SQLValue.text) ?? .null }
    /// `.real` for a number, `.null` for nil.
    static func optional(_ number: Double?) -> SQLValue { number.map(SQLValue.real) ?? .null }
    /// `.integer` for a whole number, `.null` for nil.
    static func optional(_ number: Int?) -> SQLValue { number.map { .integer(Int64($0)) } ?? .null }
}
