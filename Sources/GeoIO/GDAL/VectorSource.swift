import CGDAL
import Foundation
import GeoModel

/// Reads any GDAL vector source (GeoPackage, Shapefile, GeoJSON, CSV, zipped or gzipped) read-only:
/// its description for `lastmile inspect`, its features' attributes, and its polygons as study areas.
///
/// Each call opens the file, reads and closes it; GDAL objects never leave the call.
public enum VectorSource {
    /// The equal-area CRS areas are projected to by default: EPSG:5070, NAD83 / Conus Albers
    /// (EPSG registry; an Albers equal-area projection covering the United States, in metres).
    public static let defaultEqualAreaCRS = "EPSG:5070"

    /// Field tried for an area's name when none is given, in order (TIGER/Line attribute names).
    public static let defaultNameFields = ["NAMELSAD", "NAME"]
    /// Field used for land area when none is given (TIGER/Line `ALAND`, square metres).
    public static let defaultLandAreaField = "ALAND"

    /// Describes the source at `path`: driver, layers, and per layer geometry type, CRS, fields,
    /// feature count (`OGR_L_GetFeatureCount` with force) and extent.
    /// - Throws: `.io` when the file does not exist; `.badInput` when GDAL cannot open it as vector data.
    public static func describe(path: String) throws -> SourceDescription {
        let dataset = try VectorDataset(path: path)
        return GDALRuntime.capturingErrors { log in
            let layers = dataset.layers.map { layer in
                // OGR_L_GetGeomType returns the declared type (wkbUnknown for "any").
                let type = OGR_L_GetGeomType(layer)
                // OGR_L_GetFeatureCount returns the count (forced: features are counted when needed), -1 if unknown.
                let count = OGR_L_GetFeatureCount(layer, 1)
                return LayerDescription(
                    name: VectorDataset.name(of: layer),
                    geometryType: OGRGeometryConversion.typeName(type),
                    // OGR_L_GetSpatialRef borrows the layer's CRS (NULL when it has none).
                    crs: SpatialReference(cloning: OGR_L_GetSpatialRef(layer)).map(describe(crs:)),
                    fields: VectorDataset.fields(of: layer),
                    featureCount: Int(count),
                    extent: VectorDataset.extent(of: layer))
            }
            return SourceDescription(path: path, driver: dataset.driverName, layers: layers, warnings: log.warnings)
        }
    }

    static func describe(crs: SpatialReference) -> CRSDescription {
        let authority = crs.authorityAndCode
        let epsg = authority.flatMap { $0.authority.uppercased() == "EPSG" ? Int($0.code) : nil }
        // Prefer the EPSG registry's name ("NAD83") over a .prj's ESRI one ("GCS_North_American_1983").
        let registryName = epsg.flatMap { code in (try? SpatialReference(userInput: "EPSG:\(code)"))?.name }
        return CRSDescription(
            epsg: epsg, identifier: authority.map { "\($0.authority):\($0.code)" },
            name: registryName ?? crs.name)
    }

    /// Reads each feature's id and attributes (no geometry).
    /// - Parameters:
    ///   - layer: the layer name; nil when the source has a single layer.
    ///   - idField: the column holding the area id (`GEOID` for TIGER/Line).
    /// - Throws: `.badInput` for a missing id column, an empty or duplicate id.
    public static func readFeatures(path: String, layer: String? = nil, idField: String) throws -> [FeatureRecord] {
        var records: [FeatureRecord] = []
        try forEachFeature(path: path, layer: layer, idField: idField) { feature, ordinal, id, fields in
            records.append(FeatureRecord(feature: ordinal, id: id, attributes: attributes(of: feature, fields: fields)))
        }
        return records
    }

    /// Opens the layer and calls `body` for each feature with its position, its checked id and the
    /// layer's fields.
    static func forEachFeature(
        path: String, layer: String?, idField: String,
        _ body: (OGRFeatureH, Int, AreaID, [FieldDescription]) throws -> Void
    ) throws {
        let dataset = try VectorDataset(path: path)
        let ogrLayer = try dataset.layer(named: layer)
        let fields = VectorDataset.fields(of: ogrLayer)
        let idIndex = try index(of: idField, in: fields, file: path)
        try forEachFeature(of: ogrLayer, file: path, idIndex: idIndex, idField: idField, fields: fields) {
            try body($0, $1, $2, fields)
        }
    }

    /// Reads the polygons of a layer as study areas, projected to EPSG:4326 (lon/lat) and to an
    /// equal-area CRS in metres.
    ///
    /// - Parameters:
    ///   - layer: the layer name; nil when the source has a single layer.
    ///   - idField: the column holding the area id (`GEOID` for TIGER/Line). Integer ids keep their digits.
    ///   - nameField: the column holding the name; nil = `NAMELSAD`, else `NAME`, else the id.
    ///   - landAreaField: the column holding land area in m²; nil = `ALAND` when present.
    ///   - equalAreaCRS: any CRS text `OSRSetFromUserInput` understands; must be projected, in metres.
    /// - Throws: `.io` when the file is missing; `.badInput` naming file, feature and column for a missing
    ///   column, empty or duplicate id, empty or non-polygonal geometry, a layer without CRS whose
    ///   coordinates are not lon/lat; `.usage` for an equal-area CRS that is not a projected CRS in metres.
    public static func readAreas(
        path: String, layer: String? = nil, idField: String, nameField: String? = nil,
        landAreaField: String? = nil,
        equalAreaCRS: String = defaultEqualAreaCRS
    ) throws -> [Area] {
        let geographicCRS = try SpatialReference(userInput: "EPSG:4326")
        let equalArea = try SpatialReference.equalArea(equalAreaCRS)

        let dataset = try VectorDataset(path: path)
        let ogrLayer = try dataset.layer(named: layer)
        // OGR_L_GetFeatureCount returns the number of features (forced count: exact, or -1 if unknown).
        if OGR_L_GetFeatureCount(ogrLayer, 1) == 0 {
            throw LastmileError.badInput(
                SourceLocation(file: path),
                "the layer '\(VectorDataset.name(of: ogrLayer))' is empty; expected one polygon per study area")
        }
        let fields = VectorDataset.fields(of: ogrLayer)
        let idIndex = try index(of: idField, in: fields, file: path)
        let nameIndex: Int32? =
            try nameField.map { try index(of: $0, in: fields, file: path) }
            ?? defaultNameFields.lazy.compactMap { name in fields.firstIndex { $0.name == name }.map(Int32.init) }.first
        let landIndex: Int32? =
            try landAreaField.map { try index(of: $0, in: fields, file: path) }
            ?? fields.firstIndex { $0.name == defaultLandAreaField }.map(Int32.init)

        let sourceCRS = try layerCRS(of: ogrLayer, file: path)
        let toGeographic =
            sourceCRS.isSame(as: geographicCRS)
            ? nil
            : try CoordinateTransform(from: sourceCRS, to: geographicCRS)
        let toEqualArea = try CoordinateTransform(from: sourceCRS, to: equalArea)

        var areas: [Area] = []
        try forEachFeature(of: ogrLayer, file: path, idIndex: idIndex, idField: idField, fields: fields) {
            feature, ordinal, id in
            let at = SourceLocation(file: path, feature: ordinal)
            let geometry = try areaGeometry(of: feature, at: at, id: id)
            let geographic = try convert(geometry, through: toGeographic, at: at, id: id)
            let projected = try convert(geometry, through: toEqualArea, at: at, id: id)
            var name = nameIndex.flatMap { text(of: feature, field: $0) } ?? ""
            if name.isEmpty { name = id.rawValue }
            let land = try landIndex.flatMap { i in try number(of: feature, field: i, fields: fields, at: at) }
            areas.append(
                Area(
                    id: id, name: name, landAreaSquareMetres: land, geometry: projected,
                    geographicGeometry: geographic))
        }
        return areas
    }

    /// An area feature's geometry (borrowed from the feature).
    /// - Throws: `.badInput` at `at` when the feature has no geometry or an empty one.
    private static func areaGeometry(of feature: OGRFeatureH, at: SourceLocation, id: AreaID) throws -> OGRGeometryH {
        // OGR_F_GetGeometryRef borrows the feature's geometry (NULL when it has none).
        guard let geometry = OGR_F_GetGeometryRef(feature) else {
            throw LastmileError.badInput(at, "area '\(id)' has no geometry (expected Polygon or MultiPolygon)")
        }
        // OGR_G_IsEmpty returns TRUE (1) for a geometry without points.
        if OGR_G_IsEmpty(geometry) != 0 {
            throw LastmileError.badInput(
                at, "area '\(id)' has an empty geometry (no ring of 4 or more points; expected Polygon or MultiPolygon)"
            )
        }
        return geometry
    }

    /// Reads the polygons of a layer with their ids, in the layer's own coordinates (no reprojection):
    /// the lean read for a point-in-polygon join whose points are in the layer's CRS (block groups in
    /// NAD83 and Fabric locations in NAD83 longitude/latitude, for instance).
    /// - Parameters:
    ///   - layer: the layer name; nil when the source has a single layer.
    ///   - idField: the column holding the area id. Integer ids keep their digits.
    /// - Throws: `.io` when the file is missing; `.badInput` naming file, feature and column for a missing
    ///   id column, an empty or duplicate id, an empty or non-polygonal geometry. An empty layer gives no shapes.
    public static func readShapes(path: String, layer: String? = nil, idField: String) throws -> [AreaShape] {
        let dataset = try VectorDataset(path: path)
        let ogrLayer = try dataset.layer(named: layer)
        let fields = VectorDataset.fields(of: ogrLayer)
        let idIndex = try index(of: idField, in: fields, file: path)
        var shapes: [AreaShape] = []
        try forEachFeature(of: ogrLayer, file: path, idIndex: idIndex, idField: idField, fields: fields) {
            feature, ordinal, id in
            let at = SourceLocation(file: path, feature: ordinal)
            let geometry = try areaGeometry(of: feature, at: at, id: id)
            shapes.append(AreaShape(id: id, geometry: try convert(geometry, through: nil, at: at, id: id)))
        }
        return shapes
    }

    // MARK: - Helpers

    /// The index of `name` among `fields` (exact match first, then a unique case-insensitive one).
    static func index(of name: String, in fields: [FieldDescription], file: String) throws -> Int32 {
        if let i = fields.firstIndex(where: { $0.name == name }) { return Int32(i) }
        let folded = fields.indices.filter { fields[$0].name.lowercased() == name.lowercased() }
        if folded.count == 1 { return Int32(folded[0]) }
        throw LastmileError.badInput(
            SourceLocation(file: file, column: name),
            "no column '\(name)'; the columns are: "
                + (fields.isEmpty ? "(none)" : fields.map(\.name).joined(separator: ", ")))
    }

    /// The layer's CRS; for a layer without one (CSV), EPSG:4326 when its extent fits lon/lat ranges.
    static func layerCRS(of layer: OGRLayerH, file: String) throws -> SpatialReference {
        // OGR_L_GetSpatialRef borrows the layer's CRS (NULL when it has none).
        if let crs = SpatialReference(cloning: OGR_L_GetSpatialRef(layer)) { return crs }
        let lonLat = BoundingBox(minX: -180, minY: -90, maxX: 180, maxY: 90)
        if let extent = VectorDataset.extent(of: layer),
            lonLat.contains(Point(x: extent.minX, y: extent.minY)),
            lonLat.contains(Point(x: extent.maxX, y: extent.maxY))
        {
            return try SpatialReference(userInput: "EPSG:4326")
        }
        throw LastmileError.badInput(
            SourceLocation(file: file),
            "the layer has no CRS and its coordinates are not longitude/latitude; "
                + "give the file a CRS (e.g. ogr2ogr -a_srs EPSG:4269)")
    }

    /// Calls `body` for each feature with its 1-based position and id; checks ids are present and unique.
    static func forEachFeature(
        of layer: OGRLayerH, file: String, idIndex: Int32, idField: String,
        fields: [FieldDescription],
        _ body: (OGRFeatureH, Int, AreaID) throws -> Void
    ) throws {
        var firstSeen: [AreaID: Int] = [:]
        try GDALRuntime.forEachFeature(of: layer, file: file) { feature, ordinal, _ in
            let at = SourceLocation(file: file, feature: ordinal, column: idField)
            guard let raw = idText(of: feature, field: idIndex, type: fields[Int(idIndex)].type) else {
                throw LastmileError.badInput(at, "the id is empty")
            }
            let id = AreaID(raw)
            if let earlier = firstSeen[id] {
                throw LastmileError.badInput(
                    at, "duplicate id '\(raw)': features \(earlier) and \(ordinal) both use it")
            }
            firstSeen[id] = ordinal
            try body(feature, ordinal, id)
        }
    }

    /// The id as text: integers keep their digits; a whole Real id ("15001.0") loses the fraction.
    private static func idText(of feature: OGRFeatureH, field: Int32, type: String) -> String? {
        if type == "Real" {
            // OGR_F_IsFieldSetAndNotNull returns TRUE when the field has a value; OGR_F_GetFieldAsDouble reads it.
            guard OGR_F_IsFieldSetAndNotNull(feature, field) != 0 else { return nil }
            let value = OGR_F_GetFieldAsDouble(feature, field)
            if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        }
        guard let text = text(of: feature, field: field) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The field's value as GDAL formats it, nil when NULL or unset.
    private static func text(of feature: OGRFeatureH, field: Int32) -> String? {
        // OGR_F_IsFieldSetAndNotNull returns TRUE when the field has a value.
        guard OGR_F_IsFieldSetAndNotNull(feature, field) != 0 else { return nil }
        // OGR_F_GetFieldAsString returns a borrowed string valid until the next call on the feature.
        return OGR_F_GetFieldAsString(feature, field).map { String(cString: $0) }
    }

    /// A numeric field's value; a text field is parsed. NULL → nil; unparsable text → badInput.
    private static func number(
        of feature: OGRFeatureH, field: Int32, fields: [FieldDescription],
        at: SourceLocation
    ) throws -> Double? {
        // OGR_F_IsFieldSetAndNotNull returns TRUE when the field has a value.
        guard OGR_F_IsFieldSetAndNotNull(feature, field) != 0 else { return nil }
        let description = fields[Int(field)]
        switch description.type {
        case "Integer", "Integer64", "Real":
            // OGR_F_GetFieldAsDouble converts any numeric field to double.
            return OGR_F_GetFieldAsDouble(feature, field)
        default:
            let text = (self.text(of: feature, field: field) ?? "").trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return nil }
            guard let value = Double(text) else {
                var location = at
                location.column = description.name
                throw LastmileError.badInput(location, "expected a land area in square metres, found '\(text)'")
            }
            return value
        }
    }

    private static func attributes(of feature: OGRFeatureH, fields: [FieldDescription]) -> [String: String] {
        var values: [String: String] = [:]
        for (i, field) in fields.enumerated() {
            if let value = text(of: feature, field: Int32(i)) { values[field.name] = value }
        }
        return values
    }

    /// Converts a borrowed geometry to a MultiPolygon, through a copy transformed by `transform` if any.
    private static func convert(
        _ geometry: OGRGeometryH, through transform: CoordinateTransform?,
        at: SourceLocation, id: AreaID
    ) throws -> MultiPolygon {
        var owned: OGRGeometryH? = nil
        defer {
            // OGR_G_DestroyGeometry frees the transformed copy; returns nothing.
            if let owned { OGR_G_DestroyGeometry(owned) }
        }
        var source = geometry
        if let transform {
            // OGR_G_Clone returns an owned copy (NULL only when out of memory).
            guard let copy = OGR_G_Clone(geometry) else {
                throw LastmileError.failed("OGR_G_Clone failed: out of memory")
            }
            owned = copy
            try GDALRuntime.capturingErrors { log in
                // OGR_G_Transform returns OGRERR_NONE when every point was transformed.
                guard OGR_G_Transform(copy, transform.handle) == OGRERR_NONE else {
                    throw LastmileError.badInput(
                        at,
                        "cannot reproject area '\(id)': "
                            + log.message(or: "coordinates outside the CRS's area of use"))
                }
            }
            source = copy
        }
        do {
            return try OGRGeometryConversion.multiPolygon(from: source)
        } catch .empty {
            throw LastmileError.badInput(
                at, "area '\(id)' has an empty geometry (no ring of 4 or more points; expected Polygon or MultiPolygon)"
            )
        } catch .notPolygonal(let typeName) {
            throw LastmileError.badInput(at, "area '\(id)' is a \(typeName), expected Polygon or MultiPolygon")
        }
    }
}
