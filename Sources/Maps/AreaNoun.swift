import GeoModel

/// What a map's areas are called in its legend counts: "1 county", "12 counties".
public struct AreaNoun: Hashable, Sendable {
    public var singular: String
    public var plural: String

    /// A noun with its plural as `English.plural` makes it ("county" → "counties").
    public init(_ singular: String) {
        self.init(singular: singular, plural: English.plural(singular))
    }

    public init(singular: String, plural: String) {
        self.singular = singular
        self.plural = plural
    }

    /// The areas of a census level: "block group" / "block groups".
    public init(_ level: AreaLevel) { self.init(level.displayName) }

    /// "1 area" / "n areas": the neutral default.
    public static let areas = AreaNoun("area")
    public static let counties = AreaNoun(AreaLevel.county)
    public static let tracts = AreaNoun(AreaLevel.tract)
    public static let blockGroups = AreaNoun(AreaLevel.blockgroup)

    /// The count with the noun: "1 county", "0 counties", "12 counties".
    public func counted(_ n: Int) -> String { "\(n) " + (n == 1 ? singular : plural) }
}
