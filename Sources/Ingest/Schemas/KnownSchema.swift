/// A dataset layout Lastmile knows, recognised from its field names (for `lastmile inspect`).
public enum KnownSchema: String, CaseIterable, Sendable, CustomStringConvertible {
    /// FCC BDC fixed broadband availability, location level.
    case bdcFixedAvailability
    /// ACS detailed table (`B…`/`C…` variables such as `B01003_001E`).
    case acsDetailedTable
    /// ACS subject table (`S…` variables such as `S2802_C03_001E`).
    case acsSubjectTable
    /// Ookla open data speed-test tiles (zoom-16 quadkeys).
    case ooklaTiles
    /// Census TIGER/Line geography (tracts, block groups, blocks, counties).
    case tigerLine
    /// A location list: the FCC Broadband Serviceable Location Fabric or local address points.
    case locations
    /// Census TIGER/Line roads (all roads or primary and secondary roads): road centrelines by MTFCC.
    case tigerRoads
    /// Census TIGER/Line area hydrography (AREAWATER): lakes, rivers, bays.
    case tigerAreaWater

    /// A planner-facing name.
    public var displayName: String {
        switch self {
        case .bdcFixedAvailability: "FCC BDC fixed availability"
        case .acsDetailedTable: "ACS detailed table"
        case .acsSubjectTable: "ACS subject table"
        case .ooklaTiles: "Ookla speed-test tiles"
        case .tigerLine: "Census TIGER/Line"
        case .locations: "Location list (FCC Fabric layout)"
        case .tigerRoads: "Census TIGER/Line roads"
        case .tigerAreaWater: "Census TIGER/Line area water"
        }
    }

    public var description: String { displayName }

    /// One field a schema needs; satisfied by any of its accepted names or by a name pattern.
    public struct Requirement: Hashable, Sendable {
        /// The name reported when the field is missing.
        public var name: String
        /// Other spellings that satisfy it (compared case-insensitively).
        public var alternatives: [String]
        /// A family of names that satisfy it, for ACS variable codes.
        var pattern: NamePattern?

        init(_ name: String, or alternatives: [String] = [], pattern: NamePattern? = nil) {
            self.name = name; self.alternatives = alternatives; self.pattern = pattern
        }

        func isSatisfied(by normalizedNames: Set<String>) -> Bool {
            if normalizedNames.contains(KnownSchema.normalize(name)) { return true }
            if alternatives.contains(where: { normalizedNames.contains(KnownSchema.normalize($0)) }) { return true }
            if let pattern { return normalizedNames.contains(where: pattern.matches) }
            return false
        }
    }

    /// Name families that cannot be listed one by one.
    enum NamePattern: Hashable, Sendable {
        /// A detailed-table estimate: `B01003_001E`, `C17002_002E` (table id, `_`, 3 digits, `E`).
        case detailedTableEstimate
        /// A subject-table estimate: `S2802_C03_001E`.
        case subjectTableEstimate

        func matches(_ normalized: String) -> Bool {
            let u = Array(normalized.utf8)
            func digits(_ r: Range<Int>) -> Bool { r.upperBound <= u.count && u[r].allSatisfy { $0 &- 48 < 10 } }
            switch self {
            case .detailedTableEstimate:
                // b|c + 5 digits + optional letter + _ + 3 digits + e
                guard u.count >= 11, u[0] == UInt8(ascii: "b") || u[0] == UInt8(ascii: "c"), digits(1..<6) else {
                    return false
                }
                var i = 6
                if u[i] >= UInt8(ascii: "a"), u[i] <= UInt8(ascii: "z") { i += 1 }  // race iteration: B19013A
                guard i + 5 == u.count, u[i] == UInt8(ascii: "_"), digits(i + 1..<i + 4) else { return false }
                return u[i + 4] == UInt8(ascii: "e")
            case .subjectTableEstimate:
                // s + 4 digits + optional letter + _c + 2 digits + _ + 3 digits + e
                guard u.count >= 14, u[0] == UInt8(ascii: "s"), digits(1..<5) else { return false }
                var i = 5
                if u[i] >= UInt8(ascii: "a"), u[i] <= UInt8(ascii: "z") { i += 1 }
                guard i + 9 == u.count, u[i] == UInt8(ascii: "_"), u[i + 1] == UInt8(ascii: "c"), digits(i + 2..<i + 4),
                    u[i + 4] == UInt8(ascii: "_"), digits(i + 5..<i + 8)
                else { return false }
                return u[i + 8] == UInt8(ascii: "e")
            }
        }
    }

    /// The fields a source must have to be read as this schema.
    public var requiredFields: [Requirement] {
        switch self {
        case .bdcFixedAvailability:
            // FCC BDC public data specification; see `BDCColumn.required`.
            BDCColumn.required.map { Requirement($0.name, or: $0.formerNames) }
        case .acsDetailedTable:
            [
                Requirement("GEO_ID", or: ["GEOID", "ucgid", "state"]),
                Requirement("B01003_001E", pattern: .detailedTableEstimate),
            ]
        case .acsSubjectTable:
            [
                Requirement("GEO_ID", or: ["GEOID", "ucgid", "state"]),
                Requirement("S2802_C01_001E", pattern: .subjectTableEstimate),
            ]
        case .ooklaTiles:
            // Ookla open data README (github.com/teamookla/ookla-open-data).
            ["quadkey", "avg_d_kbps", "avg_u_kbps", "avg_lat_ms", "tests", "devices"].map { Requirement($0) }
        case .tigerLine:
            // TIGER/Line Shapefiles technical documentation: 2020 layers suffix the names with 20, 2010 with 10.
            [
                Requirement("GEOID", or: ["GEOID20", "GEOID10"]),
                Requirement("ALAND", or: ["ALAND20", "ALAND10"]),
                Requirement("AWATER", or: ["AWATER20", "AWATER10"]),
                Requirement("NAMELSAD", or: ["NAMELSAD20", "NAMELSAD10"]),
            ]
        case .tigerRoads:
            // TIGER/Line Shapefiles technical documentation, "Roads" (tl_YYYY_SSCCC_roads): LINEARID,
            // FULLNAME, RTTYP, MTFCC.
            ["LINEARID", "FULLNAME", "RTTYP", "MTFCC"].map { Requirement($0) }
        case .tigerAreaWater:
            // TIGER/Line Shapefiles technical documentation, "Area Hydrography" (tl_YYYY_SSCCC_areawater):
            // ANSICODE, HYDROID, FULLNAME, MTFCC, ALAND, AWATER, INTPTLAT, INTPTLON.
            ["HYDROID", "FULLNAME", "MTFCC", "AWATER"].map { Requirement($0) }
        case .locations:
            // FCC BSL Fabric data specification (location_id, block_geoid, latitude, longitude, …); see `LocationsFile`.
            [
                Requirement("location_id"), Requirement("block_geoid", or: Array(LocationsFile.blockNames.dropFirst())),
                Requirement("latitude"), Requirement("longitude"),
            ]
        }
    }

    /// Which known schema `fieldNames` match: completely, almost (at least half of the required
    /// fields present: the missing ones are named), or not at all.
    ///
    /// Names are compared case-insensitively after trimming spaces and a byte-order mark. When several
    /// schemas match completely the one with more required fields wins (it is the more specific).
    public static func match(fieldNames: [String]) -> SchemaMatch {
        let names = Set(fieldNames.map(normalize))
        var best: (schema: KnownSchema, missing: [String], present: Int)?
        for schema in allCases {
            let required = schema.requiredFields
            let missing = required.filter { !$0.isSatisfied(by: names) }.map(\.name)
            let present = required.count - missing.count
            guard present * 2 >= required.count, present > 0 else { continue }
            if let b = best {
                // Fewer missing first, then more fields matched.
                if missing.count > b.missing.count { continue }
                if missing.count == b.missing.count && present <= b.present { continue }
            }
            best = (schema, missing, present)
        }
        guard let best else { return .none }
        return best.missing.isEmpty ? .matches(best.schema) : .almost(best.schema, missing: best.missing)
    }

    /// A field name as compared: no byte-order mark, no surrounding spaces, lower case.
    static func normalize(_ name: String) -> String {
        var s = Substring(name)
        if s.hasPrefix("\u{FEFF}") { s = s.dropFirst() }
        return s.trimmingCharacters(in: " \t\r\n").lowercased()
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        var s = self
        while let f = s.first, chars.contains(f) { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
