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

    static let swatchGap = 6.0
    static let countGap = 8.0
    static let rowGap = 3.0
    /// Measured widths are exact; a text box set at exactly its measured width can still wrap after
    /// Pango rounds to its units, so each column gets a point of slack.
    static let slack = 1.0

    /// Measures the rows; the panel is at least `minWidth` wide (the north arrow sits under it).
    init(
        entries: [LegendEntry], title: String, style st: MapStyle, contentWidth: Double, minWidth: Double,
        measurer: some TextMeasurer
    ) {
        let labelSizes = entries.map { measurer.measure($0.label, style: st.legendLabel, width: nil) }
        countSizes = entries.map { measurer.measure($0.countText, style: st.legendCount, width: nil) }
        let titleW = title.isEmpty ? 0 : measurer.measure(title, style: st.legendTitle, width: nil).width
        let countW = countSizes.map(\.width).max() ?? 0
        let rowsW =
            st.swatchWidth + Self.swatchGap + (labelSizes.map(\.width).max() ?? 0) + Self.slack + Self.countGap
            + countW + Self.slack
        width = min(max(titleW, rowsW, minWidth), st.maxPanelFraction * contentWidth)
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
        let legendH =
            titleH + (titleH > 0 ? 4 : 0) + rowHeights.reduce(0, +) + Self.rowGap * Double(max(0, entries.count - 1))
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
        return PageRect(x: panelX, y: legendY, width: width, height: legendH)
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
