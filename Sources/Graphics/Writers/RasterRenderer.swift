import AtomicFiles
import CCairo
import CPNG

/// Renders one `DisplayList` to pixels: a PNG file or an in-memory `RasterImage`.
public enum RasterRenderer {
    /// Renders `list` onto a white background at `scale` pixels per point (1 = 72 dpi).
    public static func render(_ list: DisplayList, scale: Double = 1) throws(GraphicsError) -> RasterImage {
        RasterImage(surface: try draw(list, scale: scale, path: "(memory)"))
    }

    /// zlib level of PNG output: 1 (fastest). Map and chart pixels are large flat areas, which level 1
    /// without row filters already compresses well: a 2,400 × 1,454 map of the Hawaii tracts took
    /// 21 ms and 232 KB against 88 ms and 224 KB through cairo_surface_write_to_png (zlib's default
    /// level 6), measured on this machine (Debian 12, libpng 1.6.39).
    public static let pngCompressionLevel: Int32 = 1

    /// Writes `list` as a PNG at `dpi` dots per inch (72 = one pixel per point), white background:
    /// 8-bit RGB (every pixel is opaque on the white page), through libpng at `pngCompressionLevel`.
    /// - Throws: `GraphicsError.io` naming `path` with libpng's or the system's message.
    public static func writePNG(_ list: DisplayList, to path: String, dpi: Double = 144) throws(GraphicsError) {
        let raster = try BandedRaster(list, scale: dpi / 72, bands: 1, path: path)
        raster.drawBand(0)
        try raster.writePNG(to: path)
    }

    /// Renders `list` in `bands` horizontal bands drawn one after the other (each band its own Cairo
    /// surface over the same pixels): the pixels `BandedRaster` draws on several threads.
    public static func render(_ list: DisplayList, scale: Double, bands: Int) throws(GraphicsError) -> RasterImage {
        let raster = try BandedRaster(list, scale: scale, bands: bands, path: "(memory)")
        for k in 0..<raster.bandCount { raster.drawBand(k) }
        try raster.check()
        return RasterImage(surface: raster.surface)
    }

    private static func draw(_ list: DisplayList, scale: Double, path: String) throws(GraphicsError) -> CairoSurface {
        let raster = try BandedRaster(list, scale: scale, bands: 1, path: path)
        raster.drawBand(0)
        try raster.check()
        return raster.surface
    }
}

/// A PNG drawn in horizontal bands, on as many threads as there are bands: each band is a Cairo image
/// surface over its rows of one pixel buffer, with the page moved up by the band's first row (a whole
/// number of pixels, so every edge falls on the same pixel grid as in one surface), and each draws
/// the whole display list (what lies outside a band is clipped by Cairo). Then one libpng write.
///
/// `drawBand` may run concurrently for different bands; `writePNG` after all of them.
public final class BandedRaster: @unchecked Sendable {
    public let list: DisplayList
    public let scale: Double
    public let bandCount: Int
    let surface: CairoSurface
    private let path: String
    private let rows: [Range<Int32>]
    /// Per band, the drawing's failure (Cairo's message), written only by that band's `drawBand`.
    private let failures: UnsafeMutableBufferPointer<String?>

    /// Allocates the pixels of `list` at `scale` pixels per point, cut into `bands` bands of whole rows
    /// (fewer when the image has fewer than 64 rows per band).
    /// - Throws: `GraphicsError.invalidInput` for an empty canvas or a scale ≤ 0; `.io` naming `path`
    ///   when Cairo cannot allocate the image.
    public init(_ list: DisplayList, scale: Double, bands: Int, path: String) throws(GraphicsError) {
        guard scale > 0, list.size.width > 0, list.size.height > 0 else {
            throw .invalidInput("cannot rasterise a \(list.size.width)×\(list.size.height) canvas at scale \(scale)")
        }
        // Whole pixels covering the canvas; the small tolerance keeps a product such as
        // 120 × (150 / 72) = 250.00000000000003 at 250 pixels, not 251.
        let w = Int32((list.size.width * scale - 1e-9).rounded(.up))
        let h = Int32((list.size.height * scale - 1e-9).rounded(.up))
        // Never returns NULL; an invalid size or no memory gives a surface in an error state.
        surface = CairoSurface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h))
        try surface.check("cairo_image_surface_create", path: path)
        self.list = list
        self.scale = scale
        self.path = path
        let n = Int32(max(1, min(bands, Int(h) / 64)))
        rows = (0..<n).map { k in (h * k / n)..<(h * (k + 1) / n) }
        bandCount = rows.count
        failures = .allocate(capacity: rows.count)
        failures.initialize(repeating: nil)
    }

    deinit {
        failures.deinitialize()
        failures.deallocate()
    }

    /// Draws band `k` (0 ..< bandCount): white page, then the display list.
    public func drawBand(_ k: Int) {
        let s = surface.handle
        let band = rows[k]
        let stride = cairo_image_surface_get_stride(s)
        // cairo_image_surface_get_data returns NULL only for a surface in an error state (checked in init).
        guard let data = cairo_image_surface_get_data(s) else {
            failures[k] = "the image has no pixel data"
            return
        }
        let target =
            bandCount == 1
            ? surface
            : CairoSurface(
                cairo_image_surface_create_for_data(
                    data + Int(band.lowerBound) * Int(stride), CAIRO_FORMAT_ARGB32,
                    cairo_image_surface_get_width(s), Int32(band.count), stride))
        if target.status != CAIRO_STATUS_SUCCESS {
            failures[k] = "cairo_image_surface_create_for_data: \(cairoMessage(target.status))"
            return
        }
        let context = CairoContext(surface: target)
        // Image surfaces start transparent: paint the page white first.
        cairo_set_source_rgb(context.handle, 1, 1, 1)
        cairo_paint(context.handle)
        cairo_translate(context.handle, 0, -Double(band.lowerBound))
        cairo_scale(context.handle, scale, scale)
        let replayer = CairoReplayer(context: context)
        // The band's rows in page coordinates.
        if bandCount > 1 { replayer.band = (Double(band.lowerBound) / scale, Double(band.upperBound) / scale) }
        replayer.draw(list)
        if context.status != CAIRO_STATUS_SUCCESS {
            failures[k] = "drawing: \(cairoMessage(context.status))"
        }
        cairo_surface_flush(target.handle)
    }

    /// Throws the first band's failure as `GraphicsError.io` naming the path.
    func check() throws(GraphicsError) {
        if let failure = failures.lazy.compactMap({ $0 }).first { throw .io(path: path, failure) }
        // The bands wrote the pixels through their own surfaces.
        cairo_surface_mark_dirty(surface.handle)
        cairo_surface_flush(surface.handle)
    }

    /// Writes the drawn image to `path` as RasterRenderer.writePNG does.
    /// - Throws: `GraphicsError.io` naming the path given to `init` with a band's message, or naming
    ///   `path` with libpng's or the system's.
    public func writePNG(to path: String) throws(GraphicsError) {
        try check()
        let output = AtomicOutput(destination: path)
        var message = [CChar](repeating: 0, count: 256)
        let result: Int32 = withExtendedLifetime(surface) {
            let s = surface.handle
            // cairo_image_surface_get_data returns NULL only for a surface in an error state (checked in init).
            guard let data = cairo_image_surface_get_data(s) else { return -2 }
            // lastmile_write_png returns 0, or -1 with libpng's or strerror's message in `message`.
            return lastmile_write_png(
                output.temporary, data, cairo_image_surface_get_width(s),
                cairo_image_surface_get_height(s), cairo_image_surface_get_stride(s),
                RasterRenderer.pngCompressionLevel, &message)
        }
        if result != 0 {
            output.discard()
            let text =
                result == -2
                ? "the rendered image has no pixel data"
                : String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw .io(path: path, "writing PNG: \(text)")
        }
        try output.finish()
    }
}
