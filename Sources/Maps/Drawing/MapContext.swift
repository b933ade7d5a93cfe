import GeoModel
import Graphics

/// A road drawn on a map for orientation, in the map's projected CRS (metres).
public struct MapRoad: Hashable, Sendable {
    /// Primary and secondary roads are drawn heavier than local ones.
    public var isMajor: Bool
    public var parts: [[Point]]
    public init(isMajor: Bool, parts: [[Point]]) { self.isMajor = isMajor; self.parts = parts }
}

/// The dark lines of a map: the edges that only one area uses (its outer edge; a coverage's shared edges
/// match vertex for vertex, so an edge used once lies on the outline) and, with groups, the edges whose
/// two sides lie in different groups (state lines between counties).
enum AreaOutline {
    /// The outline of `shapes` (with each shape's group; nil is a group of its own kind like any other)
    /// as polylines projected with `projection`, vertices closer than `tolerance` points dropped.
    static func path(
        of shapes: [(shape: MultiPolygon, group: String?)], projection: MapProjection, tolerance: Double = 0
    ) -> Path {
        // Per edge: how many rings use it, and whether its users disagree on the group.
        var sides: [SharedBoundaries.Edge: (count: Int, group: String?, mixed: Bool)] = [:]
        for (shape, group) in shapes {
            SharedBoundaries.forEachEdge(of: shape) { p, q in
                let e = SharedBoundaries.Edge(p, q)
                if let s = sides[e] {
                    sides[e] = (s.count + 1, s.group, s.mixed || s.group != group)
                } else {
                    sides[e] = (1, group, false)
                }
            }
        }
        var lines = SharedBoundaries()
        for (shape, _) in shapes {
            lines.add(shape, projection: projection, tolerance: tolerance) { e in
                guard let s = sides[e] else { return false }
                return s.count == 1 || s.mixed
            }
        }
        return lines.path
    }
}

extension ChoroplethMap {
    /// The dark lines drawn over the white area boundaries: the lines between groups and the outer edge
    /// in every frame when `drawsGroupBoundaries`, else the study's outline when `drawsOutline` and the
    /// map is one frame. Each frame's edges are matched within the frame (frames have their own projections).
    func outlineStrokes(in frame: MapFrame) -> [(path: Path, style: StrokeStyle)] {
        let tolerance = style.vertexTolerance
        if drawsGroupBoundaries {
            var byFrame: [Int?: [(shape: MultiPolygon, group: String?)]] = [:]
            var order: [Int?] = []
            for (i, area) in frame.areas.enumerated() where !area.geometry.polygons.isEmpty {
                let k = frame.insetOf[i]
                if byFrame[k] == nil { order.append(k) }
                byFrame[k, default: []].append((area.geometry, area.group))
            }
            return order.compactMap { k in
                let projection: MapProjection? = if let k { frame.insetProjections[k] } else { frame.projection }
                guard let p = projection else { return nil }
                let path = AreaOutline.path(of: byFrame[k]!, projection: p, tolerance: tolerance)
                return path.isEmpty ? nil : (path, style.groupBoundary)
            }
        }
        guard drawsOutline, let p = frame.projection, frame.isSingleFrame else { return [] }
        let path = AreaOutline.path(of: frame.areas.map { ($0.geometry, nil) }, projection: p)
        return path.isEmpty ? [] : [(path, MapStyle.outline)]
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
