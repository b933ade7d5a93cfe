import AtomicFiles
import CCairo

/// Writes a `Document` as a multi-page vector PDF with Cairo (cairo-pdf).
public enum PDFWriter {
    /// Writes `document` to `path`: one PDF page per display list, each at its own size, with
    /// metadata (title, author, subject, creator, and creation/modification dates pinned to
    /// `document.creationDate` for reproducible output) and an outline from `.bookmark` commands.
    /// The file is written under a temporary name in the same directory and renamed when complete.
    ///
    /// - Throws: `GraphicsError.io` naming `path` and Cairo's message when the file cannot be
    ///   written; `.invalidInput` for a document without pages.
    public static func write(_ document: Document, to path: String, creator: String = "Lastmile") throws(GraphicsError)
    {
        guard let first = document.pages.first else { throw .invalidInput("the document has no pages") }
        let output = AtomicOutput(destination: path)
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
                replayer.draw(page) { title, level in
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
        } catch {
            output.discard()
            throw error
        }
        try output.finish()
    }
}
