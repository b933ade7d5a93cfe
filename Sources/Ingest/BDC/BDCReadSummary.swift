/// What a BDC read went through: rows delivered, members read, bytes parsed.
public struct BDCReadSummary: Hashable, Sendable {
    /// Data rows delivered (header lines and blank lines excluded), over all members.
    public var rows: Int
    /// Display names of the CSV members read, in reading order (`file.zip!member.csv` for archive members).
    public var members: [String]
    /// CSV bytes parsed, after decompression.
    public var bytes: Int
    /// Rows whose technology code is not one the BDC specification defines (`Technology.known`);
    /// they are still delivered — the policy decides what to do with them.
    public var unknownTechnologyRows: Int
    /// The distinct unknown technology codes seen, ascending.
    public var unknownTechnologyCodes: [Int]
    /// Rows per technology code the BDC specification defines (codes with no row are absent): which
    /// technology files a read covered.
    public var rowsByTechnology: [Int: Int] = [:]

    public init(
        rows: Int = 0, members: [String] = [], bytes: Int = 0, unknownTechnologyRows: Int = 0,
        unknownTechnologyCodes: [Int] = []
    ) {
        self.rows = rows; self.members = members; self.bytes = bytes; self.unknownTechnologyRows = unknownTechnologyRows
        self.unknownTechnologyCodes = unknownTechnologyCodes
    }
}
