import CCairo

/// Replays display-list commands onto a cairo context: the one place where drawing happens for
/// PDF, PNG and SVG alike.
final class CairoReplayer {
    private let context: CairoContext
    private let text = PangoTextSetter()
    private var saveDepth = 0
    /// The rows drawn, in page coordinates (top and bottom of a `BandedRaster` band): sub-paths of
    /// fills and strokes wholly above or below them (by more than a stroke can reach) are not given to
    /// cairo, which would only clip them away. Nil: everything is drawn.
    var band: (minY: Double, maxY: Double)?

    /// - Parameter context: the cairo context to draw on, with any scale already applied.
    init(context: CairoContext) {
        self.context = context
        text.attach(to: context.handle)
    }

    /// Draws every command of `list`; `bookmark` receives `.bookmark` commands (PDF outlines).
    func draw(_ list: DisplayList, bookmark: (String, Int) -> Void = { _, _ in }) {
        let cr = context.handle
        for command in list.commands {
            switch command {
            case .fill(let path, let color, let rule):
                setPath(path, reach: 1)
                cairo_set_fill_rule(cr, rule == .evenOdd ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING)
                setColor(color)
                cairo_fill(cr)
            case .stroke(let path, let style):
                // A stroke reaches at most half its width times cairo's miter limit (10) from its path.
                setPath(path, reach: 1 + style.width * 5)
                cairo_set_line_width(cr, style.width)
                style.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
                let cap: cairo_line_cap_t =
                    switch style.cap {
                    case .butt: CAIRO_LINE_CAP_BUTT
                    case .round: CAIRO_LINE_CAP_ROUND
                    case .square: CAIRO_LINE_CAP_SQUARE
                    }
                let join: cairo_line_join_t =
                    switch style.join {
                    case .miter: CAIRO_LINE_JOIN_MITER
                    case .round: CAIRO_LINE_JOIN_ROUND
                    case .bevel: CAIRO_LINE_JOIN_BEVEL
                    }
                cairo_set_line_cap(cr, cap)
                cairo_set_line_join(cr, join)
                setColor(style.color)
                cairo_stroke(cr)
            case .text(let string, let origin, let width, let style):
                let layout = text.makeLayout(string, style: style, width: width)
                setColor(style.color)
                cairo_move_to(cr, origin.x, origin.y)
                withExtendedLifetime(layout) { pango_cairo_show_layout(cr, layout.handle) }
                cairo_new_path(cr)
            case .save:
                cairo_save(cr)
                saveDepth += 1
            case .restore:
                // An unbalanced restore would put cairo into CAIRO_STATUS_INVALID_RESTORE: ignore it.
                if saveDepth > 0 {
                    cairo_restore(cr)
                    saveDepth -= 1
                }
            case .clip(let path, let rule):
                setPath(path, reach: 1)
                cairo_set_fill_rule(cr, rule == .evenOdd ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING)
                cairo_clip(cr)
            case .bookmark(let title, let level):
                bookmark(title, level)
            }
        }
        while saveDepth > 0 {
            cairo_restore(cr)
            saveDepth -= 1
        }
    }

    /// The page area a `.text` command's ink covers (Pango's ink rectangle, laid out as `draw` lays it
    /// out), a point wider on every side.
    func inkBounds(_ string: String, origin: PagePoint, width: Double?, style: TextStyle) -> PageRect {
        let layout = text.makeLayout(string, style: style, width: width)
        var ink = PangoRectangle()
        var logical = PangoRectangle()
        withExtendedLifetime(layout) { pango_layout_get_extents(layout.handle, &ink, &logical) }
        let scale = Double(PANGO_SCALE)
        return PageRect(
            x: origin.x + Double(ink.x) / scale, y: origin.y + Double(ink.y) / scale,
            width: Double(ink.width) / scale, height: Double(ink.height) / scale
        ).inset(by: -1)
    }

    private func setColor(_ c: Color) {
        cairo_set_source_rgba(context.handle, c.red, c.green, c.blue, c.alpha)
    }

    /// Builds `path` as cairo's current path (one path however many rings: fills stay fast). With a
    /// `band`, each run of elements from one move to the next is left out when all its points lie more
    /// than `reach` points above or below the band: no scanline of the band crosses what it draws, so
    /// the band's pixels are the same (a dash pattern restarts at each move in cairo).
    private func setPath(_ path: Path, reach: Double) {
        let cr = context.handle
        cairo_new_path(cr)
        guard let band else {
            add(path.elements[...])
            return
        }
        let top = band.minY - reach
        let bottom = band.maxY + reach
        let elements = path.elements
        var start = 0
        var minY = Double.infinity
        var maxY = -Double.infinity
        func flush(_ end: Int) {
            if start < end, maxY >= top, minY <= bottom { add(elements[start..<end]) }
            start = end
            minY = .infinity
            maxY = -.infinity
        }
        for (i, element) in elements.enumerated() {
            switch element {
            case .move(let p):
                flush(i)
                minY = p.y
                maxY = p.y
            case .line(let p):
                minY = min(minY, p.y)
                maxY = max(maxY, p.y)
            case .curve(let a, let b, let c):
                minY = min(minY, a.y, b.y, c.y)
                maxY = max(maxY, a.y, b.y, c.y)
            case .close: break
            }
        }
        flush(elements.count)
    }

    private func add(_ elements: ArraySlice<Path.Element>) {
        let cr = context.handle
        for element in elements {
            switch element {
            case .move(let p): cairo_move_to(cr, p.x, p.y)
            case .line(let p): cairo_line_to(cr, p.x, p.y)
            case .curve(let a, let b, let c): cairo_curve_to(cr, a.x, a.y, b.x, b.y, c.x, c.y)
            case .close: cairo_close_path(cr)
            }
        }
    }
}
