import AtomicFiles
import CCairo

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a `Document` as a multi-page vector PDF with Cairo (cairo-pdf).
public enum PDFWriter {
    /// Writes `document` to `path`: one PDF page per display list, each at its own size, with
    /// metadata (title, author, subject, creator, and creation/modification dates pinned to
    /// `document.creationDate` for reproducible output) and an outline from `.bookmark` commands.
    /// The file is written under a temporary name in the same directory and renamed when complete.
    ///
    /// A page with a run of many opaque fills and strokes (a dense map: `PDFVectorPrefix`), at its start or
    /// clipped clear of everything drawn before it (a report page's map under its heading), gets those as
    /// a content stream of Lastmile's own, deflated at level 1, in front of cairo's stream for the rest of
    /// the page (`PDFIncrementalUpdate`); should cairo's file not be laid out as expected, the
    /// document is written again by cairo alone.
    ///
    /// - Throws: `GraphicsError.io` naming `path` and Cairo's message when the file cannot be
    ///   written; `.invalidInput` for a document without pages.
    public static func write(_ document: Document, to path: String, creator: String = "Lastmile") throws(GraphicsError)
    {
        guard !document.pages.isEmpty else { throw .invalidInput("the document has no pages") }
        if try write(document, to: path, creator: creator, ownPrefixes: true) { return }
        _ = try write(document, to: path, creator: creator, ownPrefixes: false)
    }

    /// Writes the file; with `ownPrefixes`, pages' vector prefixes are written by `PDFVectorPrefix`.
    /// Returns false (and leaves nothing behind) when cairo's file could not take those streams.
    static func write(_ document: Document, to path: String, creator: String, ownPrefixes: Bool)
        throws(GraphicsError) -> Bool
    {
        let first = document.pages[0]
        let output = AtomicOutput(destination: path)
        var streams: [Int: [UInt8]] = [:]
        do throws(GraphicsError) {
            // cairo_pdf_surface_create never returns NULL; a file that cannot be opened gives a
            // surface in an error state (CAIRO_STATUS_WRITE_ERROR), checked next.
            let surface = CairoSurface(cairo_pdf_surface_create(output.temporary, first.size.width, first.size.height))
            try surface.check("cairo_pdf_surface_create", path: path)
            let metadata: [(cairo_pdf_metadata_t, String)] = [
                (CAIRO_PDF_METADATA_TITLE, document.title),
                (CAIRO_PDF_METADATA_AUTHOR, document.author),
                (CAIRO_PDF_METADATA_SUBJECT, document.subject),
                (CAIRO_PDF_METADATA_CREATOR, creator),
                (CAIRO_PDF_METADATA_CREATE_DATE, document.creationDate),
                (CAIRO_PDF_METADATA_MOD_DATE, document.creationDate),
            ]
            for (key, value) in metadata where !value.isEmpty {
                // cairo_pdf_surface_set_metadata returns nothing; errors become the surface status.
                cairo_pdf_surface_set_metadata(surface.handle, key, value)
            }
            let context = CairoContext(surface: surface)
            let replayer = CairoReplayer(context: context)
            // Outline ids by level: a level-n entry hangs under the latest level n-1 entry.
            var parents: [Int32] = []
            for (index, page) in document.pages.enumerated() {
                // Sets the size of the current (not yet drawn) page; no return value.
                cairo_pdf_surface_set_size(surface.handle, page.size.width, page.size.height)
                let own =
                    ownPrefixes
                    ? PDFVectorPrefix.denseRun(of: page) { replayer.inkBounds($0, origin: $1, width: $2, style: $3) }
                    : nil
                var rest = page
                if let own {
                    streams[index] = PDFVectorPrefix.deflatedStream(
                        page.commands[own.range], clips: own.clips, clipRules: own.clipRules,
                        pageHeight: page.size.height)
                    rest = DisplayList(size: page.size)
                    for command in page.commands[..<own.range.lowerBound] { rest.append(command) }
                    for command in page.commands[own.range.upperBound...] { rest.append(command) }
                }
                replayer.draw(rest) { title, level in
                    let depth = max(0, min(level, parents.count))
                    let parent = depth == 0 ? Int32(CAIRO_PDF_OUTLINE_ROOT) : parents[depth - 1]
                    // cairo_pdf_surface_add_outline returns the new item's id (errors: surface status).
                    let id = cairo_pdf_surface_add_outline(
                        surface.handle, parent, title, "page=\(index + 1)",
                        cairo_pdf_outline_flags_t(0))
                    parents = Array(parents.prefix(depth)) + [id]
                }
                cairo_show_page(context.handle)
            }
            if context.status != CAIRO_STATUS_SUCCESS {
                throw GraphicsError.io(path: path, "drawing: \(cairoMessage(context.status))")
            }
            try surface.finish(path: path)
            if !streams.isEmpty {
                guard let cairoBytes = readFile(output.temporary),
                    let appendix = PDFIncrementalUpdate.appendix(to: cairoBytes, streams: streams)
                else {
                    output.discard()
                    return false
                }
                try append(appendix, to: output.temporary, path: path)
            }
        } catch {
            output.discard()
            throw error
        }
        try output.finish()
        return true
    }

    /// The bytes of the file at `path`, or nil when it cannot be read.
    private static func readFile(_ path: String) -> [UInt8]? {
        // fopen returns NULL with errno on failure.
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            // fread returns the items read, fewer at the end of the file or on an error (ferror).
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            bytes += chunk.prefix(n)
            if n < chunk.count { return ferror(file) != 0 ? nil : bytes }
        }
    }

    /// Appends `bytes` to the file at `temporary`.
    /// - Throws: `GraphicsError.io` naming `path` with the system's message.
    private static func append(_ bytes: [UInt8], to temporary: String, path: String) throws(GraphicsError) {
        // fopen returns NULL with errno on failure; fwrite returns the items written; fclose 0 or EOF.
        guard let file = fopen(temporary, "ab") else {
            throw .io(path: path, "cannot append: \(String(cString: strerror(errno)))")
        }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        let closed = fclose(file)
        guard written == bytes.count, closed == 0 else {
            throw .io(path: path, "cannot append: \(String(cString: strerror(errno)))")
        }
    }
}
