/// A study area as loaded from a geography source: id, name, land area and shape.
public struct Area: Hashable, Sendable {
    public var id: AreaID
    public var name: String
    /// Land area in square metres (TIGER `ALAND`), nil when the source has none.
    public var landAreaSquareMetres: Double?
    /// Geometry in the study's projected equal-area CRS (metres), used for drawing and areas.
    public var geometry: MultiPolygon
    /// Geometry in geographic coordinates (EPSG:4326, lon/lat), used for storage and exchange.
    public var geographicGeometry: MultiPolygon

    public init(
        id: AreaID, name: String, landAreaSquareMetres: Double?, geometry: MultiPolygon,
        geographicGeometry: MultiPolygon
    ) {
        self.id = id; self.name = name; self.landAreaSquareMetres = landAreaSquareMetres; self.geometry = geometry
        self.geographicGeometry = geographicGeometry
    }

    /// Square metres per square mile (international mile: 1,609.344 m).
    public static let squareMetresPerSquareMile = 1_609.344 * 1_609.344
}
