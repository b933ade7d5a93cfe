import CGDAL
import GeoModel

/// Conversions between OGR geometries (`OGRGeometryH`) and GeoModel's `MultiPolygon`.
enum OGRGeometryConversion {
    /// Why a geometry could not be converted (the caller adds file and feature).
    enum Problem: Error {
        case empty
        case notPolygonal(typeName: String)
    }

    /// Converts a borrowed Polygon / MultiPolygon (curved variants are linearised) to a `MultiPolygon`.
    /// Rings lose their closing point: GeoModel rings are closed implicitly.
    static func multiPolygon(from geometry: OGRGeometryH) throws(Problem) -> MultiPolygon {
        // OGR_G_IsEmpty returns TRUE (1) for a geometry without points.
        if OGR_G_IsEmpty(geometry) != 0 { throw .empty }
        // OGR_G_GetGeometryType returns the type with Z/M flags; OGR_GT_Flatten drops them.
        let type = OGR_GT_Flatten(OGR_G_GetGeometryType(geometry))
        var result: MultiPolygon
        switch type {
        case wkbPolygon:
            result = MultiPolygon(polygons: [polygon(from: geometry)])
        case wkbMultiPolygon:
            // OGR_G_GetGeometryCount returns the number of parts; OGR_G_GetGeometryRef borrows part i.
            let parts = OGR_G_GetGeometryCount(geometry)
            var polygons: [Polygon] = []
            polygons.reserveCapacity(Int(parts))
            for i in 0..<parts {
                guard let part = OGR_G_GetGeometryRef(geometry, i), OGR_G_IsEmpty(part) == 0 else { continue }
                polygons.append(polygon(from: part))
            }
            result = MultiPolygon(polygons: polygons)
        case wkbCurvePolygon, wkbMultiSurface:
            // OGR_G_Clone returns an owned copy; OGR_G_ForceToMultiPolygon consumes it and returns an owned
            // (linearised) multipolygon, destroyed below with OGR_G_DestroyGeometry.
            guard let copy = OGR_G_Clone(geometry), let linear = OGR_G_ForceToMultiPolygon(copy) else { throw .empty }
            defer { OGR_G_DestroyGeometry(linear) }
            guard OGR_GT_Flatten(OGR_G_GetGeometryType(linear)) == wkbMultiPolygon else {
                throw .notPolygonal(typeName: typeName(type))
            }
            result = try multiPolygon(from: linear)
        default:
            throw .notPolygonal(typeName: typeName(type))
        }
        if result.polygons.isEmpty || result.isEmpty { throw .empty }
        return result
    }

    /// The readable OGR name of a geometry type ("Line String").
    static func typeName(_ type: OGRwkbGeometryType) -> String {
        // OGRGeometryTypeToName returns a borrowed static string.
        OGRGeometryTypeToName(type).map { String(cString: $0) } ?? "type \(type.rawValue)"
    }

    private static func polygon(from geometry: OGRGeometryH) -> Polygon {
        // For a polygon, OGR_G_GetGeometryCount is the ring count; ring 0 is the exterior.
        let ringCount = OGR_G_GetGeometryCount(geometry)
        var rings: [[Point]] = []
        rings.reserveCapacity(Int(ringCount))
        for r in 0..<ringCount {
            guard let ring = OGR_G_GetGeometryRef(geometry, r) else { continue }
            rings.append(points(of: ring))
        }
        return Polygon(rings: rings)
    }

    /// The ring's points, copied straight into `Point` storage by `OGR_G_GetPoints` with a stride.
    private static func points(of ring: OGRGeometryH) -> [Point] {
        // OGR_G_GetPointCount returns the number of vertices (0 for an empty ring).
        let n = Int(OGR_G_GetPointCount(ring))
        guard n > 0 else { return [] }
        let stride = Int32(MemoryLayout<Point>.stride)
        var pts = [Point](unsafeUninitializedCapacity: n) { buffer, count in
            let raw = UnsafeMutableRawPointer(buffer.baseAddress!)
            let xOffset = MemoryLayout<Point>.offset(of: \Point.x)!
            let yOffset = MemoryLayout<Point>.offset(of: \Point.y)!
            // OGR_G_GetPoints fills strided x and y arrays and returns the number of points copied.
            count = Int(OGR_G_GetPoints(ring, raw + xOffset, stride, raw + yOffset, stride, nil, 0))
        }
        if pts.count > 1, pts.first == pts.last { pts.removeLast() }
        return pts
    }

    /// Builds an owned OGR MultiPolygon from `multiPolygon` (rings closed); the caller destroys it or hands
    /// it to a feature with `OGR_F_SetGeometryDirectly`.
    static func ogrGeometry(from multiPolygon: MultiPolygon) -> OGRGeometryH? {
        // OGR_G_CreateGeometry returns an owned geometry, NULL only for an unknown type.
        guard let multi = OGR_G_CreateGeometry(wkbMultiPolygon) else { return nil }
        for polygon in multiPolygon.polygons {
            guard let ogrPolygon = OGR_G_CreateGeometry(wkbPolygon) else { continue }
            for ring in polygon.rings where !ring.isEmpty {
                guard let ogrRing = OGR_G_CreateGeometry(wkbLinearRing) else { continue }
                ring.withUnsafeBytes { raw in
                    let base = raw.baseAddress!
                    let stride = Int32(MemoryLayout<Point>.stride)
                    // OGR_G_SetPoints copies strided x/y arrays (no z: the ring stays 2D); returns nothing.
                    OGR_G_SetPoints(
                        ogrRing, Int32(ring.count),
                        base + MemoryLayout<Point>.offset(of: \Point.x)!, stride,
                        base + MemoryLayout<Point>.offset(of: \Point.y)!, stride, nil, 0)
                }
                // OGR_G_AddGeometryDirectly takes ownership of the ring (GDAL frees it itself on failure, which
                // cannot happen for a ring added to a polygon); returns OGRERR_NONE on success.
                _ = OGR_G_AddGeometryDirectly(ogrPolygon, ogrRing)
            }
            // OGR_G_CloseRings appends the first point where a ring does not end on it; returns nothing.
            OGR_G_CloseRings(ogrPolygon)
            // OGR_G_AddGeometryDirectly takes ownership of the polygon; returns OGRERR_NONE on success (a
            // polygon always fits a multipolygon).
            _ = OGR_G_AddGeometryDirectly(multi, ogrPolygon)
        }
        return multi
    }
}
