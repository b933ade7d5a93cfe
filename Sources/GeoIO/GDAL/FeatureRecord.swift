import GeoModel

/// One feature's id and attribute values as text, without its geometry.
public struct FeatureRecord: Hashable, Sendable {
    /// 1-based position of the feature in its layer (the "feature N" of error messages).
    public var feature: Int
    public var id: AreaID
    /// Field name → value as GDAL formats it (`OGR_F_GetFieldAsString`); NULL and unset fields are absent.
    public var attributes: [String: String]

    public init(feature: Int, id: AreaID, attributes: [String: String]) {
        self.feature = feature; self.id = id; self.attributes = attributes
    }
}
