/// A position in some planar or geographic coordinate system (x = easting/longitude, y = northing/latitude).
public struct Point: Hashable, Sendable, Codable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// An axis-aligned rectangle.
public struct BoundingBox: Hashable, Sendable, Codable {
    public var minX: Double, minY: Double, maxX: Double, maxY: Double
    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX; self.minY = minY; self.maxX = maxX; self.maxY = maxY
    }
    /// The empty box: union identity.
    public static let empty = BoundingBox(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
    public var isEmpty: Bool { minX > maxX || minY > maxY }
    public var width: Double { isEmpty ? 0 : maxX - minX }
    public var height: Double { isEmpty ? 0 : maxY - minY }
    public var center: Point { Point(x: (minX + maxX) / 2, y: (minY + maxY) / 2) }

    public func union(_ o: BoundingBox) -> BoundingBox {
        BoundingBox(minX: min(minX, o.minX), minY: min(minY, o.minY), maxX: max(maxX, o.maxX), maxY: max(maxY, o.maxY))
    }
    public func including(_ p: Point) -> BoundingBox {
        BoundingBox(minX: min(minX, p.x), minY: min(minY, p.y), maxX: max(maxX, p.x), maxY: max(maxY, p.y))
    }
    public func intersects(_ o: BoundingBox) -> Bool {
        !(o.minX > maxX || o.maxX < minX || o.minY > maxY || o.maxY < minY)
    }
    public func contains(_ p: Point) -> Bool { p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY }
}

/// A polygon: an exterior ring followed by zero or more holes. Rings are closed implicitly.
public struct Polygon: Hashable, Sendable, Codable {
    public var rings: [[Point]]
    public init(rings: [[Point]]) { self.rings = rings }
    public init(exterior: [Point], holes: [[Point]] = []) { self.rings = [exterior] + holes }

    public var exterior: [Point] { rings.first ?? [] }
    public var boundingBox: BoundingBox {
        exterior.reduce(BoundingBox.empty) { $0.including($1) }
    }

    /// Planar area (shoelace), exterior minus holes, in the square of the coordinate unit.
    public var area: Double {
        guard let outer = rings.first else { return 0 }
        return rings.dropFirst().reduce(abs(Polygon.signedArea(outer))) { $0 - abs(Polygon.signedArea($1)) }
    }

    /// Even-odd point-in-polygon test over all rings.
    public func contains(_ p: Point) -> Bool {
        var inside = false
        for ring in rings where ring.count >= 3 {
            var j = ring.count - 1
            for i in 0..<ring.count {
                let a = ring[i]
                let b = ring[j]
                if (a.y > p.y) != (b.y > p.y), p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
                    inside.toggle()
                }
                j = i
            }
        }
        return inside
    }

    /// Area-weighted centroid of the exterior ring (falls back to the box centre for degenerate rings).
    public var centroid: Point {
        let ring = exterior
        var a = 0.0
        var cx = 0.0
        var cy = 0.0
        guard ring.count >= 3 else { return boundingBox.center }
        for i in 0..<ring.count {
            let p = ring[i]
            let q = ring[(i + 1) % ring.count]
            let cross = p.x * q.y - q.x * p.y
            a += cross
            cx += (p.x + q.x) * cross
            cy += (p.y + q.y) * cross
        }
        guard abs(a) > 0 else { return boundingBox.center }
        return Point(x: cx / (3 * a), y: cy / (3 * a))
    }

    static func signedArea(_ ring: [Point]) -> Double {
        guard ring.count >= 3 else { return 0 }
        var s = 0.0
        for i in 0..<ring.count {
            let p = ring[i]
            let q = ring[(i + 1) % ring.count]
            s += p.x * q.y - q.x * p.y
        }
        return s / 2
    }
}

/// One or more polygons: the geometry of a census area (TIGER areas may be multipart, e.g. islands).
public struct MultiPolygon: Hashable, Sendable, Codable {
    public var polygons: [Polygon]
    public init(polygons: [Polygon]) { self.polygons = polygons }

    public var boundingBox: BoundingBox { polygons.reduce(BoundingBox.empty) { $0.union($1.boundingBox) } }
    public var area: Double { polygons.reduce(0) { $0 + $1.area } }
    public var isEmpty: Bool { polygons.allSatisfy { $0.exterior.count < 3 } }
    public func contains(_ p: Point) -> Bool { polygons.contains { $0.contains(p) } }

    /// The centroid of the largest part: a point a label can sit on for most shapes.
    public var labelPoint: Point {
        polygons.max(by: { $0.area < $1.area })?.centroid ?? boundingBox.center
    }
}
