import CCairo

/// Checks that Pango loads the fonts the reports ask for instead of silently falling back.
public enum FontCheck {
    /// The monospace family used for hashes and file names (DejaVu Sans Mono, fonts-dejavu-core).
    public static let monospaceFamily = "DejaVu Sans Mono"

    /// The family name of the font Pango actually loads for `style` (pango_font_describe on the
    /// loaded font).
    public static func loadedFamily(for style: TextStyle) -> String? {
        let setter = PangoTextSetter()
        let desc = PangoFontDescriptionHandle(style: style)
        return withExtendedLifetime((setter, desc)) { () -> String? in
            // pango_context_load_font returns a new reference, or NULL when no font at all is available.
            guard let font = pango_context_load_font(setter.context, desc.handle) else { return nil }
            defer { lastmile_g_object_unref(UnsafeMutableRawPointer(font)) }
            // pango_font_describe returns a newly allocated description (never NULL).
            let loaded = PangoFontDescriptionHandle(owning: pango_font_describe(font))
            // pango_font_description_get_family returns a borrowed string or NULL when unset.
            return withExtendedLifetime(loaded) { () -> String? in
                pango_font_description_get_family(loaded.handle).map { String(cString: $0) }
            }
        }
    }

    /// Throws `.fontMismatch` unless the family loaded for `family` is `family` itself.
    public static func verify(family: String) throws(GraphicsError) {
        let loaded = loadedFamily(for: TextStyle(family: family)) ?? "(none)"
        if loaded != family { throw .fontMismatch(requested: family, loaded: loaded) }
    }

    /// Verifies the default text family (DejaVu Sans) and the monospace family (DejaVu Sans Mono).
    public static func verifyDefaultFont() throws(GraphicsError) {
        try verify(family: TextStyle.defaultFamily)
        try verify(family: monospaceFamily)
    }
}
