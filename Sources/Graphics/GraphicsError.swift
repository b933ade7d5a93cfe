import AtomicFiles

/// Why rendering failed. Graphics does not depend on GeoModel; callers map `.io` to
/// `LastmileError.io(path:_:)` (Reports does this once, in `ReportWriter.lastmileError`).
public enum GraphicsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The output file could not be created, written or moved into place; the message carries
    /// Cairo's `cairo_status_to_string` text or the system error.
    case io(path: String, String)
    /// The input cannot be rendered (e.g. a document without pages).
    case invalidInput(String)
    /// A font other than the one asked for was loaded (Pango falls back silently).
    case fontMismatch(requested: String, loaded: String)

    public var description: String {
        switch self {
        case .io(let path, let what): "\(path): \(what)"
        case .invalidInput(let what): what
        case .fontMismatch(let requested, let loaded):
            "font '\(requested)' was requested but Pango loaded '\(loaded)'; install fonts-dejavu-core"
        }
    }
}

extension GraphicsError {
    /// An output file that could not be written or moved into place, as `.io`.
    init(_ error: AtomicOutputError) { self = .io(path: error.path, error.reason) }
}

extension AtomicOutput {
    /// `commit()` with its error as a `GraphicsError`.
    func finish() throws(GraphicsError) {
        do { try commit() } catch { throw GraphicsError(error) }
    }
}
