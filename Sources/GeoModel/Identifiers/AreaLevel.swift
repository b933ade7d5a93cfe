/// A level of the census geography hierarchy, identified by the length of its GEOID.
///
/// GEOIDs nest: a block's 15 digits start with its block group's 12, its tract's 11,
/// its county's 5 and its state's 2 (Census Bureau, "Understanding Geographic Identifiers").
public enum AreaLevel: String, CaseIterable, Sendable, Codable, Comparable {
    case state, county, tract, blockgroup, block

    /// Number of GEOID digits at this level.
    public var geoidLength: Int {
        switch self {
        case .state: 2
        case .county: 5
        case .tract: 11
        case .blockgroup: 12
        case .block: 15
        }
    }

    /// A planner-facing name ("block group").
    public var displayName: String {
        switch self {
        case .blockgroup: "block group"
        default: rawValue
        }
    }

    /// The plural of `displayName` ("counties", "block groups").
    public var pluralName: String { English.plural(displayName) }

    /// The level whose GEOIDs have `length` digits, if any.
    public init?(geoidLength length: Int) {
        guard let level = AreaLevel.allCases.first(where: { $0.geoidLength == length }) else { return nil }
        self = level
    }

    public static func < (a: AreaLevel, b: AreaLevel) -> Bool { a.geoidLength < b.geoidLength }
}
