import GeoModel

/// One area of a choropleth: its id, its shape in the map's projected CRS (metres), and its value.
public struct MapArea: Hashable, Sendable {
    public var id: AreaID
    /// The shape, already projected by the caller to an equal-area CRS in metres (EPSG:5070 for the
    /// conterminous US).
    public var geometry: MultiPolygon
    /// The mapped value, nil (or not finite) when the area has no data: drawn grey and hatched.
    public var value: Double?
    /// The name printed on the area when the map labels its largest areas; nil for none.
    public var label: String?
    /// Printed instead of `label` where that does not fit inside the area (a rank keyed to a table).
    public var shortLabel: String?
    /// A water-only area (TIGER `ALAND` = 0: coastal and lake tracts): drawn as water, not classified
    /// and not counted as "no data".
    public var isWater: Bool
    /// Drawn with a second, dark hatch over its fill and counted in the map's flag legend row (e.g. an
    /// estimate too uncertain to rest a decision on); see `ChoroplethMap.flagLabel`.
    public var isFlagged: Bool
    /// The larger unit the area belongs to (the state of a county or tract: the first two digits of its
    /// GEOID), for maps that draw the lines between groups (`ChoroplethMap.drawsGroupBoundaries`).
    public var group: String?

    public init(
        id: AreaID, geometry: MultiPolygon, value: Double?, label: String? = nil, isWater: Bool = false,
        isFlagged: Bool = false, shortLabel: String? = nil, group: String? = nil
    ) {
        self.shortLabel = shortLabel
        self.id = id
        self.geometry = geometry
        self.value = value
        self.label = label
        self.isWater = isWater
        self.isFlagged = isFlagged
        self.group = group
    }

    /// The value when it can be classified.
    public var classifiableValue: Double? {
        guard !isWater, let value, value.isFinite else { return nil }
        return value
    }
}
