import CGDAL
import Foundation
import GeoModel

/// Layers a map draws for orientation and never counts: area water (TIGER/Line AREAWATER or any
/// polygon layer) and named places (TIGER/Line places, a point layer of towns, …). Read from any GDAL
/// vector source with a CRS, reprojected to the study's equal-area CRS, and restricted to the study's
/// extent (padded by 1 km) with a spatial filter.
public enum ContextLayers {
    /// A named place: a point, or the label point of a polygon's largest part (`isArea`).
    public struct Place: Hashable, Sendable {
        public var name: String
        /// Equal-area metres.
        public var point: Point
        /// True when the place is a polygon (a TIGER/Line place): drawn by name only, without a dot.
        public var isArea: Bool
        /// The polygon's area, m² (0 for a point): larger places are labelled first.
        public var area: Double
        public init(name: String, point: Point, isArea: Bool, area: Double = 0) {
            self.name = name; self.point = point; self.isArea = isArea; self.area = area
        }
    }

    /// Name fields tried, in order, when the study names none: TIGER/Line's `NAME`, then `FULLNAME` (a
    /// TIGER feature's full name), `NAMELSAD` and a lower-case `name` (OpenStreetMap, GeoJSON exports).
    public static let nameFields = ["NAME", "FULLNAME", "NAMELSAD", "name"]

    /// The water polygons of `path` that fall within `extent` (equal-area metres).
    /// - Throws: `.io` when the file is missing; `.badInput` naming the file (and feature) when the layer
    ///   has no CRS or holds features that are not polygons.
    public static func water(
        path: String, layer: String? = nil, equalAreaCRS: String = VectorSource.defaultEqualAreaCRS,
        extent: BoundingBox
    ) throws -> [MultiPolygon] {
        var polygons: [MultiPolygon] = []
        try forEachGeometry(path: path, layer: layer, equalAreaCRS: equalAreaCRS, extent: extent, what: "water") {
            geometry, _, ordinal in
            do throws(OGRGeometryConversion.Problem) {
                polygons.append(try OGRGeometryConversion.multiPolygon(from: geometry))
            } catch .empty {
                return
            } catch .notPolygonal(let typeName) {
                throw LastmileError.badInput(
                    SourceLocation(file: path, feature: ordinal),
                    "the feature is a \(typeName); expected water polygons (Polygon or MultiPolygon, e.g. TIGER/Line AREAWATER)"
                )
            }
        }
        return polygons
    }

    /// The named places of `path` within `extent`: points, or polygons by their largest part's centroid.
    /// Features with an empty name are left out.
    /// - Throws: `.io` when the file is missing; `.badInput` naming the file (and feature or field) when
    ///   the layer has no CRS, lacks the name field (`nameField`, or none of `nameFields`), or holds a
    ///   feature that is neither a point nor a polygon.
    public static func places(
        path: String, layer: String? = nil, nameField: String? = nil,
        equalAreaCRS: String = VectorSource.defaultEqualAreaCRS, extent: BoundingBox
    ) throws -> [Place] {
        var places: [Place] = []
        try forEachGeometry(path: path, layer: layer, equalAreaCRS: equalAreaCRS, extent: extent, what: "places") {
            geometry, name, ordinal in
            guard let name, !name.isEmpty else { return }
            let type = OGR_GT_Flatten(OGR_G_GetGeometryType(geometry))
            if type == wkbPoint || type == wkbMultiPoint {
                // OGR_G_GetGeometryRef borrows the first point of a MultiPoint.
                let point = type == wkbPoint ? geometry : OGR_G_GetGeometryRef(geometry, 0)
                guard let point else { return }
                places.append(
                    Place(name: name, point: Point(x: OGR_G_GetX(point, 0), y: OGR_G_GetY(point, 0)), isArea: false))
                return
            }
            do throws(OGRGeometryConversion.Problem) {
                let shape = try OGRGeometryConversion.multiPolygon(from: geometry)
                places.append(Place(name: name, point: shape.labelPoint, isArea: true, area: shape.area))
            } catch .empty {
                return
            } catch .notPolygonal(let typeName) {
                throw LastmileError.badInput(
                    SourceLocation(file: path, feature: ordinal),
                    "the feature is a \(typeName); expected places as points or polygons (e.g. TIGER/Line places)")
            }
        } nameField: { fields in
            if let nameField { return try VectorSource.index(of: nameField, in: fields, file: path) }
            for candidate in nameFields {
                if let i = fields.firstIndex(where: { $0.name == candidate }) { return Int32(i) }
            }
            throw LastmileError.badInput(
                SourceLocation(file: path, column: nameFields[0]),
                "the places layer has no name field (tried \(nameFields.joined(separator: ", ")); set inputs.places_name)"
            )
        }
        return places
    }

    /// Opens the layer, reprojects every feature's geometry into `equalAreaCRS` and calls `body` with it
    /// (owned by this loop, valid during the call), its name (when `nameField` picks a field) and its
    /// 1-based position.
    private static func forEachGeometry(
        path: String, layer: String?, equalAreaCRS: String, extent: BoundingBox, what: String,
        _ body: (OGRGeometryH, String?, Int) throws -> Void,
        nameField: (([FieldDescription]) throws -> Int32)? = nil
    ) throws {
        let equalArea = try SpatialReference.equalArea(equalAreaCRS)
        let dataset = try VectorDataset(path: path)
        let ogrLayer = try dataset.layer(named: layer)
        // OGR_L_GetSpatialRef borrows the layer's CRS (NULL when it has none).
        guard let sourceCRS = SpatialReference(cloning: OGR_L_GetSpatialRef(ogrLayer)) else {
            throw LastmileError.badInput(
                SourceLocation(file: path),
                "layer '\(VectorDataset.name(of: ogrLayer))' has no CRS; the \(what) layer needs one (e.g. ogr2ogr -a_srs EPSG:4269)"
            )
        }
        let transform = try CoordinateTransform(from: sourceCRS, to: equalArea)
        let nameIndex = try nameField?(VectorDataset.fields(of: ogrLayer))
        if !extent.isEmpty {
            try RoadNetwork.setSpatialFilter(ogrLayer, studyExtent: extent, equalArea: equalArea, layerCRS: sourceCRS)
        }
        try GDALRuntime.forEachFeature(of: ogrLayer, file: path) { feature, ordinal, log in
            // OGR_F_GetGeometryRef borrows the feature's geometry (NULL when it has none).
            guard let geometry = OGR_F_GetGeometryRef(feature), OGR_G_IsEmpty(geometry) == 0 else { return }
            // OGR_G_Clone returns an owned copy (NULL only when out of memory), transformed and freed here.
            guard let copy = OGR_G_Clone(geometry) else {
                throw LastmileError.failed("OGR_G_Clone failed: out of memory")
            }
            defer { OGR_G_DestroyGeometry(copy) }
            // OGR_G_Transform returns OGRERR_NONE when every point was transformed.
            guard OGR_G_Transform(copy, transform.handle) == OGRERR_NONE else {
                throw LastmileError.badInput(
                    SourceLocation(file: path, feature: ordinal),
                    "cannot reproject the feature to \(equalAreaCRS): "
                        + log.message(or: "coordinates outside the CRS's area of use"))
            }
            // OGR_F_IsFieldSetAndNotNull returns TRUE when set; OGR_F_GetFieldAsString borrows the text.
            let name = nameIndex.flatMap { i -> String? in
                guard OGR_F_IsFieldSetAndNotNull(feature, i) != 0, let raw = OGR_F_GetFieldAsString(feature, i) else {
                    return nil
                }
                return String(cString: raw).trimmingCharacters(in: .whitespaces)
            }
            try body(copy, name, ordinal)
        }
    }
}
