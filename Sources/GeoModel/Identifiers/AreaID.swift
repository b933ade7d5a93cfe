/// The identifier of a study area: a census GEOID (digits, leading zeros kept) or a custom id.
public struct AreaID: Hashable, Sendable, SingleValueCodable {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// The census level implied by the id's length when it is all digits, else nil.
    public var level: AreaLevel? {
        guard rawValue.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return AreaLevel(geoidLength: rawValue.utf8.count)
    }

    /// The id of the enclosing area at `level` (GEOID prefix), or nil when this id is not a GEOID
    /// at that level or finer.
    public func rolledUp(to level: AreaLevel) -> AreaID? {
        guard let own = self.level, own >= level else { return nil }
        return AreaID(String(rawValue.prefix(level.geoidLength)))
    }

    public var value: String { rawValue }
    public static func of(value: String) -> Self { AreaID(value) }
}
