import Graphics

/// A choropleth's classes as a style QGIS applies to a layer: QML (QGIS's own style XML, a graduated
/// or categorized renderer) and SLD 1.0 (OGC Styled Layer Descriptor, for any other GIS), with the
/// same colours, breaks and legend labels as the drawn map. Stored in a GeoPackage's `layer_styles`
/// table, QGIS opens the layer styled.
public struct QGISStyle: Hashable, Sendable {
    public var qml: String
    public var sld: String

    /// How features find their class: by a numeric field against the map's breaks, or by a text field
    /// whose value is given per class (categorical maps: the field's value of each legend class).
    public enum Attribute: Hashable, Sendable {
        case graduated(field: String)
        case categorized(field: String, values: [String])
    }

    /// The style of `map`'s classes for the layer `layer`.
    /// - Throws: what `ChoroplethMap.classes()` throws.
    /// - Parameter aliases: field name and alias pairs, in the layer's field order: QGIS shows the alias
    ///   in place of the name (attribute table, identify results, forms).
    public init(map: ChoroplethMap, layer: String, attribute: Attribute, aliases: [(field: String, alias: String)] = [])
        throws
    {
        let (classification, _, legend) = try map.classes()
        let entries = legend.filter { $0.classIndex != nil }
        var ranges = ""
        var categories = ""
        var symbols = ""
        var rules = ""
        for entry in entries {
            let j = entry.classIndex!
            let label = Self.xml(entry.label)
            symbols += Self.qmlSymbol(name: String(j), color: entry.color, outline: map.style.boundary.color)
            let filter: String
            switch attribute {
            case .graduated(let field):
                let lower = classification.lowerBound(ofClass: j) ?? -Double.greatestFiniteMagnitude
                let upper = classification.breaks[j]
                ranges +=
                    #"      <range render="true" symbol="\#(j)" lower="\#(Self.number(lower))" upper="\#(Self.number(upper))" label="\#(label)"/>"#
                    + "\n"
                // SLD: the first class takes its lower end, the others start above the previous break.
                let above = j == 0 ? "PropertyIsGreaterThanOrEqualTo" : "PropertyIsGreaterThan"
                filter = """
                    <ogc:And><ogc:\(above)><ogc:PropertyName>\(Self.xml(field))</ogc:PropertyName><ogc:Literal>\(Self.number(lower))</ogc:Literal></ogc:\(above)><ogc:PropertyIsLessThanOrEqualTo><ogc:PropertyName>\(Self.xml(field))</ogc:PropertyName><ogc:Literal>\(Self.number(upper))</ogc:Literal></ogc:PropertyIsLessThanOrEqualTo></ogc:And>
                    """
            case .categorized(let field, let values):
                let value = j < values.count ? Self.xml(values[j]) : ""
                categories +=
                    #"      <category render="true" symbol="\#(j)" value="\#(value)" label="\#(label)"/>"# + "\n"
                filter =
                    "<ogc:PropertyIsEqualTo><ogc:PropertyName>\(Self.xml(field))</ogc:PropertyName><ogc:Literal>\(value)</ogc:Literal></ogc:PropertyIsEqualTo>"
            }
            rules += """
                      <se:Rule>
                        <se:Name>\(label)</se:Name>
                        <se:Description><se:Title>\(label)</se:Title></se:Description>
                        <ogc:Filter xmlns:ogc="http://www.opengis.net/ogc">\(filter)</ogc:Filter>
                        <se:PolygonSymbolizer>
                          <se:Fill><se:SvgParameter name="fill">\(entry.color.hex)</se:SvgParameter></se:Fill>
                          <se:Stroke><se:SvgParameter name="stroke">\(map.style.boundary.color.hex)</se:SvgParameter><se:SvgParameter name="stroke-width">0.4</se:SvgParameter></se:Stroke>
                        </se:PolygonSymbolizer>
                      </se:Rule>

                """
        }
        let renderer: String
        switch attribute {
        case .graduated(let field):
            renderer =
                #"  <renderer-v2 type="graduatedSymbol" attr="\#(Self.xml(field))" graduatedMethod="GraduatedColor" symbollevels="0" enableorderby="0" forceraster="0">"#
                + "\n    <ranges>\n\(ranges)    </ranges>\n"
        case .categorized(let field, _):
            renderer =
                #"  <renderer-v2 type="categorizedSymbol" attr="\#(Self.xml(field))" symbollevels="0" enableorderby="0" forceraster="0">"#
                + "\n    <categories>\n\(categories)    </categories>\n"
        }
        let aliasLines = aliases.enumerated().map { i, a in
            #"    <alias field="\#(Self.xml(a.field))" index="\#(i)" name="\#(Self.xml(a.alias))"/>"# + "\n"
        }.joined()
        qml = """
            <!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
            <qgis version="3.22.0" styleCategories="Symbology|Fields">
            \(renderer)    <symbols>
            \(symbols)    </symbols>
              </renderer-v2>
              <aliases>
            \(aliasLines)  </aliases>
            </qgis>

            """
        sld = """
            <?xml version="1.0" encoding="UTF-8"?>
            <StyledLayerDescriptor xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc" xmlns:se="http://www.opengis.net/se" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="1.1.0" xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd">
              <NamedLayer>
                <se:Name>\(Self.xml(layer))</se:Name>
                <UserStyle>
                  <se:Name>\(Self.xml(map.title))</se:Name>
                  <se:FeatureTypeStyle>
            \(rules)      </se:FeatureTypeStyle>
                </UserStyle>
              </NamedLayer>
            </StyledLayerDescriptor>

            """
    }

    /// One QGIS fill symbol: the class colour, a thin outline.
    static func qmlSymbol(name: String, color: Color, outline: Color) -> String {
        func rgba(_ c: Color) -> String {
            [c.red, c.green, c.blue, c.alpha].map { String(Int(($0 * 255).rounded())) }.joined(separator: ",")
        }
        return """
                  <symbol type="fill" name="\(name)" alpha="1" clip_to_extent="1" force_rhr="0">
                    <layer class="SimpleFill" enabled="1" locked="0" pass="0">
                      <Option type="Map">
                        <Option name="color" type="QString" value="\(rgba(color))"/>
                        <Option name="outline_color" type="QString" value="\(rgba(outline))"/>
                        <Option name="outline_style" type="QString" value="solid"/>
                        <Option name="outline_width" type="QString" value="0.1"/>
                        <Option name="outline_width_unit" type="QString" value="MM"/>
                        <Option name="style" type="QString" value="solid"/>
                      </Option>
                    </layer>
                  </symbol>

            """
    }

    /// A break as XML text: the shortest decimal that reads back as the same double.
    static func number(_ x: Double) -> String { "\(x)" }

    /// Text for an XML attribute or element: the five predefined entities.
    static func xml(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&apos;")
    }
}
