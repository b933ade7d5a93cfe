import GeoModel
import Graphics

/// Graduated symbols: a circle on each area whose area on the page is proportional to the area's
/// value (e.g. how many locations are unserved), the largest value at `maxRadius`. Circles are drawn
/// largest first so that small ones stay visible, over a plain ground (the areas are not classed).
/// Proportional, not range-graded, circles: their sizes read as quantities (Dent, Torguson & Hodler,
/// *Cartography: Thematic Map Design*, ch. 9).
public struct ProportionalSymbols: Hashable, Sendable {
    /// The value per area (negative or non-finite values draw no circle).
    public let values: [AreaID: Double]
    /// The largest finite value, nil when there is none above zero.
    public let maximum: Double?
    /// The legend's title for the circles, e.g. "Unserved + underserved locations".
    public var legendTitle: String
    public var color: Color
    /// The largest value's radius, points.
    public var maxRadius: Double
    /// How legend values print.
    public var valueFormat: ValueFormat

    public init(
        values: [AreaID: Double], legendTitle: String, color: Color = Color(hex: "#b30000")!, maxRadius: Double = 16,
        valueFormat: ValueFormat = .number(decimals: 0, unit: nil)
    ) {
        self.values = values
        maximum = values.values.filter { $0.isFinite && $0 > 0 }.max()
        self.legendTitle = legendTitle
        self.color = color
        self.maxRadius = maxRadius
        self.valueFormat = valueFormat
    }

    /// The circles' fill: the colour at 72 % opacity, so that the roads and names under them show.
    public var fill: Color { Color(red: color.red, green: color.green, blue: color.blue, alpha: 0.72) }

    /// The radius of `value`: maxRadius · √(value / maximum), 0 for none.
    public func radius(_ value: Double) -> Double {
        guard let maximum, value.isFinite, value > 0 else { return 0 }
        return maxRadius * (value / maximum).squareRoot()
    }

    /// The values the legend shows: the maximum, and about a quarter and a sixteenth of it rounded to
    /// one significant digit (so the circles step down by halves of the radius), without repeats.
    public var legendValues: [Double] {
        guard let maximum else { return [] }
        func rounded(_ v: Double) -> Double {
            var unit = 1.0
            while v / unit >= 10 { unit *= 10 }
            return (v / unit).rounded() * unit
        }
        var out = [maximum]
        for v in [rounded(maximum / 4), rounded(maximum / 16)] where v >= 1 && v < out.last! && !out.contains(v) {
            out.append(v)
        }
        return out
    }
}

extension ChoroplethMap {
    /// Draws the symbols of `symbols` at each area's label point, largest first.
    func drawSymbols(_ symbols: ProportionalSymbols, frame: MapFrame, into list: inout DisplayList) {
        let order = areas.indices.filter { (symbols.values[areas[$0].id] ?? 0) > 0 }.sorted {
            let a = symbols.values[areas[$0].id]!
            let b = symbols.values[areas[$1].id]!
            return a != b ? a > b : areas[$0].id < areas[$1].id
        }
        for i in order {
            guard let q = frame.projection(ofArea: i), !areas[i].geometry.polygons.isEmpty else { continue }
            let r = symbols.radius(symbols.values[areas[i].id]!)
            guard r > 0 else { continue }
            let circle = Path.circle(center: q.project(areas[i].geometry.labelPoint), radius: max(r, 0.8))
            list.fill(circle, symbols.fill)
            list.stroke(circle, StrokeStyle(color: .white, width: 0.6))
        }
    }
}
