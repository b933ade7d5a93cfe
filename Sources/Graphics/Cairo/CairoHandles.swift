import CCairo

/// Cairo's message for a status, e.g. "error while writing to output stream".
func cairoMessage(_ status: cairo_status_t) -> String {
    // cairo_status_to_string returns a static string, never NULL.
    String(cString: cairo_status_to_string(status))
}

/// Owns one `cairo_surface_t`; destroyed in deinit only.
final class CairoSurface {
    let handle: OpaquePointer

    init(_ handle: OpaquePointer) { self.handle = handle }

    /// The surface's sticky error status (CAIRO_STATUS_SUCCESS when fine).
    var status: cairo_status_t {
        // cairo_surface_status never fails; it returns the first error the surface met.
        cairo_surface_status(handle)
    }

    /// Throws `.io` naming `path` when the surface is in an error state.
    func check(_ function: String, path: String) throws(GraphicsError) {
        let s = status
        if s != CAIRO_STATUS_SUCCESS { throw .io(path: path, "\(function): \(cairoMessage(s))") }
    }

    /// Finishes the surface (flushes all output to the file) and checks the sticky status.
    func finish(path: String) throws(GraphicsError) {
        // cairo_surface_finish returns nothing; errors are reported through cairo_surface_status.
        cairo_surface_finish(handle)
        try check("cairo_surface_finish", path: path)
    }

    deinit { cairo_surface_destroy(handle) }
}

/// Owns one `cairo_t`; keeps its surface alive; destroyed in deinit only.
final class CairoContext {
    let handle: OpaquePointer
    let surface: CairoSurface

    init(surface: CairoSurface) {
        self.surface = surface
        // cairo_create never returns NULL; on failure the context is in an error state (checked by callers).
        handle = cairo_create(surface.handle)
    }

    var status: cairo_status_t { cairo_status(handle) }

    deinit { cairo_destroy(handle) }
}
