import Graphics

/// A row of colour swatches with labels that flows onto more rows when it does not fit.
public struct Legend: Hashable, Sendable {
    public struct Item: Hashable, Sendable {
        public var label: String
        public var color: Color
        public init(label: String, color: Color) {
            self.label = label
            self.color = color
        }
    }

    public var items: [Item]
    public var style: TextStyle

    public init(items: [Item], style: TextStyle = .chartLabel) {
        self.items = items
        self.style = style
    }

    /// Where each item goes inside a box of `width` points starting at the origin.
    public struct Placement: Hashable, Sendable {
        public var swatches: [PageRect]
        public var labels: [PagePoint]
        public var labelWidths: [Double?]
        public var size: PageSize
    }

    /// Lays the items out left to right, wrapping to new rows; a label wider than the whole row wraps.
    public func layout(width: Double, measurer: some TextMeasurer) -> Placement {
        let swatch = style.size
        let gap = style.size * 0.4
        let spacing = style.size * 1.5
        var x = 0.0
        var y = 0.0
        var rowHeight = 0.0
        var swatches: [PageRect] = []
        var labels: [PagePoint] = []
        var widths: [Double?] = []
        var usedWidth = 0.0
        for item in items {
            let maxLabel = max(1, width - swatch - gap)
            let size = measurer.measure(item.label, style: style, width: maxLabel)
            let itemWidth = swatch + gap + size.width
            if x > 0 && x + itemWidth > width {
                x = 0
                y += rowHeight + gap
                rowHeight = 0
            }
            let h = max(swatch, size.height)
            swatches.append(PageRect(x: x, y: y + (min(h, size.height) - swatch) / 2, width: swatch, height: swatch))
            labels.append(PagePoint(x: x + swatch + gap, y: y))
            // nil: set on one line when it fits (a box exactly as wide as the text could wrap on rounding).
            widths.append(size.width < maxLabel ? nil : maxLabel)
            usedWidth = max(usedWidth, x + itemWidth)
            x += itemWidth + spacing
            rowHeight = max(rowHeight, h)
        }
        return Placement(
            swatches: swatches, labels: labels, labelWidths: widths,
            size: PageSize(width: usedWidth, height: items.isEmpty ? 0 : y + rowHeight))
    }

    /// Draws the legend with its top-left corner at `origin`; returns its size.
    @discardableResult
    public func draw(into list: inout DisplayList, at origin: PagePoint, width: Double, measurer: some TextMeasurer)
        -> PageSize
    {
        let placement = layout(width: width, measurer: measurer)
        for (i, item) in items.enumerated() {
            let r = placement.swatches[i]
            list.fill(
                .rectangle(PageRect(x: origin.x + r.x, y: origin.y + r.y, width: r.width, height: r.height)), item.color
            )
            let p = placement.labels[i]
            list.text(
                item.label, at: PagePoint(x: origin.x + p.x, y: origin.y + p.y),
                width: placement.labelWidths[i], style: style)
        }
        return placement.size
    }
}
