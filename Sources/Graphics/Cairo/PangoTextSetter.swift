import CCairo

/// Builds Pango layouts for `TextStyle`s the same way for measuring and for drawing, so that a
/// measured box is the box that is drawn. Owns a private font map and context (freed in deinit).
///
/// Settings that make 10 pt print as 10 pt and measurements device independent:
/// resolution 72 dpi (Pango's default is 96: STACK-NOTES), metrics hinting off and unrounded
/// glyph positions (so an image surface, a PDF and an SVG give the same line breaks).
final class PangoTextSetter {
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    let context: OpaquePointer

    init() {
        // pango_cairo_font_map_new returns a new reference (never NULL); unref'd in deinit.
        fontMap = pango_cairo_font_map_new()
        // pango_font_map_create_context returns a new reference (never NULL).
        context = pango_font_map_create_context(fontMap)
        pango_cairo_context_set_resolution(context, 72)
        // cairo_font_options_create never returns NULL (an error object at worst); copied by Pango.
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_context_set_round_glyph_positions(context, 0)
    }

    deinit {
        lastmile_g_object_unref(UnsafeMutableRawPointer(context))
        lastmile_g_object_unref(UnsafeMutableRawPointer(fontMap))
    }

    /// Makes the context follow a cairo context's transformation (call once per cairo context,
    /// after setting its scale, before creating layouts for it).
    func attach(to cr: OpaquePointer) {
        pango_cairo_update_context(cr, context)
        pango_cairo_context_set_resolution(context, 72)
    }

    /// A layout for `text` in `style`, wrapped at `width` points when given.
    func makeLayout(_ text: String, style: TextStyle, width: Double?) -> PangoLayoutHandle {
        // pango_layout_new returns a new reference (never NULL); freed by PangoLayoutHandle.
        let layout = PangoLayoutHandle(pango_layout_new(context))
        let desc = PangoFontDescriptionHandle(style: style)
        withExtendedLifetime(desc) { pango_layout_set_font_description(layout.handle, desc.handle) }
        pango_layout_set_text(layout.handle, text, -1)
        // Pango ≥ 1.44 inserts a hyphen where it breaks inside a word; file names and hashes must
        // print unchanged, so breaks stay invisible. pango_attr_list_new never returns NULL;
        // pango_attr_list_insert takes ownership of the attribute; the layout keeps its own reference.
        let attributes = pango_attr_list_new()
        pango_attr_list_insert(attributes, pango_attr_insert_hyphens_new(0))
        pango_layout_set_attributes(layout.handle, attributes)
        pango_attr_list_unref(attributes)
        if let width {
            pango_layout_set_width(layout.handle, Int32((max(0, width) * Double(PANGO_SCALE)).rounded(.down)))
            pango_layout_set_wrap(layout.handle, PANGO_WRAP_WORD_CHAR)
        } else {
            pango_layout_set_width(layout.handle, -1)
        }
        let alignment: PangoAlignment =
            switch style.alignment {
            case .left: PANGO_ALIGN_LEFT
            case .center: PANGO_ALIGN_CENTER
            case .right: PANGO_ALIGN_RIGHT
            }
        pango_layout_set_alignment(layout.handle, alignment)
        return layout
    }

    /// The logical size of a layout in points: what a box must hold.
    func size(of layout: PangoLayoutHandle) -> PageSize {
        var ink = PangoRectangle()
        var logical = PangoRectangle()
        withExtendedLifetime(layout) { pango_layout_get_extents(layout.handle, &ink, &logical) }
        return PageSize(
            width: Double(logical.width) / Double(PANGO_SCALE),
            height: Double(logical.height) / Double(PANGO_SCALE))
    }
}

/// Owns one PangoLayout (GObject; unref'd in deinit).
final class PangoLayoutHandle {
    let handle: OpaquePointer
    init(_ handle: OpaquePointer) { self.handle = handle }
    deinit { lastmile_g_object_unref(UnsafeMutableRawPointer(handle)) }
}

/// Owns one PangoFontDescription (freed with pango_font_description_free in deinit).
final class PangoFontDescriptionHandle {
    let handle: OpaquePointer

    init(style: TextStyle) {
        // pango_font_description_new never returns NULL.
        handle = pango_font_description_new()
        pango_font_description_set_family(handle, style.family)
        // Size in points × PANGO_SCALE; with the context at 72 dpi one point is one user unit.
        pango_font_description_set_size(handle, Int32((style.size * Double(PANGO_SCALE)).rounded()))
        pango_font_description_set_weight(handle, style.weight == .bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(handle, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
    }

    init(owning handle: OpaquePointer) { self.handle = handle }

    deinit { pango_font_description_free(handle) }
}
