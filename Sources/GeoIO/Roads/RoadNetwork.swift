import CGDAL
import Foundation
import GeoModel

/// Measures road centreline length inside each study area from any GDAL line source (TIGER/Line
/// roads shapefile or zip, GeoPackage, GeoJSON, `/vsizip/…`): route miles for the per-foot cost model.
///
/// How a length is measured:
/// - Lines are reprojected to the study's equal-area CRS (the one the areas were read into, default
///   EPSG:5070), clipped to each area polygon with GEOS (`OGR_G_Intersection`) and measured in that
///   plane (`OGR_G_Length`). GDAL 3.6 has no geodesic line length (`OGR_G_GeodesicLength` came in
///   3.10), so lengths are planar in the equal-area projection. Error bound: an Albers conic keeps
///   areas but not lengths; its scale is k along parallels and 1/k along meridians, so a segment's
///   length is off by at most max(|k − 1|, |1/k − 1|). For EPSG:5070 (standard parallels 29.5° and
///   45.5° N) k is 0.990 at 37.5° N and 1.012–1.013 at 25° and 49° N, so the error is under 1.3 % in
///   the conterminous US and about 0.4 % at 44° N (k = 0.9964; PROJ cs2cs against geod, GRS80),
///   see `RoadNetworkTests` for the check against geodesic distances.
/// - A road lying along an area's edge serves both sides, so it counts half to each. "Along" means
///   within `edgeTolerance` (1 m) of the edge, so that reprojection noise does not decide the side: an
///   area gets length(road ∩ (area − edge zone)) + ½ · length(road ∩ edge zone), where the edge zone is
///   the area's boundary buffered by 1 m on both sides. A road crossing an edge is unaffected (1 m in,
///   1 m out, halved); a road along the study's outer edge counts half (the other half serves the land
///   outside). Summed over a tiling of areas every metre of road inside the study counts once, give or
///   take 1 m where a road along an edge leaves the study or passes a corner.
/// - Candidate areas come from a uniform grid over the areas' bounding boxes, and the layer gets a
///   spatial filter on the study's extent, so the work is not roads × areas.
public enum RoadNetwork {
    /// The attribute that holds a road's class: `MTFCC`, the MAF/TIGER Feature Class Code of
    /// TIGER/Line roads files (Census Bureau, "MAF/TIGER Feature Class Code (MTFCC) Definitions").
    public static let defaultClassField = "MTFCC"

    /// Road classes that pass locations, used when the layer has an `MTFCC` column and the study names
    /// none. From the Census MTFCC definitions: S1200 Secondary Road and S1400 Local Neighborhood Road,
    /// Rural Road, City Street carry addressed structures; S1640 Service Drive "provides access to
    /// structures … along the highway". Left out: S1100 Primary Road (limited-access highways: no
    /// driveways), S1500 vehicular trails (4WD), S1630 ramps, S1710–S1830 walkways, stairways, bike and
    /// bridle paths, S1730 alleys ("does not generally have associated addressed structures"), S1740
    /// private service roads (logging, oil fields), S1780 parking lot roads, S2000 road medians.
    public static let defaultClasses: [String] = ["S1200", "S1400", "S1640"]

    /// How close to an area's edge a road counts as running along it (metres): TIGER/Line coordinates
    /// carry 6 decimals of a degree (≈ 0.1 m), and reprojection moves shared vertices by far less, while
    /// parallel streets are tens of metres apart. Lastmile choice.
    public static let edgeTolerance = 1.0

    /// Metres per international mile.
    public static let metresPerMile = 1_609.344

    /// One road centreline for a map: its class (MTFCC when the layer has it) and its parts, in the
    /// study's equal-area CRS (metres).
    public struct RoadLine: Hashable, Sendable {
        public var roadClass: String?
        public var parts: [[Point]]
        public init(roadClass: String?, parts: [[Point]]) { self.roadClass = roadClass; self.parts = parts }
        /// TIGER's primary and secondary roads (S1100, S1200): drawn heavier.
        public var isMajor: Bool { roadClass == "S1100" || roadClass == "S1200" }
    }

    /// Road length per area and what was read.
    public struct Lengths: Hashable, Sendable {
        /// Metres of road inside each area (areas without road are present with 0).
        public var metresByArea: [AreaID: Double]
        /// Line features read from the layer (after the spatial filter on the study extent).
        public var featuresRead: Int
        /// Features whose class passed the filter.
        public var featuresUsed: Int
        /// The class field filtered on, nil when every line counts.
        public var classField: String?
        /// The classes kept (sorted), empty when every line counts.
        public var classes: [String]
        /// Every line read (all classes), in the equal-area CRS, for drawing the roads on maps.
        public var lines: [RoadLine] = []

        public init(
            metresByArea: [AreaID: Double], featuresRead: Int, featuresUsed: Int, classField: String?,
            classes: [String], lines: [RoadLine] = []
        ) {
            self.metresByArea = metresByArea; self.featuresRead = featuresRead; self.featuresUsed = featuresUsed
            self.classField = classField; self.classes = classes; self.lines = lines
        }

        /// Miles per area (metres ÷ 1,609.344).
        public var milesByArea: [AreaID: Double] { metresByArea.mapValues { $0 / RoadNetwork.metresPerMile } }
        /// Total metres over all areas.
        public var totalMetres: Double { metresByArea.values.reduce(0, +) }
    }

    /// Measures the road length inside each area.
    ///
    /// - Parameters:
    ///   - path: any GDAL vector source with LineString/MultiLineString features and a CRS.
    ///   - layer: the layer name; nil when the source has a single layer.
    ///   - areas: the study areas as `VectorSource.readAreas` returns them; their `geometry` must be in
    ///     `equalAreaCRS`.
    ///   - classField: the attribute holding the road class (default `MTFCC`).
    ///   - classes: the classes to keep. nil: `defaultClasses` when the layer has `classField`, else
    ///     every line (a non-TIGER source). An explicit list requires the field.
    ///   - equalAreaCRS: the CRS of the areas' geometry (projected, metres).
    ///   - areasFile: the areas' file, named when an area has too many vertices to clip roads to.
    /// - Throws: `.io` when the file is missing; `.badInput` naming the file (and feature or field) when
    ///   the layer has no CRS, is not a line layer, a feature is not a line, or the class field is
    ///   missing while classes are given; `.usage` for an equal-area CRS that is not projected in metres.
    public static func lengths(
        path: String, layer: String? = nil, areas: [Area],
        classField: String = defaultClassField, classes: [String]? = nil,
        equalAreaCRS: String = VectorSource.defaultEqualAreaCRS,
        areasFile: String = "the areas"
    ) throws -> Lengths {
        let equalArea = try SpatialReference.equalArea(equalAreaCRS)
        let dataset = try VectorDataset(path: path)
        let ogrLayer = try dataset.layer(named: layer)
        let layerName = VectorDataset.name(of: ogrLayer)

        // OGR_L_GetGeomType returns the declared type; OGR_GT_Flatten drops Z/M.
        let declared = OGR_GT_Flatten(OGR_L_GetGeomType(ogrLayer))
        guard declared == wkbUnknown || isLinear(declared) else {
            throw LastmileError.badInput(
                SourceLocation(file: path),
                "layer '\(layerName)' holds \(OGRGeometryConversion.typeName(declared)) features; expected road centrelines (LineString or MultiLineString)"
            )
        }
        // OGR_L_GetSpatialRef borrows the layer's CRS (NULL when it has none).
        guard let sourceCRS = SpatialReference(cloning: OGR_L_GetSpatialRef(ogrLayer)) else {
            throw LastmileError.badInput(
                SourceLocation(file: path),
                "layer '\(layerName)' has no CRS; road lengths need one (e.g. ogr2ogr -a_srs EPSG:4269)")
        }
        let toEqualArea = try CoordinateTransform(from: sourceCRS, to: equalArea)

        let fields = VectorDataset.fields(of: ogrLayer)
        let classIndex: Int32?
        let kept: Set<String>?
        if let classes {
            classIndex = try VectorSource.index(of: classField, in: fields, file: path)
            kept = Set(classes)
        } else if let i = fields.firstIndex(where: { $0.name.lowercased() == classField.lowercased() }) {
            classIndex = Int32(i)
            kept = Set(defaultClasses)
        } else {
            classIndex = nil
            kept = nil
        }

        // Rings are added open and closed afterwards (OGRGeometryConversion): GDAL warns about each one
        // ("Non closed ring detected"); the warnings go to the capture, not to stderr.
        let index = try GDALRuntime.capturingErrors { _ in try RoadAreaIndex(areas, areasFile: areasFile) }
        var metres = Dictionary(uniqueKeysWithValues: areas.map { ($0.id, 0.0) })
        var read = 0
        var used = 0
        var lines: [RoadLine] = []
        let anyClassIndex =
            classIndex ?? fields.firstIndex(where: { $0.name.lowercased() == classField.lowercased() }).map(Int32.init)
        if let extent = index.extent {
            try setSpatialFilter(ogrLayer, studyExtent: extent, equalArea: equalArea, layerCRS: sourceCRS)
        }
        try GDALRuntime.forEachFeature(of: ogrLayer, file: path) { feature, ordinal, log in
            read += 1
            // OGR_F_IsFieldSetAndNotNull returns TRUE when set; OGR_F_GetFieldAsString borrows the text.
            let roadClass = anyClassIndex.flatMap { i -> String? in
                guard OGR_F_IsFieldSetAndNotNull(feature, i) != 0, let raw = OGR_F_GetFieldAsString(feature, i) else {
                    return nil
                }
                return String(cString: raw).trimmingCharacters(in: .whitespaces)
            }
            // OGR_F_GetGeometryRef borrows the feature's geometry (NULL when it has none).
            guard let geometry = OGR_F_GetGeometryRef(feature), OGR_G_IsEmpty(geometry) == 0 else { return }
            if isLinear(OGR_GT_Flatten(OGR_G_GetGeometryType(geometry))),
                let copy = OGR_G_Clone(geometry)
            {
                // OGR_G_Clone returns an owned copy, transformed here and freed after its points are read.
                defer { OGR_G_DestroyGeometry(copy) }
                if OGR_G_Transform(copy, toEqualArea.handle) == OGRERR_NONE {
                    lines.append(RoadLine(roadClass: roadClass, parts: linePoints(copy)))
                }
            }
            if classIndex != nil, let kept {
                guard let roadClass, kept.contains(roadClass) else { return }
            }
            let type = OGR_GT_Flatten(OGR_G_GetGeometryType(geometry))
            guard isLinear(type) else {
                throw LastmileError.badInput(
                    SourceLocation(file: path, feature: ordinal),
                    "the feature is a \(OGRGeometryConversion.typeName(type)); expected road centrelines (LineString or MultiLineString)"
                )
            }
            used += 1
            // OGR_G_Clone returns an owned copy (NULL only when out of memory); freed below.
            guard let line = OGR_G_Clone(geometry) else {
                throw LastmileError.failed("OGR_G_Clone failed: out of memory")
            }
            defer {
                // OGR_G_DestroyGeometry frees the copy; returns nothing.
                OGR_G_DestroyGeometry(line)
            }
            // OGR_G_Transform returns OGRERR_NONE when every point was transformed.
            guard OGR_G_Transform(line, toEqualArea.handle) == OGRERR_NONE else {
                throw LastmileError.badInput(
                    SourceLocation(file: path, feature: ordinal),
                    "cannot reproject the road to \(equalAreaCRS): "
                        + log.message(or: "coordinates outside the CRS's area of use"))
            }
            var envelope = OGREnvelope()
            // OGR_G_GetEnvelope fills the bounding box; returns nothing.
            OGR_G_GetEnvelope(line, &envelope)
            let box = BoundingBox(minX: envelope.MinX, minY: envelope.MinY, maxX: envelope.MaxX, maxY: envelope.MaxY)
            for candidate in index.candidates(for: box) {
                let length = index.clippedLength(of: line, in: candidate)
                if length > 0 { metres[index.ids[candidate], default: 0] += length }
            }
        }
        return Lengths(
            metresByArea: metres, featuresRead: read, featuresUsed: used,
            classField: kept == nil ? nil : fields[Int(classIndex!)].name, classes: kept?.sorted() ?? [], lines: lines)
    }

    /// The parts of a LineString or MultiLineString as point lists.
    static func linePoints(_ g: OGRGeometryH) -> [[Point]] {
        // OGR_G_GetGeometryCount is 0 for a LineString, the part count for a MultiLineString;
        // OGR_G_GetGeometryRef borrows a part; OGR_G_GetPointCount/GetX/GetY read vertices.
        func points(_ line: OGRGeometryH) -> [Point] {
            (0..<OGR_G_GetPointCount(line)).map { Point(x: OGR_G_GetX(line, $0), y: OGR_G_GetY(line, $0)) }
        }
        let n = OGR_G_GetGeometryCount(g)
        guard n > 0 else { return [points(g)] }
        return (0..<n).compactMap { OGR_G_GetGeometryRef(g, $0) }.map(points)
    }

    static func isLinear(_ type: OGRwkbGeometryType) -> Bool {
        type == wkbLineString || type == wkbMultiLineString
    }

    /// Restricts reading to the study's extent (padded by 1 km), transformed into the layer's CRS (roads, and the
    /// maps' context layers).
    static func setSpatialFilter(
        _ layer: OGRLayerH, studyExtent: BoundingBox, equalArea: SpatialReference,
        layerCRS: SpatialReference
    ) throws {
        let back = try CoordinateTransform(from: equalArea, to: layerCRS)
        let pad = 1_000.0
        var minX = 0.0
        var minY = 0.0
        var maxX = 0.0
        var maxY = 0.0
        // OCTTransformBounds returns TRUE (1) on success; 21 densification points per edge (GDAL's default).
        let ok = OCTTransformBounds(
            back.handle, studyExtent.minX - pad, studyExtent.minY - pad,
            studyExtent.maxX + pad, studyExtent.maxY + pad,
            &minX, &minY, &maxX, &maxY, 21)
        // Without bounds (a transformation failure) every feature is read: slower, same result.
        if ok != 0 {
            // OGR_L_SetSpatialFilterRect returns nothing; features whose envelope misses the rectangle are skipped.
            OGR_L_SetSpatialFilterRect(layer, minX, minY, maxX, maxY)
        }
    }
}
