import GeoModel
import Graphics

/// A named place drawn for orientation, in the map's projected CRS (metres): a town's point (a dot
/// and its name beside it) or the label point of a place polygon (the name alone, centred).
public struct MapPlace: Hashable, Sendable {
    public var name: String
    public var point: Point
    public var isArea: Bool
    /// The polygon's area, m² (0 for a point): larger places are labelled first.
    public var area: Double
    public init(name: String, point: Point, isArea: Bool = false, area: Double = 0) {
        self.name = name
        self.point = point
        self.isArea = isArea
        self.area = area
    }
}

/// Places the names of `MapPlace`s without overlaps: larger place polygons first, then points in
/// the order given; a point's name goes right of its dot, else left, above or below; a name that
/// would leave the frame or touch a label already placed (area labels included) is left out.
enum PlaceLabels {
    struct Placed: Hashable {
        let place: MapPlace
        /// The dot's centre (points only) and the name's box.
        let dot: PagePoint?
        let box: PageRect
    }

    /// Radius of a point place's dot, points.
    static let dotRadius = 1.8
    /// Gap between a dot and its name, points.
    static let dotGap = 2.0

    static func place(
        _ places: [MapPlace], projection: MapProjection, frame: PageRect, avoid: [PageRect], limit: Int,
        style: TextStyle, measurer: some TextMeasurer
    ) -> [Placed] {
        let ordered = places.enumerated().sorted { a, b in
            if a.element.isArea != b.element.isArea { return a.element.isArea }
            if a.element.area != b.element.area { return a.element.area > b.element.area }
            return a.offset < b.offset
        }.map(\.element)
        var taken = avoid
        var placed: [Placed] = []
        for place in ordered where !place.name.isEmpty {
            if placed.count == limit { break }
            let at = projection.project(place.point)
            guard frame.contains(at) else { continue }
            let size = measurer.measure(place.name, style: style, width: nil)
            let r = dotRadius + dotGap
            func box(_ x: Double, _ y: Double) -> PageRect {
                PageRect(x: x, y: y, width: size.width, height: size.height)
            }
            let (left, middle, top) = (at.x - size.width / 2, at.y - size.height / 2, at.y - r - size.height)
            // An area's name is centred; a point's goes right of its dot, else left, above or below.
            let boxes =
                place.isArea
                ? [box(left, middle)]
                : [box(at.x + r, middle), box(at.x - r - size.width, middle), box(left, top), box(left, at.y + r)]
            let dotBox = PageRect(x: at.x - dotRadius, y: at.y - dotRadius, width: 2 * dotRadius, height: 2 * dotRadius)
            guard place.isArea || !taken.contains(where: { $0.intersects(dotBox) }) else { continue }
            let fits = boxes.first { box in
                frame.contains(box) && !taken.contains { $0.inset(by: -LabelPlacer.padding).intersects(box) }
            }
            guard let box = fits else { continue }
            taken.append(box)
            if !place.isArea { taken.append(dotBox) }
            placed.append(Placed(place: place, dot: place.isArea ? nil : at, box: box))
        }
        return placed
    }

    /// Draws the placed names: a white knockout under each name (so it reads on any class colour),
    /// a dark dot with a white rim for points, then the name.
    static func draw(_ placed: [Placed], style: TextStyle, into list: inout DisplayList) {
        for p in placed {
            list.fill(.rectangle(p.box.inset(by: -0.8)), MapStyle.placeKnockout)
            if let dot = p.dot {
                let circle = Path.circle(center: dot, radius: dotRadius)
                list.fill(circle, style.color)
                list.stroke(circle, StrokeStyle(color: .white, width: 0.5))
            }
            list.text(p.place.name, at: PagePoint(x: p.box.minX, y: p.box.minY), style: style)
        }
    }
}

extension MapStyle {
    /// Under a place name: white at 70 % opacity, enough for the name to read on the darkest class.
    static let placeKnockout = Color(red: 1, green: 1, blue: 1, alpha: 0.7)
}
