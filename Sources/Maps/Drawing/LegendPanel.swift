import GeoModel
import Graphics

/// The legend beside a choropleth: its title, then a row per entry (swatch, range, count). Measured
/// first (the map is fitted into what the panel leaves), drawn once the map's place is known.
struct LegendPanel {
    let entries: [LegendEntry]
    let title: String
    let style: MapStyle
    /// The panel's width: its widest row or title, at most `MapStyle.maxPanelFraction` of the content.
    let width: Double
    /// The width the range labels wrap at.
    let labelColumnWidth: Double
    private let countSizes: [PageSize]
    /// The circles' block under the rows, for a map of graduated symbols.
    let symbols: ProportionalSymbols?
    private let symbolLabels: [String]

    static let swatchGap = 6.0
    static let countGap = 8.0
    static let rowGap = 3.0
    /// Measured widths are exact; a text box set at exactly its measured width can still wrap after
    /// Pango rounds to its units, so each column gets a point of slack.
    static let slack = 1.0

    /// Measures the rows; the panel is at least `minWidth` wide (the north arrow sits under it).
    init(
        entries: [LegendEntry], title: String, style st: MapStyle, contentWidth: Double, minWidth: Double,
        symbols: ProportionalSymbols? = nil, measurer: some TextMeasurer
    ) {
        self.symbols = symbols
        let symbolLabels = symbols.map { s in s.legendValues.map(s.valueFormat.string) } ?? []
        self.symbolLabels = symbolLabels
        let symbolsW =
            symbols.map { s in
                max(
                    measurer.measure(s.legendTitle, style: st.legendTitle, width: nil).width,
                    2 * s.maxRadius + Self.swatchGap
                        + (symbolLabels.map { measurer.measure($0, style: st.legendLabel, width: nil).width }.max() ?? 0)
                        + Self.slack)
            } ?? 0
        let labelSizes = entries.map { measurer.measure($0.label, style: st.legendLabel, width: nil) }
        countSizes = entries.map { measurer.measure($0.countText, style: st.legendCount, width: nil) }
        let titleW = title.isEmpty ? 0 : measurer.measure(title, style: st.legendTitle, width: nil).width
        let countW = countSizes.map(\.width).max() ?? 0
        let rowsW =
            st.swatchWidth + Self.swatchGap + (labelSizes.map(\.width).max() ?? 0) + Self.slack + Self.countGap
            + countW + Self.slack
        width = min(max(titleW, entries.isEmpty ? 0 : rowsW, symbolsW, minWidth), st.maxPanelFraction * contentWidth)
        labelColumnWidth = max(1, width - st.swatchWidth - Self.swatchGap - Self.countGap - countW - Self.slack)
        self.entries = entries
        self.title = title
        self.style = st
    }

    /// Draws the panel at `x`, level with the map's top (`mapTop`) but inside `top…bottom`; returns
    /// its rectangle.
    func draw(
        x panelX: Double, mapTop: Double, top: Double, bottom: Double, measurer: some TextMeasurer,
        into list: inout DisplayList
    ) -> PageRect {
        let st = style
        let titleH = title.isEmpty ? 0 : measurer.measure(title, style: st.legendTitle, width: width).height
        let labelHeights = entries.map {
            measurer.measure($0.label, style: st.legendLabel, width: labelColumnWidth).height
        }
        let rowHeights = zip(labelHeights, countSizes).map { max(st.swatchHeight, $0, $1.height) }
        let symbolRows = symbolRowHeights(measurer: measurer)
        let rowsH = rowHeights.reduce(0, +) + Self.rowGap * Double(max(0, entries.count - 1))
        let legendH =
            titleH + (titleH > 0 ? 4 : 0) + rowsH
            + (symbolRows.height > 0 ? (rowsH > 0 ? 8 : 0) + symbolRows.height : 0)
        let legendY = max(top, min(mapTop, bottom - legendH))
        if !title.isEmpty {
            list.text(title, at: PagePoint(x: panelX, y: legendY), width: width, style: st.legendTitle)
        }
        var rowY = legendY + titleH + (titleH > 0 ? 4 : 0)
        let swatchOutline = StrokeStyle(color: st.noDataHatch.color, width: 0.5)
        for (i, entry) in entries.enumerated() {
            let rowH = rowHeights[i]
            let swatch = PageRect(
                x: panelX, y: rowY + (rowH - st.swatchHeight) / 2,
                width: st.swatchWidth, height: st.swatchHeight)
            drawSwatch(entry, in: swatch, into: &list)
            list.stroke(.rectangle(swatch), swatchOutline)
            list.text(
                entry.label,
                at: PagePoint(x: swatch.maxX + Self.swatchGap, y: rowY + (rowH - labelHeights[i]) / 2),
                width: labelColumnWidth, style: st.legendLabel)
            // Counts are right-aligned at the panel's edge and never wrap.
            list.text(
                entry.countText,
                at: PagePoint(
                    x: panelX + width - countSizes[i].width,
                    y: rowY + (rowH - countSizes[i].height) / 2),
                width: nil, style: st.legendCount)
            rowY += rowH + Self.rowGap
        }
        if let symbols, symbolRows.height > 0 {
            var y = legendY + titleH + (titleH > 0 ? 4 : 0) + rowsH + (rowsH > 0 ? 8 : 0)
            list.text(symbols.legendTitle, at: PagePoint(x: panelX, y: y), width: width, style: st.legendTitle)
            y += symbolRows.titleHeight + 4
            for (i, value) in symbols.legendValues.enumerated() {
                let rowH = symbolRows.rows[i]
                let r = max(symbols.radius(value), 0.8)
                let circle = Path.circle(
                    center: PagePoint(x: panelX + symbols.maxRadius, y: y + rowH / 2), radius: r)
                list.fill(circle, symbols.fill)
                list.stroke(circle, StrokeStyle(color: st.noDataHatch.color, width: 0.5))
                let labelH = measurer.measure(symbolLabels[i], style: st.legendLabel, width: nil).height
                list.text(
                    symbolLabels[i],
                    at: PagePoint(x: panelX + 2 * symbols.maxRadius + Self.swatchGap, y: y + (rowH - labelH) / 2),
                    style: st.legendLabel)
                y += rowH + Self.rowGap
            }
        }
        return PageRect(x: panelX, y: legendY, width: width, height: legendH)
    }

    /// The circles block's title height, each row's height (its circle or label, whichever is taller)
    /// and the whole block's height; zero without symbols.
    private func symbolRowHeights(measurer: some TextMeasurer) -> (titleHeight: Double, rows: [Double], height: Double)
    {
        guard let symbols, !symbols.legendValues.isEmpty else { return (0, [], 0) }
        let titleH = measurer.measure(symbols.legendTitle, style: style.legendTitle, width: width).height
        let rows = zip(symbols.legendValues, symbolLabels).map { value, label in
            max(2 * symbols.radius(value), measurer.measure(label, style: style.legendLabel, width: nil).height)
        }
        return (titleH, rows, titleH + 4 + rows.reduce(0, +) + Self.rowGap * Double(rows.count - 1))
    }

    /// A swatch as the map draws its entry: flat, hatched for no data, flag-hatched over white.
    private func drawSwatch(_ entry: LegendEntry, in swatch: PageRect, into list: inout DisplayList) {
        if entry.isFlag {
            list.fill(.rectangle(swatch), entry.color)
            MapSymbols.flagHatch(.rectangle(swatch), rule: .nonZero, style: style, into: &list)
        } else if entry.isNoData {
            MapSymbols.hatchedFill(
                .rectangle(swatch), rule: .nonZero, fill: entry.color, hatch: style.noDataHatch,
                spacing: style.hatchSpacing, into: &list)
        } else {
            list.fill(.rectangle(swatch), entry.color)
        }
    }
}
