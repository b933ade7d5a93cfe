import AtomicFiles
import CCairo

/// Writes one `DisplayList` as an SVG file (cairo-svg), sized in points.
public enum SVGWriter {
    /// Writes `list` to `path` via a temporary file renamed when complete.
    ///
    /// cairo-svg names drawings `surfaceN` after a process-wide count of Cairo surfaces, so the
    /// same drawing would get another name after other rendering; the names are renumbered from 1
    /// in order of appearance (`stableSurfaceNames`), so that equal display lists give equal files.
    /// - Throws: `GraphicsError.io` naming `path` with Cairo's message.
    public static func write(_ list: DisplayList, to path: String) throws(GraphicsError) {
        let sink = ByteSink()
        do {
            // Never returns NULL; a failure gives a surface in an error state. The write callback
            // appends to `sink`, which outlives the surface (finished below).
            let surface = CairoSurface(
                cairo_svg_surface_create_for_stream(
                    { closure, data, length in
                        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
                        Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
                            .bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
                        return CAIRO_STATUS_SUCCESS
                    },
                    Unmanaged.passUnretained(sink).toOpaque(), list.size.width, list.size.height))
            try surface.check("cairo_svg_surface_create_for_stream", path: path)
            do {
                let context = CairoContext(surface: surface)
                CairoReplayer(context: context).draw(list)
                if context.status != CAIRO_STATUS_SUCCESS {
                    throw GraphicsError.io(path: path, "drawing: \(cairoMessage(context.status))")
                }
            }
            try surface.finish(path: path)
        }
        do { try AtomicOutput.write(stableSurfaceNames(sink.bytes), to: path) } catch { throw GraphicsError(error) }
    }

    /// The SVG text with every `surface<digits>` name that follows `"` or `#` (ids and references)
    /// renumbered 1, 2, … in order of first appearance.
    static func stableSurfaceNames(_ svg: [UInt8]) -> [UInt8] {
        let word = Array("surface".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(svg.count)
        var numbers: [ArraySlice<UInt8>: Int] = [:]
        var i = 0
        while i < svg.count {
            let b = svg[i]
            out.append(b)
            i += 1
            guard b == UInt8(ascii: "\"") || b == UInt8(ascii: "#"), i + word.count < svg.count,
                svg[i..<i + word.count].elementsEqual(word)
            else { continue }
            var end = i + word.count
            while end < svg.count, svg[end] >= UInt8(ascii: "0"), svg[end] <= UInt8(ascii: "9") { end += 1 }
            guard end > i + word.count else { continue }
            let digits = svg[(i + word.count)..<end]
            let n = numbers[digits] ?? (numbers.count + 1)
            numbers[digits] = n
            out.append(contentsOf: word)
            out.append(contentsOf: Array(String(n).utf8))
            i = end
        }
        return out
    }
}

/// The bytes cairo-svg streams out.
final class ByteSink {
    var bytes: [UInt8] = []
}
