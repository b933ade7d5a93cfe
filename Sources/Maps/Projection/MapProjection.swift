import GeoModel
import Graphics

/// The mapping from projected world coordinates (metres, y north) to page points (y down):
/// a uniform scale — an equal-area map must not be stretched — a y flip and a translation.
///
/// `page.x = originX + (world.x - worldMinX) · scale`, `page.y = originY + (worldMaxY - world.y) · scale`.
public struct MapProjection: Hashable, Sendable {
    /// Page points per metre.
    public let scale: Double
    /// The world box the map shows.
    public let world: BoundingBox
    /// Where the world box lands on the page (the fitted map rectangle).
    public let rect: PageRect

    /// The projection that fits `world` into `frame` as large as possible, keeping its aspect, and
    /// centres it there. A box without width or height is fitted by its other side; a single point
    /// is shown at one point per metre in the frame's centre.
    public init(fitting world: BoundingBox, into frame: PageRect) {
        let w = world.width
        let h = world.height
        let s: Double
        switch (w > 0, h > 0) {
        case (true, true): s = min(frame.width / w, frame.height / h)
        case (true, false): s = frame.width / w
        case (false, true): s = frame.height / h
        case (false, false): s = 1
        }
        self.init(world: world, scale: s, centredIn: frame)
    }

    /// A projection at a given scale (points per metre) with `world` centred in `frame`.
    public init(world: BoundingBox, scale: Double, centredIn frame: PageRect) {
        self.scale = scale
        self.world = world
        let mw = world.width * scale
        let mh = world.height * scale
        rect = PageRect(
            x: frame.x + (frame.width - mw) / 2, y: frame.y + (frame.height - mh) / 2,
            width: mw, height: mh)
    }

    /// Metres of ground per page point: the figure the scale bar is computed from.
    public var metresPerPoint: Double { 1 / scale }

    /// A world point on the page, at a hundredth of a point (3.5 µm on paper, a thirtieth of a pixel
    /// at 200 dpi): finer adds nothing a reader can see, and each coordinate then takes five or six
    /// digits in a PDF, an SVG or report-content.json instead of seventeen.
    public func project(_ p: Point) -> PagePoint {
        PagePoint(
            x: Self.quantised(rect.x + (p.x - world.minX) * scale),
            y: Self.quantised(rect.y + (world.maxY - p.y) * scale))
    }

    /// Page coordinates on a map are multiples of 1 / `stepsPerPoint` points.
    public static let stepsPerPoint = 100.0

    /// `v` to the nearest step: n / 100 is the double nearest that decimal, so it prints as such.
    @inline(__always)
    static func quantised(_ v: Double) -> Double { (v * stepsPerPoint).rounded() / stepsPerPoint }

    /// The world point under a page point (the inverse of `project`).
    public func unproject(_ q: PagePoint) -> Point {
        Point(x: world.minX + (q.x - rect.x) / scale, y: world.maxY - (q.y - rect.y) / scale)
    }

    /// Where a label for `shape` goes on the page: the projected centroid of its largest part
    /// (`MultiPolygon.labelPoint`), nil for a shape without polygons.
    public func labelPoint(of shape: MultiPolygon) -> PagePoint? {
        guard !shape.polygons.isEmpty else { return nil }
        return project(shape.labelPoint)
    }

    /// Appends every ring of `shape` to `path` as a closed sub-path. Consecutive vertices closer than
    /// `tolerance` points to the last kept one are dropped (they cannot be seen and bloat PDFs);
    /// every ring keeps its first and last vertex, so no ring is lost.
    public func appendRings(of shape: MultiPolygon, to path: inout Path, tolerance: Double = 0.1) {
        for polygon in shape.polygons {
            for ring in polygon.rings where !ring.isEmpty {
                path.addRing(thinned(ring, tolerance: tolerance))
            }
        }
    }

    /// The projected vertices of a ring with sub-tolerance steps removed.
    func thinned(_ ring: [Point], tolerance: Double) -> [PagePoint] {
        var out: [PagePoint] = []
        out.reserveCapacity(ring.count)
        let t2 = tolerance * tolerance
        for (i, p) in ring.enumerated() {
            let q = project(p)
            if let last = out.last, i != ring.count - 1 {
                let dx = q.x - last.x
                let dy = q.y - last.y
                if dx * dx + dy * dy < t2 { continue }
            }
            out.append(q)
        }
        return out
    }
}
