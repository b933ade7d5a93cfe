import CGDAL
import Foundation
import GeoModel

/// The areas as OGR geometries (each area's core, i.e. the polygon minus its edge zone, and the edge
/// zone), and a uniform grid over their bounding boxes. Owns its OGR geometries (freed in `deinit`).
final class RoadAreaIndex {
    let ids: [AreaID]
    /// Per area: polygon − edge zone, and the boundary buffered by `RoadNetwork.edgeTolerance`.
    private let cores: [OGRGeometryH?]
    private let zones: [OGRGeometryH?]
    /// GEOS prepared forms of `cores` and `zones` (fast repeated tests); they refer to the geometries,
    /// so they are destroyed first.
    private let preparedCores: [OGRPreparedGeometryH?]
    private let preparedZones: [OGRPreparedGeometryH?]
    private let boxes: [BoundingBox]
    let extent: BoundingBox?
    private let cellSize: Double
    private var cells: [Int64: [Int]] = [:]

    /// The most vertices an area may have for road lengths: GEOS buffering of the boundary grows
    /// faster than linearly, and a 2,000,000-vertex area did not finish in 120 s. Lastmile choice (a
    /// TIGER/Line county has fewer than 50,000); such an area is refused before any GEOS work.
    static let maximumVertices = 250_000

    /// - Parameter areasFile: the areas' file, for the error about an area with too many vertices.
    init(_ areas: [Area], areasFile: String) throws {
        let tolerance = RoadNetwork.edgeTolerance
        ids = areas.map(\.id)
        boxes = areas.map {
            let b = $0.geometry.boundingBox
            return BoundingBox(
                minX: b.minX - tolerance, minY: b.minY - tolerance,
                maxX: b.maxX + tolerance, maxY: b.maxY + tolerance)
        }
        var cores: [OGRGeometryH?] = []
        var zones: [OGRGeometryH?] = []
        for area in areas {
            let vertices = area.geometry.polygons.reduce(0) { $0 + $1.rings.reduce(0) { $0 + $1.count } }
            guard vertices <= RoadAreaIndex.maximumVertices else {
                RoadAreaIndex.destroy(cores + zones)
                throw LastmileError.badInput(
                    SourceLocation(file: areasFile),
                    "area '\(area.id)' has \(vertices) vertices; road lengths are measured for areas of at most "
                        + "\(RoadAreaIndex.maximumVertices): simplify the areas first (e.g. ogr2ogr -simplify 1)")
            }
            guard let polygon = OGRGeometryConversion.ogrGeometry(from: area.geometry) else {
                RoadAreaIndex.destroy(cores + zones)
                throw LastmileError.failed("cannot build the OGR polygon of area '\(area.id)'")
            }
            // OGR_G_Boundary returns an owned geometry (the rings as lines), NULL on failure.
            let boundary = OGR_G_Boundary(polygon)
            // OGR_G_Buffer returns an owned polygon around the lines (8 segments per quarter circle), NULL on failure.
            let zone = boundary.flatMap { OGR_G_Buffer($0, tolerance, 8) }
            // OGR_G_Difference returns an owned geometry (GEOS), NULL on failure.
            let core = zone.flatMap { OGR_G_Difference(polygon, $0) }
            guard zone != nil, core != nil else {
                RoadAreaIndex.destroy([polygon, boundary, zone, core] + cores + zones)
                throw LastmileError.failed(
                    "area '\(area.id)': GEOS cannot clip roads to its polygon: "
                        + GDALRuntime.lastErrorMessage(or: "invalid geometry"))
            }
            RoadAreaIndex.destroy([polygon, boundary])
            cores.append(core)
            zones.append(zone)
        }
        self.cores = cores
        self.zones = zones
        // OGRCreatePreparedGeometry returns an owned prepared geometry, NULL without GEOS support.
        preparedCores = cores.map { $0.flatMap(OGRCreatePreparedGeometry) }
        preparedZones = zones.map { $0.flatMap(OGRCreatePreparedGeometry) }
        let all = boxes.reduce(BoundingBox.empty) { $0.union($1) }
        extent = all.isEmpty ? nil : all
        // About one area per cell on average: cell side = √(extent area ÷ area count).
        let side = all.isEmpty ? 1 : (max(all.width * all.height, 1) / Double(max(1, areas.count))).squareRoot()
        cellSize = max(side, 1)
        for (i, box) in boxes.enumerated() where !box.isEmpty {
            forEachCell(box) { cells[$0, default: []].append(i) }
        }
    }

    private static func destroy(_ geometries: [OGRGeometryH?]) {
        // OGR_G_DestroyGeometry frees an owned geometry; returns nothing.
        for g in geometries { if let g { OGR_G_DestroyGeometry(g) } }
    }

    private func forEachCell(_ box: BoundingBox, _ body: (Int64) -> Void) {
        let x0 = Int64((box.minX / cellSize).rounded(.down))
        let x1 = Int64((box.maxX / cellSize).rounded(.down))
        let y0 = Int64((box.minY / cellSize).rounded(.down))
        let y1 = Int64((box.maxY / cellSize).rounded(.down))
        for x in x0...x1 { for y in y0...y1 { body(x &* 1_000_003 &+ y) } }
    }

    /// Areas whose (tolerance-padded) bounding box meets `box`, in area order.
    func candidates(for box: BoundingBox) -> [Int] {
        guard let extent, box.intersects(extent) else { return [] }
        let clipped = BoundingBox(
            minX: max(box.minX, extent.minX), minY: max(box.minY, extent.minY),
            maxX: min(box.maxX, extent.maxX), maxY: min(box.maxY, extent.maxY))
        var found = Set<Int>()
        forEachCell(clipped) { key in
            for i in cells[key] ?? [] where boxes[i].intersects(box) { found.insert(i) }
        }
        return found.sorted()
    }

    /// Length of `line` inside area `i`: its core in full, its edge zone at half.
    func clippedLength(of line: OGRGeometryH, in i: Int) -> Double {
        // Most road pieces lie wholly inside one area's core: no clipping needed.
        // OGRPreparedGeometryContains / OGRPreparedGeometryIntersects return TRUE (1) or FALSE (GEOS).
        if let core = preparedCores[i], OGRPreparedGeometryContains(core, line) != 0 {
            return RoadAreaIndex.lineLength(line)
        }
        var length = 0.0
        if let core = cores[i], meets(line, core, preparedCores[i]) {
            length += RoadAreaIndex.intersectionLength(line, core)
        }
        if let zone = zones[i], meets(line, zone, preparedZones[i]) {
            length += 0.5 * RoadAreaIndex.intersectionLength(line, zone)
        }
        return length
    }

    private func meets(_ line: OGRGeometryH, _ g: OGRGeometryH, _ prepared: OGRPreparedGeometryH?) -> Bool {
        if let prepared { return OGRPreparedGeometryIntersects(prepared, line) != 0 }
        // OGR_G_Intersects returns TRUE (1) when the geometries meet (GEOS).
        return OGR_G_Intersects(line, g) != 0
    }

    /// Length of the lines in a ∩ b (points where lines cross count 0).
    static func intersectionLength(_ a: OGRGeometryH, _ b: OGRGeometryH) -> Double {
        // OGR_G_Intersection returns an owned geometry (GEOS), NULL on failure (e.g. invalid input).
        guard let cut = OGR_G_Intersection(a, b) else { return 0 }
        defer {
            // OGR_G_DestroyGeometry frees the result; returns nothing.
            OGR_G_DestroyGeometry(cut)
        }
        return lineLength(cut)
    }

    /// Total length of the linear parts of a geometry (collections are walked; points and polygons add 0).
    static func lineLength(_ g: OGRGeometryH) -> Double {
        let type = OGR_GT_Flatten(OGR_G_GetGeometryType(g))
        if type == wkbLineString || type == wkbLinearRing {
            // OGR_G_Length returns the planar length of a curve.
            return OGR_G_Length(g)
        }
        if type == wkbMultiLineString || type == wkbGeometryCollection {
            // OGR_G_GetGeometryCount returns the number of parts; OGR_G_GetGeometryRef borrows part i.
            return (0..<OGR_G_GetGeometryCount(g)).reduce(0) { sum, i in
                sum + (OGR_G_GetGeometryRef(g, i).map(lineLength) ?? 0)
            }
        }
        return 0
    }

    deinit {
        // OGRDestroyPreparedGeometry frees a prepared geometry; returns nothing. Before the geometries it refers to.
        for p in preparedCores + preparedZones { if let p { OGRDestroyPreparedGeometry(p) } }
        RoadAreaIndex.destroy(cores + zones)
    }
}
