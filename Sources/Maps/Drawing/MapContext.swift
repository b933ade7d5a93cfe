import GeoModel
import Graphics

/// A road drawn on a map for orientation, in the map's projected CRS (metres).
public struct MapRoad: Hashable, Sendable {
    /// Primary and secondary roads are drawn heavier than local ones.
    public var isMajor: Bool
    public var parts: [[Point]]
    public init(isMajor: Bool, parts: [[Point]]) { self.isMajor = isMajor; self.parts = parts }
}

/// The study's outer edge: the edges of the areas that no neighbour shares (a coverage's shared edges
/// match vertex for vertex, so an edge used once lies on the outline).
enum StudyOutline {
    /// The outline of `shapes` as separate segments projected with `projection`.
    static func path(of shapes: [MultiPolygon], projection: MapProjection) -> Path {
        struct Edge: Hashable {
            let a: Point, b: Point
            init(_ p: Point, _ q: Point) {
                (a, b) = (p.x, p.y) < (q.x, q.y) ? (p, q) : (q, p)
            }
        }
        var count: [Edge: Int] = [:]
        var order: [Edge] = []
        for shape in shapes {
            for polygon in shape.polygons {
                for ring in polygon.rings where ring.count >= 2 {
                    for i in 0..<(ring.count - 1) where ring[i] != ring[i + 1] {
                        let e = Edge(ring[i], ring[i + 1])
                        if count[e] == nil { order.append(e) }
                        count[e, default: 0] += 1
                    }
                    if ring.first != ring.last, let first = ring.first, let last = ring.last {
                        let e = Edge(last, first)
                        if count[e] == nil { order.append(e) }
                        count[e, default: 0] += 1
                    }
                }
            }
        }
        var path = Path()
        for e in order where count[e] == 1 {
            path.move(to: projection.project(e.a))
            path.line(to: projection.project(e.b))
        }
        return path
    }
}

extension ChoroplethMap {
    /// Fills the area water over the classes, inside the map's frame only (water beyond the study, such
    /// as the sea off its coast, shows where it lies within the frame).
    func drawWater(projection p: MapProjection, clip: PageRect, into list: inout DisplayList) {
        var path = Path()
        for shape in water { p.appendRings(of: shape, to: &path, tolerance: style.vertexTolerance) }
        guard !path.isEmpty else { return }
        list.append(.save)
        list.append(.clip(.rectangle(clip), .nonZero))
        list.fill(path, style.waterFill, rule: .evenOdd)
        list.append(.restore)
    }
}

extension MapStyle {
    /// Place names: 7.5 pt, Greys-9 #252525, over a white knockout.
    static let placeLabel = TextStyle(size: 7.5, color: Color(hex: "#252525")!)
    /// Local roads: a hairline of Greys-9 #737373 at 70 % opacity over the fills, seen without hiding
    /// the class colour (the usual context layer of a thematic map).
    static let localRoad = StrokeStyle(color: Color(red: 0.451, green: 0.451, blue: 0.451, alpha: 0.7), width: 0.3)
    /// Primary and secondary roads: Greys-9 #525252, heavier.
    static let majorRoad = StrokeStyle(color: Color(red: 0.322, green: 0.322, blue: 0.322, alpha: 0.85), width: 0.8)
    /// The study's outline: Greys-9 #525252, heavier than the white area boundaries.
    static let outline = StrokeStyle(color: Color(hex: "#525252")!, width: 0.9, join: .round)
}
