import CGDAL
import Foundation
import GeoModel

/// An area whose polygon breaks the OGC Simple Features validity rules (a ring that crosses itself,
/// a hole outside its shell, …). Such polygons still load and draw, but their areas and any overlay
/// with them are unreliable, so a run reports them (and `--strict` refuses them).
public struct InvalidArea: Hashable, Sendable {
    /// 1-based position of the feature in its layer.
    public var feature: Int
    public var id: String

    public init(feature: Int, id: String) { self.feature = feature; self.id = id }
}

extension VectorSource {
    /// The features of a layer whose polygon is not valid by GEOS (`OGR_G_IsValid`), in layer order.
    /// - Throws: the same errors as `readAreas` for a missing file, layer or id column.
    public static func invalidAreas(path: String, layer: String? = nil, idField: String) throws -> [InvalidArea] {
        var invalid: [InvalidArea] = []
        try forEachFeature(path: path, layer: layer, idField: idField) { feature, ordinal, id, _ in
            // OGR_F_GetGeometryRef borrows the geometry (NULL when none; readAreas reports that case).
            guard let geometry = OGR_F_GetGeometryRef(feature) else { return }
            // OGR_G_IsEmpty returns TRUE for no points; OGR_G_IsValid returns TRUE (1) for a valid
            // geometry, FALSE (0) otherwise (GEOS isValid; its notices go to the error log forEachFeature holds).
            if OGR_G_IsEmpty(geometry) == 0 && OGR_G_IsValid(geometry) == 0 {
                invalid.append(InvalidArea(feature: ordinal, id: id.rawValue))
            }
        }
        return invalid
    }
}
