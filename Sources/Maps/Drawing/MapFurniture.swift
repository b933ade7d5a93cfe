import GeoModel
import Graphics

/// The strip under a choropleth: scale bars (km above miles, about a fifth of the map's width) on the
/// left and the north arrow on the right, measured before the map is fitted and drawn after.
struct ScaleStrip {
    let rowHeight: Double
    let letterSize: PageSize
    let arrowWidth: Double
    let arrowHeight: Double
    /// The strip's height: two bar rows or the arrow, whichever is taller.
    var height: Double { max(2 * rowHeight + 3, arrowHeight) }

    init(style st: MapStyle, measurer: some TextMeasurer) {
        rowHeight = max(measurer.measure("0 km", style: st.scaleLabel, width: nil).height, 6)
        letterSize = measurer.measure("N", style: st.legendTitle, width: nil)
        arrowWidth = max(10, letterSize.width)
        arrowHeight = letterSize.height + 15
    }

    /// Draws the bars for `projection` (none without one) and the arrow at `top`, starting under the
    /// map's left edge and kept inside the canvas; returns the bars, the strip and the arrow's box.
    func draw(
        projection: MapProjection?, mapRect: PageRect, top: Double, margin m: Double, canvasWidth: Double,
        style st: MapStyle, measurer: some TextMeasurer, into list: inout DisplayList
    ) -> (bars: [ScaleBar], strip: PageRect, arrow: PageRect) {
        var scaleBars: [ScaleBar] = []
        if let projection, mapRect.width > 0 {
            let maxBarW = st.scaleBarFraction * mapRect.width
            scaleBars = [
                ScaleBar(unit: .kilometres, metresPerPoint: projection.metresPerPoint, maxWidth: maxBarW),
                ScaleBar(unit: .miles, metresPerPoint: projection.metresPerPoint, maxWidth: maxBarW),
            ]
            .filter { $0.width > 0 }
        }
        let labelWidths = scaleBars.map { measurer.measure($0.label, style: st.scaleLabel, width: nil).width }
        let barsW = zip(scaleBars, labelWidths).map { $0.width + 4 + $1 }.max() ?? 0
        let stripW = barsW + (barsW > 0 ? 16 : 0) + arrowWidth
        let stripX = max(m, min(mapRect.minX, canvasWidth - m - stripW))
        let stripRect = PageRect(x: stripX, y: top, width: stripW, height: height)
        for (i, bar) in scaleBars.enumerated() {
            let rowTop = top + Double(i) * (rowHeight + 3)
            let baseY = rowTop + rowHeight * 0.75
            let tickY = rowTop + rowHeight * 0.25
            var path = Path()
            path.move(to: PagePoint(x: stripX, y: tickY))
            path.line(to: PagePoint(x: stripX, y: baseY))
            path.line(to: PagePoint(x: stripX + bar.width, y: baseY))
            path.line(to: PagePoint(x: stripX + bar.width, y: tickY))
            list.stroke(path, st.furniture)
            list.text(bar.label, at: PagePoint(x: stripX + bar.width + 4, y: rowTop), style: st.scaleLabel)
        }
        let arrowRect = PageRect(
            x: stripRect.maxX - arrowWidth, y: top + (height - arrowHeight) / 2, width: arrowWidth,
            height: arrowHeight)
        if projection != nil {
            MapSymbols.northArrow(
                in: arrowRect, letterHeight: letterSize.height, letterStyle: st.legendTitle,
                color: st.furniture.color, into: &list)
        }
        return (scaleBars, stripRect, arrowRect)
    }
}

extension LocatorMap {
    /// Draws the locator (the outline, the study's extent boxed, the caption) under the legend, from
    /// `top` down to at most `bottom`, `width` wide at `x`; nil when there is not room for it.
    func draw(
        studyExtent: BoundingBox, x: Double, top: Double, bottom: Double, width: Double, style st: MapStyle,
        measurer: some TextMeasurer, into list: inout DisplayList
    ) -> PageRect? {
        guard !studyExtent.isEmpty else { return nil }
        let captionHeight = caption.isEmpty ? 0 : measurer.measure(caption, style: st.insetCaption, width: width).height
        let boxH = min(bottom - top - captionHeight - 2, width * 0.8)
        guard boxH >= 30 else { return nil }
        let lp = MapProjection(
            fitting: outline.boundingBox.union(studyExtent), into: PageRect(x: x, y: top, width: width, height: boxH))
        var path = Path()
        lp.appendRings(of: outline, to: &path)
        list.fill(path, st.locatorFill, rule: .evenOdd)
        list.stroke(path, st.locatorOutline)
        let a = lp.project(Point(x: studyExtent.minX, y: studyExtent.maxY))
        let b = lp.project(Point(x: studyExtent.maxX, y: studyExtent.minY))
        // At least 3 points across, so a small study area still shows.
        let w = max(3, b.x - a.x)
        let h = max(3, b.y - a.y)
        list.stroke(
            .rectangle(PageRect(x: (a.x + b.x - w) / 2, y: (a.y + b.y - h) / 2, width: w, height: h)),
            st.locatorExtent)
        if !caption.isEmpty {
            var captionStyle = st.insetCaption
            captionStyle.alignment = .center
            list.text(caption, at: PagePoint(x: x, y: lp.rect.maxY + 2), width: width, style: captionStyle)
        }
        return PageRect(
            x: x, y: top, width: width, height: lp.rect.maxY - top + (captionHeight > 0 ? 2 + captionHeight : 0))
    }
}
