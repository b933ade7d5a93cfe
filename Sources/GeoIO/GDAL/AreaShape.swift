import GeoModel

/// A polygon feature's id and shape, in its layer's coordinates (`VectorSource.readShapes`).
public struct AreaShape: Hashable, Sendable {
    public var id: AreaID
    public var geometry: MultiPolygon

    public init(id: AreaID, geometry: MultiPolygon) { self.id = id; self.geometry = geometry }
}
