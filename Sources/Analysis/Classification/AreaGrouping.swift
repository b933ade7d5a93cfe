import GeoModel

/// How a study's locations fall into its areas: by the GEOID prefix of their census block at a level
/// (NTIA's rule), or, for custom areas (wards, a utility's service territory), by the area whose shape
/// contains the location's coordinates (`AreaLocator` over the locations file's points).
///
/// Each area has a key: for census areas the GEOID prefix as an integer, for custom areas the area's
/// index in `customIDs`. One grouping is shared by every table of a run (counts, passings, providers,
/// locations.csv), so that all of them place a location in the same area.
public final class AreaGrouping: Sendable {
    public let kind: AreaKind
    /// Custom areas: their ids, and the index of the area each located location lies in.
    public let customIDs: [AreaID]
    private let areaOfLocation: [Int64: Int32]
    private let divisor: UInt64
    private let digits: Int

    /// Locations grouped by their block's GEOID prefix at `level`.
    public init(census level: AreaLevel) {
        kind = .census(level)
        customIDs = []
        areaOfLocation = [:]
        digits = level.geoidLength
        divisor = LocationTable.power10(15 - level.geoidLength)
    }

    /// Locations grouped by custom areas: `areaOfLocation` gives the index in `ids` of each location's
    /// area; a location it does not list lies in none.
    public init(custom ids: [AreaID], areaOfLocation: [Int64: Int32]) {
        kind = .custom
        customIDs = ids
        self.areaOfLocation = areaOfLocation
        digits = 0
        divisor = 1
    }

    /// The key of the area of a location in `block` (15-digit GEOID as an integer); nil when it lies in
    /// no custom area.
    @inline(__always)
    public func key(location: Int64, block: UInt64) -> UInt64? {
        if digits != 0 { return block / divisor }
        return areaOfLocation[location].map { UInt64($0) }
    }

    /// The id of the area with `key`.
    public func id(_ key: UInt64) -> AreaID {
        digits != 0 ? AreaID(LocationTable.format(key, digits: digits)) : customIDs[Int(key)]
    }

    /// The GEOID digits of census areas' keys, 0 for custom areas (their ids are text).
    public var keyDigits: Int { digits }
}
