import CCairo

/// Renders one `DisplayList` to pixels: a PNG file or an in-memory `RasterImage`.
public enum RasterRenderer {
    /// Renders `list` onto a white background at `scale` pixels per point (1 = 72 dpi).
    public static func render(_ list: DisplayList, scale: Double = 1) throws(GraphicsError) -> RasterImage {
        RasterImage(surface: try draw(list, scale: scale, path: "(memory)"))
    }

    /// Writes `list` as a PNG at `dpi` dots per inch (72 = one pixel per point), white background.
    /// - Throws: `GraphicsError.io` naming `path` with Cairo's message.
    public static func writePNG(_ list: DisplayList, to path: String, dpi: Double = 144) throws(GraphicsError) {
        let surface = try draw(list, scale: dpi / 72, path: path)
        let output = AtomicOutput(destination: path)
        // cairo_surface_write_to_png returns CAIRO_STATUS_SUCCESS or the error met.
        let status = withExtendedLifetime(surface) { cairo_surface_write_to_png(surface.handle, output.temporary) }
        if status != CAIRO_STATUS_SUCCESS {
            output.discard()
            throw .io(path: path, "cairo_surface_write_to_png: \(cairoMessage(status))")
        }
        try output.commit()
    }

    private static func draw(_ list: DisplayList, scale: Double, path: String) throws(GraphicsError) -> CairoSurface {
        guard scale > 0, list.size.width > 0, list.size.height > 0 else {
            throw .invalidInput("cannot rasterise a \(list.size.width)×\(list.size.height) canvas at scale \(scale)")
        }
        let w = Int32((list.size.width * scale).rounded(.up))
        let h = Int32((list.size.height * scale).rounded(.up))
        // Never returns NULL; an invalid size or no memory gives a surface in an error state.
        let surface = CairoSurface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h))
        try surface.check("cairo_image_surface_create", path: path)
        do {
            let context = CairoContext(surface: surface)
            // Image surfaces start transparent: paint the page white first.
            cairo_set_source_rgb(context.handle, 1, 1, 1)
            cairo_paint(context.handle)
            cairo_scale(context.handle, scale, scale)
            CairoReplayer(context: context).draw(list)
            if context.status != CAIRO_STATUS_SUCCESS {
                throw GraphicsError.io(path: path, "drawing: \(cairoMessage(context.status))")
            }
        }
        cairo_surface_flush(surface.handle)
        return surface
    }
}
