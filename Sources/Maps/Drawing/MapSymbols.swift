import Graphics

/// Small cartographic symbols shared by choropleth drawing: hatching and the north arrow.
enum MapSymbols {
    /// 45° hatch lines covering `rect`, `spacing` points apart along x, each cut to the rectangle so
    /// that no vertex leaves it. "/" on the page: the lines x + y = c for c stepping from the
    /// rectangle's top-left corner to its bottom-right corner; `backslash`: the lines x − y = c, the
    /// same figure mirrored left to right.
    static func hatch(in rect: PageRect, spacing: Double, backslash: Bool = false) -> Path {
        var path = Path()
        guard rect.width > 0, rect.height > 0, spacing > 0 else { return path }
        // Mirror x about the rectangle's centre for "\".
        func x(_ v: Double) -> Double { backslash ? rect.minX + rect.maxX - v : v }
        var c = rect.minX + rect.minY + spacing / 2
        let cMax = rect.maxX + rect.maxY
        while c < cMax {
            let x0 = max(rect.minX, c - rect.maxY)
            let x1 = min(rect.maxX, c - rect.minY)
            if x1 > x0 {
                path.move(to: PagePoint(x: x(x0), y: c - x0))
                path.line(to: PagePoint(x: x(x1), y: c - x1))
            }
            c += spacing
        }
        return path
    }

    /// Strokes the flag hatch ("\") over `area`, inside a clip to it; the fill under it stays.
    static func flagHatch(_ area: Path, rule: FillRule, style: MapStyle, into list: inout DisplayList) {
        guard let box = area.bounds else { return }
        list.append(.save)
        list.append(.clip(area, rule))
        list.stroke(MapSymbols.hatch(in: box, spacing: style.flagHatchSpacing, backslash: true), style.flagHatch)
        list.append(.restore)
    }

    /// Fills `area` with `fill` and hatches it: fill, then the hatch stroked inside a clip to the area.
    static func hatchedFill(
        _ area: Path, rule: FillRule, fill: Color, hatch: StrokeStyle, spacing: Double,
        into list: inout DisplayList
    ) {
        guard let box = area.bounds else { return }
        list.fill(area, fill, rule: rule)
        list.append(.save)
        list.append(.clip(area, rule))
        list.stroke(MapSymbols.hatch(in: box, spacing: spacing), hatch)
        list.append(.restore)
    }

    /// A north arrow in `rect`: "N" centred on top, an arrowhead with a notched base below it.
    /// On a conic equal-area map (EPSG:5070) grid north and true north agree at the central meridian
    /// and differ by a few degrees across a state, so an upright arrow is right near the map's centre.
    static func northArrow(
        in rect: PageRect, letterHeight: Double, letterStyle: TextStyle, color: Color,
        into list: inout DisplayList
    ) {
        var style = letterStyle
        style.alignment = .center
        list.text("N", at: PagePoint(x: rect.minX, y: rect.minY), width: rect.width, style: style)
        let cx = rect.center.x
        let top = rect.minY + letterHeight + 1
        let bottom = rect.maxY
        let half = min(rect.width / 2, 5)
        var head = Path()
        head.addRing([
            PagePoint(x: cx, y: top), PagePoint(x: cx + half, y: bottom),
            PagePoint(x: cx, y: bottom - (bottom - top) * 0.3), PagePoint(x: cx - half, y: bottom),
        ])
        list.fill(head, color)
    }
}
