import GeoModel
import Graphics

/// A name set on a map area, where it was placed.
public struct MapLabel: Hashable, Sendable {
    public let areaID: AreaID
    public let text: String
    /// The text's box on the canvas (measured size, centred on the area's label point).
    public let box: PageRect
}

/// Greedy label placement: the largest areas (by drawn size) are labelled first, and a label that
/// would collide with one already placed, leave its frame, or not fit inside its area's drawn box is
/// skipped (the usual first-fit rule of map labelling, e.g. Imhof's priority by importance).
struct LabelPlacer {
    /// One area that could be labelled.
    struct Candidate {
        let areaID: AreaID
        let text: String
        /// Drawn size of the area, square points (sort key).
        let pageArea: Double
        /// Where the label is centred (the projected centroid of the area's largest part).
        let anchor: PagePoint
        /// The area's drawn bounding box: the label must fit inside it.
        let areaBox: PageRect
        /// The frame the label must stay inside (the main map or the area's inset).
        let frame: PageRect
        /// Boxes the label must not cover (inset frames, for a main-map label).
        let avoid: [PageRect]
        /// Whether a page point lies inside the area's shape: the label box must, at its corners and
        /// edge midpoints, so a label never spills into a neighbour.
        var isInside: (PagePoint) -> Bool = { _ in true }
    }

    /// Space kept round each label, points, so that neighbouring labels never touch.
    static let padding = 1.5

    /// Places up to `limit` labels, largest area first.
    static func place(
        _ candidates: [Candidate], limit: Int, style: TextStyle,
        measurer: some TextMeasurer
    ) -> [MapLabel] {
        guard limit > 0 else { return [] }
        let ordered = candidates.sorted {
            $0.pageArea != $1.pageArea ? $0.pageArea > $1.pageArea : $0.areaID < $1.areaID
        }
        var placed: [MapLabel] = []
        for c in ordered where !c.text.isEmpty {
            if placed.count == limit { break }
            let size = measurer.measure(c.text, style: style, width: nil)
            let box = PageRect(
                x: c.anchor.x - size.width / 2, y: c.anchor.y - size.height / 2,
                width: size.width, height: size.height)
            guard size.width <= c.areaBox.width, size.height <= c.areaBox.height,
                box.minX >= c.frame.minX, box.maxX <= c.frame.maxX,
                box.minY >= c.frame.minY, box.maxY <= c.frame.maxY
            else { continue }
            let padded = box.inset(by: -padding)
            if placed.contains(where: { $0.box.inset(by: -padding).intersects(padded) }) { continue }
            if c.avoid.contains(where: { $0.intersects(box) }) { continue }
            let probes = [box.minX, box.center.x, box.maxX].flatMap { x in
                [box.minY, box.center.y, box.maxY].map { PagePoint(x: x, y: $0) }
            }
            guard probes.allSatisfy(c.isInside) else { continue }
            placed.append(MapLabel(areaID: c.areaID, text: c.text, box: box))
        }
        return placed
    }
}
