/// What a map's areas are called in its legend counts: "1 county", "12 counties".
public struct AreaNoun: Hashable, Sendable {
    public var singular: String
    public var plural: String

    public init(singular: String, plural: String) {
        self.singular = singular
        self.plural = plural
    }

    /// "1 area" / "n areas": the neutral default.
    public static let areas = AreaNoun(singular: "area", plural: "areas")
    public static let counties = AreaNoun(singular: "county", plural: "counties")
    public static let tracts = AreaNoun(singular: "tract", plural: "tracts")
    public static let blockGroups = AreaNoun(singular: "block group", plural: "block groups")

    /// The count with the noun: "1 county", "0 counties", "12 counties".
    public func counted(_ n: Int) -> String { "\(n) " + (n == 1 ? singular : plural) }
}
