import GeoModel
import Graphics

/// Writes the coverage report PDF: checks the fonts, builds the document and renders it.
public enum ReportWriter {
    /// Builds the report for `content` and writes it to `path` as a PDF.
    /// - Throws: `LastmileError.io` naming `path` when the file cannot be written (Cairo's
    ///   message), `.failed` when the report fonts are not installed.
    public static func writePDF(_ content: ReportContent, paper: PaperSize = .letter, to path: String)
        throws(LastmileError)
    {
        try verifyFonts()
        let document = ReportBuilder(measurer: PangoTextMeasurer()).document(for: content, paper: paper)
        try write(document, to: path)
    }

    /// Writes an already built document to `path` as a PDF.
    public static func write(_ document: Document, to path: String) throws(LastmileError) {
        do {
            try PDFWriter.write(document, to: path, creator: "Lastmile")
        } catch {
            throw lastmileError(error)
        }
    }

    /// Throws unless DejaVu Sans and DejaVu Sans Mono are the fonts Pango loads.
    public static func verifyFonts() throws(LastmileError) {
        do {
            try FontCheck.verifyDefaultFont()
        } catch {
            throw lastmileError(error)
        }
    }

    /// Maps a Graphics error to the tool's error categories.
    public static func lastmileError(_ error: GraphicsError) -> LastmileError {
        switch error {
        case .io(let path, let message): .io(path: path, message)
        case .invalidInput, .fontMismatch: .failed(error.description)
        }
    }
}
