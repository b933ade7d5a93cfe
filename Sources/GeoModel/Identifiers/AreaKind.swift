/// What a study's areas are: census areas at one level of the GEOID hierarchy (NTIA's rule groups
/// locations by their block's GEOID prefix), or custom shapes — wards, a utility's service territory —
/// that hold the locations whose coordinates they contain.
public enum AreaKind: Hashable, Sendable {
    case census(AreaLevel)
    case custom

    /// As `study.area_level` writes it: "tract", "blockgroup", …, "custom".
    public init?(rawValue: String) {
        if rawValue == "custom" {
            self = .custom
        } else if let level = AreaLevel(rawValue: rawValue) {
            self = .census(level)
        } else {
            return nil
        }
    }

    public var rawValue: String {
        switch self {
        case .census(let level): level.rawValue
        case .custom: "custom"
        }
    }

    /// Every value `study.area_level` takes.
    public static let allRawValues = AreaLevel.allCases.map(\.rawValue) + ["custom"]

    /// The census level, nil for custom areas.
    public var level: AreaLevel? {
        if case .census(let level) = self { return level }
        return nil
    }

    /// A planner-facing name: "block group", "tract", or "area" for custom shapes.
    public var displayName: String { level?.displayName ?? "area" }

    /// The plural of `displayName` ("block groups", "areas").
    public var pluralName: String { English.plural(displayName) }
}
