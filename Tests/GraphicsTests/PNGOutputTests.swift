import CCairo
import CPNG
import Foundation
import Graphics
import TestSupport
import Testing

/// PNG files written through libpng (`lastmile_write_png`) hold exactly the pixels Cairo drew.
@Suite struct PNGOutputTests {
    /// A canvas with anti-aliased edges, a translucent fill, a dashed line and text.
    static func sample() -> DisplayList {
        var list = DisplayList(size: PageSize(width: 210, height: 120))
        var ring = Path()
        ring.addRing([PagePoint(x: 10.3, y: 12.7), PagePoint(x: 95.1, y: 20.2), PagePoint(x: 60.6, y: 88.9)])
        list.fill(ring, Color(hex: "#fd8d3c")!)
        list.fill(.rectangle(PageRect(x: 40, y: 40, width: 120, height: 50)), Color(hex: "#2b8cbe")!.withAlpha(0.5))
        list.stroke(
            .line(from: PagePoint(x: 5, y: 110), to: PagePoint(x: 205, y: 95)),
            StrokeStyle(color: .black, width: 1.3, dash: [4, 2]))
        list.text("Block Group 6, Tract 4", at: PagePoint(x: 100, y: 10), style: TextStyle(size: 9))
        return list
    }

    @Test func fileDecodesToThePixelsRenderedInMemory() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("sample.png")
        try RasterRenderer.writePNG(Self.sample(), to: path, dpi: 150)
        // cairo's own PNG reader decodes the file; the in-memory render is the same drawing.
        let decoded = try RasterImage(pngFile: path)
        let rendered = try RasterRenderer.render(Self.sample(), scale: 150.0 / 72)
        // 210 pt × 150/72 = 437.5 → 438 px; 120 pt → 250 px.
        #expect(decoded.width == 438 && decoded.height == 250)
        #expect(decoded == rendered)
        // IHDR (PNG spec §11.2.2): bit depth 8 (byte 24), colour type 2 = RGB (byte 25): the page is opaque.
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(bytes[24] == 8 && bytes[25] == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["sample.png"])
    }

    @Test func translucentPixelsAreWrittenUnpremultiplied() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("alpha.png")
        // A 2×1 ARGB32 surface: pixel 0 premultiplied (a 128, r 64, g 32, b 0), pixel 1 fully transparent.
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 2, 1)!
        defer { cairo_surface_destroy(surface) }
        cairo_surface_flush(surface)
        let data = try #require(cairo_image_surface_get_data(surface))
        let row = UnsafeMutableRawPointer(data).assumingMemoryBound(to: UInt32.self)
        row[0] = 0x8040_2000
        row[1] = 0
        cairo_surface_mark_dirty(surface)
        var message = [CChar](repeating: 0, count: 256)
        #expect(lastmile_write_png(path, data, 2, 1, cairo_image_surface_get_stride(surface), 1, &message) == 0)
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(bytes[25] == 6)  // colour type 6 = RGBA
        // Un-premultiplied as cairo does, (c·255 + a/2) / a: r = (64·255 + 64)/128 = 128, g = (32·255 + 64)/128 = 64.
        let image = try RasterImage(pngFile: path)
        #expect(image.pixel(x: 0, y: 0).hex == "#80400080")
        #expect(image.pixel(x: 1, y: 0).alpha == 0)

        #expect(
            lastmile_write_png(
                dir.file("missing/alpha.png"), data, 2, 1, cairo_image_surface_get_stride(surface), 1, &message) == -1)
        let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #expect(text == "cannot create: No such file or directory")
    }
}
