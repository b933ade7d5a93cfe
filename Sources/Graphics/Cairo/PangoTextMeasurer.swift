import CCairo

/// Measures text with Pango exactly as the Cairo renderers set it (same font map settings, same
/// wrapping and alignment), so that boxes sized with it hold the rendered text.
///
/// Not Sendable (it owns Pango objects): make one per task.
public final class PangoTextMeasurer: TextMeasurer {
    private let setter = PangoTextSetter()

    public init() {}

    /// The logical size of `text` in `style`, wrapped at `width` points when given.
    public func measure(_ text: String, style: TextStyle, width: Double?) -> PageSize {
        setter.size(of: setter.makeLayout(text, style: style, width: width))
    }

    /// The number of lines `text` takes when wrapped at `width`.
    public func lineCount(_ text: String, style: TextStyle, width: Double?) -> Int {
        let layout = setter.makeLayout(text, style: style, width: width)
        return withExtendedLifetime(layout) { Int(pango_layout_get_line_count(layout.handle)) }
    }
}
