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
        /// Tried when `text` does not fit (nil: the area goes unlabelled then).
        var shortText: String? = nil
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
            for text in [c.text] + (wrapped(c.text).map { [$0] } ?? []) + (c.shortText.map { [$0] } ?? [])
            where !text.isEmpty {
                if let box = fit(text, c, avoiding: placed, style: style, measurer: measurer) {
                    placed.append(MapLabel(areaID: c.areaID, text: text, box: box))
                    break
                }
            }
        }
        return placed
    }

    /// `text` on two lines, broken at the space nearest its middle ("Piscataquis\nCounty"); nil for one word.
    static func wrapped(_ text: String) -> String? {
        let chars = Array(text)
        let middle = Double(chars.count) / 2
        guard
            let i = chars.indices.filter({ chars[$0] == " " }).min(by: {
                abs(Double($0) - middle) < abs(Double($1) - middle)
            })
        else { return nil }
        return String(chars[..<i]) + "\n" + String(chars[(i + 1)...])
    }

    /// Where `text` goes for `c`: centred on its anchor, inside its area and frame, clear of the labels
    /// already placed and of the boxes to avoid; nil when it does not fit.
    static func fit(
        _ text: String, _ c: Candidate, avoiding placed: [MapLabel], style: TextStyle, measurer: some TextMeasurer
    ) -> PageRect? {
        let size = measurer.measure(text, style: style, width: nil)
        let box = PageRect(
            x: c.anchor.x - size.width / 2, y: c.anchor.y - size.height / 2,
            width: size.width, height: size.height)
        guard size.width <= c.areaBox.width, size.height <= c.areaBox.height,
            box.minX >= c.frame.minX, box.maxX <= c.frame.maxX,
            box.minY >= c.frame.minY, box.maxY <= c.frame.maxY
        else { return nil }
        let padded = box.inset(by: -padding)
        if placed.contains(where: { $0.box.inset(by: -padding).intersects(padded) }) { return nil }
        if c.avoid.contains(where: { $0.intersects(box) }) { return nil }
        let probes = [box.minX, box.center.x, box.maxX].flatMap { x in
            [box.minY, box.center.y, box.maxY].map { PagePoint(x: x, y: $0) }
        }
        return probes.allSatisfy(c.isInside) ? box : nil
    }
}
