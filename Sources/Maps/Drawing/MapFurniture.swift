import GeoModel
import Graphics

/// The strip under a choropleth: scale bars (km above miles, about a fifth of the map's width) on the
/// left and the north arrow on the right, measured before the map is fitted and drawn after.
///
/// A map with inset frames, or whose main frame spans more than `ChoroplethMap.largestSpanForOneScale`,
/// has no one scale and no one north: it gets neither, and a line under the map says why (its
/// projection, that scale and north vary, that insets have their own scales, and what is not shown).
struct ScaleStrip {
    let rowHeight: Double
    let letterSize: PageSize
    let arrowWidth: Double
    let arrowHeight: Double
    /// The line drawn instead of the bars and arrow, nil when they are drawn.
    let note: String?
    /// The note's height when set across the content width.
    let noteHeight: Double
    let noteWidth: Double
    /// The strip's height: two bar rows or the arrow, whichever is taller (the note's, for a note).
    var height: Double { note == nil ? max(2 * rowHeight + 3, arrowHeight) : noteHeight }

    /// What the strip draws and the bars, strip, arrow and note boxes (zero-sized at the strip's top
    /// left when not drawn).
    struct Drawn {
        let bars: [ScaleBar]
        let strip: PageRect
        let arrow: PageRect
        let note: PageRect?
    }

    init(for map: ChoroplethMap, contentWidth: Double, style st: MapStyle, measurer: some TextMeasurer) {
        rowHeight = max(measurer.measure("0 km", style: st.scaleLabel, width: nil).height, 6)
        letterSize = measurer.measure("N", style: st.legendTitle, width: nil)
        arrowWidth = max(10, letterSize.width)
        arrowHeight = letterSize.height + 15
        note = map.scaleNote()
        noteWidth = contentWidth
        noteHeight = note.map { measurer.measure($0, style: st.scaleLabel, width: contentWidth).height } ?? 0
    }

    /// Draws the bars for `projection` (none without one) and the arrow at `top`, starting under the
    /// map's left edge and kept inside the canvas, or the note there instead.
    func draw(
        projection: MapProjection?, mapRect: PageRect, top: Double, margin m: Double, canvasWidth: Double,
        style st: MapStyle, measurer: some TextMeasurer, into list: inout DisplayList
    ) -> Drawn {
        if let note {
            // Under the map's left edge when the note still fits its height there, else at the margin.
            var x = max(m, mapRect.minX)
            if measurer.measure(note, style: st.scaleLabel, width: canvasWidth - m - x).height > noteHeight + 0.01 {
                x = m
            }
            let width = canvasWidth - m - x
            let rect = PageRect(x: x, y: top, width: width, height: noteHeight)
            if projection != nil { list.text(note, at: PagePoint(x: x, y: top), width: width, style: st.scaleLabel) }
            let none = PageRect(x: x, y: top, width: 0, height: 0)
            return Drawn(bars: [], strip: none, arrow: none, note: rect)
        }
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
        return Drawn(bars: scaleBars, strip: stripRect, arrow: arrowRect, note: nil)
    }
}

extension ChoroplethMap {
    /// Main frames wider or taller than this (world metres) get no scale bar and no north arrow:
    /// 1,500 km. On an Albers conic such as EPSG:5070 (cone constant n = 0.603) the meridians fan out by
    /// n times the longitude they span: a map 1,500 km wide at 40° N spans 17.6° of longitude, so north
    /// at its edges leans 5.3° either way from the page's vertical, about as much as a reader can see;
    /// beyond that one arrow misleads (across the conterminous states, 4,600 km, about ±17°). A single state
    /// (Maine 330 × 510 km, Texas 1,230 × 1,200 km) stays under it and keeps its bars and arrow.
    public static let largestSpanForOneScale = 1_500_000.0

    /// Whether one scale bar and one north arrow tell the truth about this map: no inset frames (each has
    /// its own scale) and a main frame no larger than `largestSpanForOneScale` across.
    public var hasOneScale: Bool {
        let insetOf = insetIndexByArea()
        if insetOf.contains(where: { $0 != nil }) { return false }
        let world = areas.reduce(BoundingBox.empty) { $0.union($1.geometry.boundingBox) }
        return max(world.width, world.height) <= Self.largestSpanForOneScale
    }

    /// The line printed instead of scale bars and north arrow when the map has no one scale (nil when it
    /// has): its projection when known, why there are no bars, and the outlying parts insets leave out.
    func scaleNote() -> String? {
        guard !hasOneScale else { return nil }
        let insetOf = insetIndexByArea()
        let contents = insetContents(insetOf: insetOf)
        let framed = contents.compactMap { $0 }.count
        let main = areas.indices.reduce(BoundingBox.empty) {
            insetOf[$1] == nil ? $0.union(areas[$1].geometry.boundingBox) : $0
        }
        let wide = max(main.width, main.height) > Self.largestSpanForOneScale
        var why: String
        switch (wide, framed) {
        case (true, 0): why = "scale and north vary across this map, so it has no scale bar or north arrow."
        case (true, _):
            why =
                "scale and north vary across this map and its insets have their own projections and scales, "
                + "so it has no scale bar or north arrow."
        case (false, 1):
            why = "the inset has its own projection and scale, so the map has no scale bar or north arrow."
        default: why = "the insets have their own projections and scales, so the map has no scale bar or north arrow."
        }
        var text: String
        if let projectionName, !projectionName.isEmpty {
            text = projectionName + "; " + why
        } else {
            text = why.prefix(1).uppercased() + why.dropFirst()
        }
        // The parts insets leave out: "Not shown: 25 small outlying parts of Alaska (west of its frame)."
        let omitted = contents.enumerated().compactMap { k, content -> String? in
            guard let content, content.omittedParts > 0 else { return nil }
            return English.counted(content.omittedParts, "small outlying part") + " of \(insets[k].title)"
                + (content.omittedSide.map { " (\($0) of its frame)" } ?? "")
        }
        if !omitted.isEmpty { text += " Not shown: " + omitted.joined(separator: "; ") + "." }
        return text
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
