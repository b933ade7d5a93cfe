import CCairo

/// A rendered RGBA image in memory (for tests and previews): pixels row by row, top to bottom.
public struct RasterImage: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// Un-premultiplied sRGB colour of each pixel, `width * height` entries.
    public let pixels: [Color]

    /// The colour at pixel (x, y), origin top-left.
    public func pixel(x: Int, y: Int) -> Color { pixels[y * width + x] }

    /// Decodes a PNG file with cairo_image_surface_create_from_png.
    /// - Throws: `GraphicsError.io` with Cairo's message when the file cannot be read or decoded.
    public init(pngFile path: String) throws(GraphicsError) {
        // Never returns NULL; a missing or invalid file gives a surface in an error state.
        let surface = CairoSurface(cairo_image_surface_create_from_png(path))
        try surface.check("cairo_image_surface_create_from_png", path: path)
        self.init(surface: surface)
    }

    /// Copies the pixels out of an image surface (ARGB32 or RGB24).
    init(surface: CairoSurface) {
        let s = surface.handle
        cairo_surface_flush(s)
        width = Int(cairo_image_surface_get_width(s))
        height = Int(cairo_image_surface_get_height(s))
        let stride = Int(cairo_image_surface_get_stride(s))
        let hasAlpha = cairo_image_surface_get_format(s) == CAIRO_FORMAT_ARGB32
        var out: [Color] = []
        out.reserveCapacity(width * height)
        // cairo_image_surface_get_data returns NULL only for a surface in an error state.
        if let data = cairo_image_surface_get_data(s) {
            for y in 0..<height {
                let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<width {
                    let v = row[x]  // native-endian 0xAARRGGBB, premultiplied alpha
                    let a = hasAlpha ? Double((v >> 24) & 0xff) / 255 : 1
                    func channel(_ shift: UInt32) -> Double {
                        let c = Double((v >> shift) & 0xff) / 255
                        return a > 0 ? min(1, c / a) : 0
                    }
                    out.append(Color(red: channel(16), green: channel(8), blue: channel(0), alpha: a))
                }
            }
        }
        pixels = out
    }
}
