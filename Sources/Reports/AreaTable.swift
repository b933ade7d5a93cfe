import Charts
import Graphics

/// The ranked table of areas: columns sized by measuring their contents, long names wrapped,
/// numbers right-aligned with thousands separators, paginated with the header row repeated and
/// rows never split between pages.
struct AreaTable {
    struct Column {
        var header: String
        var alignment: TextAlignment
        var cells: [String]
        /// The one column that takes the width left over (area names) and wraps.
        var flexible: Bool
        var width: Double = 0
    }

    let theme: ReportTheme
    let measurer: any TextMeasurer
    var columns: [Column]
    var rowCount: Int
    var style: TextStyle
    var headerStyle: TextStyle
    let padX = 3.0, padY = 2.5
    static let householdsHeader = "Households"
    /// Narrowest acceptable name column before the font is made smaller.
    let minimumNameWidth = 90.0

    /// - Parameter noInternetOf: who the "No internet" share counts ("households", "people in
    ///   households"), said in the column header when it is not households.
    init(
        rows: [ReportContent.AreaRow], areaNoun: String, noInternetOf: String? = nil, theme: ReportTheme,
        measurer: any TextMeasurer
    ) {
        self.theme = theme
        self.measurer = measurer
        rowCount = rows.count
        func count(_ v: Int) -> String { NumberFormatting.grouped(v) }
        var cols: [Column] = [
            // A summary row (no id: "The other 3,898") has no rank.
            Column(
                header: "Rank", alignment: .right, cells: rows.enumerated().map { $1.id.isEmpty ? "" : count($0 + 1) },
                flexible: false),
            Column(header: "\(areaNoun.capitalizedFirst) ID", alignment: .left, cells: rows.map(\.id), flexible: false),
            Column(header: "Name", alignment: .left, cells: rows.map(\.name), flexible: true),
            Column(header: "Locations", alignment: .right, cells: rows.map { count($0.locations) }, flexible: false),
            Column(header: "Unserved", alignment: .right, cells: rows.map { count($0.unserved) }, flexible: false),
            Column(
                header: "Underserved", alignment: .right, cells: rows.map { count($0.underserved) }, flexible: false),
            Column(header: "Served", alignment: .right, cells: rows.map { count($0.served) }, flexible: false),
            Column(
                header: "Unserved + underserved", alignment: .right,
                cells: rows.map { NumberFormatting.percent($0.needShare) }, flexible: false),
        ]
        let missing = "–"
        if rows.contains(where: { $0.providersAt100x20 != nil }) {
            cols.append(
                Column(
                    header: "Providers at 100/20", alignment: .right,
                    cells: rows.map { $0.providersAt100x20.map(count) ?? missing }, flexible: false))
        }
        if rows.contains(where: { $0.households != nil }) {
            cols.append(
                Column(
                    header: Self.householdsHeader, alignment: .right,
                    cells: rows.map { $0.households.map(count) ?? missing }, flexible: false))
        }
        if rows.contains(where: { $0.noInternetShare != nil }) {
            cols.append(
                Column(
                    header: noInternetOf == "people in households" ? "No internet (people)" : "No internet",
                    alignment: .right,
                    cells: rows.map { r in
                        r.noInternetShare.map { NumberFormatting.percent($0) + (r.noInternetUnreliable ? " †" : "") }
                            ?? missing
                    },
                    flexible: false))
        }
        if rows.contains(where: { $0.medianIncome != nil }) {
            cols.append(
                Column(
                    header: "Median income", alignment: .right,
                    cells: rows.map { $0.medianIncome.map { "$" + count($0) } ?? missing }, flexible: false))
        }
        if rows.contains(where: { $0.needScore != nil }) {
            cols.append(
                Column(
                    header: "Need score", alignment: .right,
                    cells: rows.map { $0.needScore.map { NumberFormatting.grouped($0, decimals: 0) } ?? missing },
                    flexible: false))
        }
        columns = cols
        style = TextStyle(size: 8, color: ReportTheme.ink)
        headerStyle = TextStyle(size: 8, weight: .bold, color: ReportTheme.ink)
        sizeColumns()
    }

    /// Widths: each fixed column as wide as its widest cell or header word, the name column takes
    /// the rest; the font shrinks (down to 6 pt) until the name column is at least `minimumNameWidth`.
    private mutating func sizeColumns() {
        let available = theme.content.width
        while true {
            var fixed = 0.0
            for i in columns.indices where !columns[i].flexible {
                let widestCell =
                    columns[i].cells.map { measurer.measure($0, style: style, width: nil).width }.max() ?? 0
                let widestWord =
                    columns[i].header.split(separator: " ")
                    .map { measurer.measure(String($0), style: headerStyle, width: nil).width }.max() ?? 0
                // +1 pt slack so a box exactly as wide as its text never wraps on rounding.
                columns[i].width = max(widestCell, widestWord) + 2 * padX + 1
                fixed += columns[i].width
            }
            let nameWidth = available - fixed
            // At the smallest size, households (in results.csv and the GeoPackage too) give way to the names.
            if nameWidth < minimumNameWidth && style.size <= 6,
                let households = columns.firstIndex(where: { $0.header == Self.householdsHeader })
            {
                columns.remove(at: households)
                continue
            }
            if nameWidth >= minimumNameWidth || style.size <= 6 {
                for i in columns.indices where columns[i].flexible { columns[i].width = max(nameWidth, 20) }
                return
            }
            style.size -= 0.5
            headerStyle.size -= 0.5
        }
    }

    /// The height of a row of cells (tallest wrapped cell plus padding).
    private func height(of cells: [String], style: TextStyle) -> Double {
        var h = 0.0
        for (i, text) in cells.enumerated() {
            h = max(h, measurer.measure(text, style: style, width: columns[i].width - 2 * padX).height)
        }
        return h + 2 * padY
    }

    private func draw(
        cells: [String], style: TextStyle, at y: Double, height: Double, fill: Color?, on page: inout DisplayList
    ) {
        let x0 = theme.content.minX
        if let fill {
            page.fill(.rectangle(PageRect(x: x0, y: y, width: theme.content.width, height: height)), fill)
        }
        var x = x0
        for (i, text) in cells.enumerated() {
            var s = style
            s.alignment = columns[i].alignment
            page.text(text, at: PagePoint(x: x + padX, y: y + padY), width: columns[i].width - 2 * padX, style: s)
            x += columns[i].width
        }
    }

    /// Adds the table to `flow`, starting on its current page; returns the number of pages used.
    func render(into flow: inout PageFlow) {
        let headers = columns.map(\.header)
        let headerHeight = height(of: headers, style: headerStyle)
        let rule = StrokeStyle(color: ReportTheme.ink, width: 0.75)
        func drawHeader(_ flow: inout PageFlow) {
            draw(cells: headers, style: headerStyle, at: flow.y, height: headerHeight, fill: nil, on: &flow.page)
            flow.y += headerHeight
            flow.page.stroke(
                .line(
                    from: PagePoint(x: flow.content.minX, y: flow.y),
                    to: PagePoint(x: flow.content.maxX, y: flow.y)), rule)
        }
        let firstRowHeight = rowCount > 0 ? height(of: columns.map { $0.cells[0] }, style: style) : 0
        flow.ensure(headerHeight + firstRowHeight)
        drawHeader(&flow)
        for r in 0..<rowCount {
            let cells = columns.map { $0.cells[r] }
            let h = height(of: cells, style: style)
            if h > flow.remaining {
                flow.newPage()
                drawHeader(&flow)
            }
            draw(
                cells: cells, style: style, at: flow.y, height: h, fill: r % 2 == 1 ? ReportTheme.stripe : nil,
                on: &flow.page)
            flow.y += h
        }
        flow.page.stroke(
            .line(
                from: PagePoint(x: flow.content.minX, y: flow.y),
                to: PagePoint(x: flow.content.maxX, y: flow.y)), StrokeStyle(color: ReportTheme.rule, width: 0.5))
        flow.y += 8
    }
}

extension String {
    /// The string with its first letter upper-cased ("tract" → "Tract").
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
