/// Which published layout of the FCC BDC fixed availability CSV a header is: the FCC renamed and
/// reordered columns between releases, and Lastmile reads each by header name.
public enum BDCLayout: String, Sendable, Codable {
    /// The June 2022 round as first released (November 2022): 11 columns, `block_fips`,
    /// `technology_code`, `h3index_hex8`, no `state_usps`; most values double-quoted.
    case november2022 = "nov2022"
    /// The layout of later releases (from the June 2022 round's later versions on): 12 columns,
    /// `block_geoid`, `technology`, `h3_res8_id`, `state_usps`; values unquoted.
    case current

    /// The layout of a header (names compared case-insensitively): November 2022 when it uses a
    /// former column name, current otherwise.
    public static func of(fieldNames: [String]) -> BDCLayout {
        let names = Set(fieldNames.map(KnownSchema.normalize))
        let former = BDCColumn.allCases.flatMap(\.formerNames)
        return former.contains(where: names.contains) ? .november2022 : .current
    }

    /// A planner-facing description.
    public var displayName: String {
        switch self {
        case .november2022:
            "June 2022 round, November 2022 release (11 columns: block_fips, technology_code, h3index_hex8)"
        case .current: "current (12 columns: block_geoid, technology, h3_res8_id, state_usps)"
        }
    }
}
