import CCairo

/// Writes one `DisplayList` as an SVG file (cairo-svg), sized in points.
public enum SVGWriter {
    /// Writes `list` to `path` via a temporary file renamed when complete.
    /// - Throws: `GraphicsError.io` naming `path` with Cairo's message.
    public static func write(_ list: DisplayList, to path: String) throws(GraphicsError) {
        let output = AtomicOutput(destination: path)
        do throws(GraphicsError) {
            // Never returns NULL; an unopenable file gives a surface in an error state.
            let surface = CairoSurface(cairo_svg_surface_create(output.temporary, list.size.width, list.size.height))
            try surface.check("cairo_svg_surface_create", path: path)
            do {
                let context = CairoContext(surface: surface)
                CairoReplayer(context: context).draw(list)
                if context.status != CAIRO_STATUS_SUCCESS {
                    throw GraphicsError.io(path: path, "drawing: \(cairoMessage(context.status))")
                }
            }
            try surface.finish(path: path)
        } catch {
            output.discard()
            throw error
        }
        try output.commit()
    }
}
