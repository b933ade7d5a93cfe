import Graphics

/// Places blocks of content down the content area of successive pages: a section's pages.
struct PageFlow {
    let theme: ReportTheme
    let measurer: any TextMeasurer
    private(set) var pages: [DisplayList] = []
    var page: DisplayList
    /// The top of the free space on the current page.
    var y: Double

    init(theme: ReportTheme, measurer: any TextMeasurer) {
        self.theme = theme
        self.measurer = measurer
        page = DisplayList(size: theme.page)
        y = theme.content.minY
    }

    var content: PageRect { theme.content }
    var remaining: Double { content.maxY - y }
    var atTop: Bool { y <= content.minY + 0.001 }

    mutating func newPage() {
        pages.append(page)
        page = DisplayList(size: theme.page)
        y = content.minY
    }

    /// Starts a new page unless `height` fits below the cursor (or the page is still empty).
    mutating func ensure(_ height: Double) {
        if height > remaining && !atTop { newPage() }
    }

    /// A section heading with its PDF bookmark.
    mutating func heading(_ text: String, bookmark: Bool = true) {
        let h = measurer.measure(text, style: theme.heading, width: content.width).height
        ensure(h + 30)
        if bookmark { page.append(.bookmark(text, level: 0)) }
        page.text(text, at: PagePoint(x: content.minX, y: y), width: content.width, style: theme.heading)
        y += h + 10
    }

    /// A wrapped paragraph at the content width, split between pages at word boundaries when needed.
    mutating func paragraph(_ text: String, style: TextStyle, spacingAfter: Double = 8, indent: Double = 0) {
        let width = content.width - indent
        var rest = text
        while !rest.isEmpty {
            let h = measurer.measure(rest, style: style, width: width).height
            if h <= remaining {
                page.text(rest, at: PagePoint(x: content.minX + indent, y: y), width: width, style: style)
                y += h + spacingAfter
                return
            }
            // Largest prefix of words that fits the space left.
            let words = rest.split(separator: " ", omittingEmptySubsequences: false)
            var lo = 0
            var hi = words.count
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                let part = words[0..<mid].joined(separator: " ")
                if measurer.measure(part, style: style, width: width).height <= remaining {
                    lo = mid
                } else {
                    hi = mid - 1
                }
            }
            if lo == 0 {
                if atTop {  // not even one word fits an empty page: set it anyway rather than loop
                    page.text(rest, at: PagePoint(x: content.minX + indent, y: y), width: width, style: style)
                    y += h + spacingAfter
                    return
                }
                newPage()
                continue
            }
            let part = words[0..<lo].joined(separator: " ")
            page.text(part, at: PagePoint(x: content.minX + indent, y: y), width: width, style: style)
            rest = words[lo...].joined(separator: " ")
            newPage()
        }
    }

    /// All pages, the current one included.
    /// Places `map` at the full content width below the current position (as tall as it needs, at most
    /// the space left above its caption), framed by a thin rule, with `caption` under it.
    mutating func map(_ map: DisplayList, caption: String) {
        let captionHeight =
            caption.isEmpty ? 0 : measurer.measure(caption, style: theme.caption, width: content.width).height + 8
        let available = max(10, remaining - captionHeight)
        let natural = map.size.width > 0 ? content.width * map.size.height / map.size.width : available
        let box = PageRect(x: content.minX, y: y, width: content.width, height: min(available, natural))
        let frame = page.place(map, fittingIn: box)
        page.stroke(.rectangle(frame), StrokeStyle(color: ReportTheme.rule, width: 0.5))
        if !caption.isEmpty {
            page.text(
                caption, at: PagePoint(x: content.minX, y: frame.maxY + 8), width: content.width, style: theme.caption)
        }
    }

    mutating func finish() -> [DisplayList] {
        pages.append(page)
        let out = pages
        pages = []
        page = DisplayList(size: theme.page)
        y = content.minY
        return out
    }
}
