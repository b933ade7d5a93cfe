import Foundation
import GeoModel

/// The atlas as one HTML file: Leaflet (Debian's libjs-leaflet, inlined with its licence), the
/// atlas's own script and style, and the content as JSON, all in the page. A Content-Security-Policy
/// allows no request of any kind (no network, no file, no CDN), only the inline script and style.
public enum AtlasPage {
    /// Where Debian's libjs-leaflet puts Leaflet.
    public static let leafletDirectory = "/usr/share/javascript/leaflet"

    /// Leaflet's licence (BSD 2-Clause, as its LICENSE file states it), carried in the page with the code.
    static let leafletLicence = """
        Leaflet, https://leafletjs.com. Copyright (c) 2010-2019, Vladimir Agafonkin; Copyright (c) 2010-2011, CloudMade.
        All rights reserved. Redistribution and use in source and binary forms, with or without modification, are
        permitted provided that the following conditions are met: 1. Redistributions of source code must retain the
        above copyright notice, this list of conditions and the following disclaimer. 2. Redistributions in binary form
        must reproduce the above copyright notice, this list of conditions and the following disclaimer in the
        documentation and/or other materials provided with the distribution. THIS SOFTWARE IS PROVIDED BY THE
        COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED
        TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT
        SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY,
        OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF
        USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN
        CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF
        THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
        """

    /// The page for `content`.
    /// - Parameter leaflet: the folder holding `leaflet.min.js` (or `leaflet.js`) and `leaflet.css`.
    /// - Throws: `LastmileError.io` naming the file and the Debian package when Leaflet is missing;
    ///   `.failed` when the content cannot be encoded.
    public static func html(_ content: AtlasContent, leaflet: String = leafletDirectory) throws -> String {
        // A source-map comment would make a browser's developer tools ask for the map file.
        let sourceMap = #"/[/*]# sourceMappingURL=[^\s*]*( \*/)?"#
        let script = try leafletFile(["leaflet.min.js", "leaflet.js"], in: leaflet)
            .replacingOccurrences(of: sourceMap, with: "", options: .regularExpression)
        let style = try leafletFile(["leaflet.css"], in: leaflet)
            .replacingOccurrences(of: sourceMap, with: "", options: .regularExpression)
            // Leaflet's stylesheet points at icon images beside it; the atlas uses none of them.
            .replacingOccurrences(of: #"url\([^)]*\)"#, with: "none", options: .regularExpression)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json: String
        do {
            json = String(decoding: try encoder.encode(content), as: UTF8.self)
        } catch {
            throw LastmileError.failed("cannot encode the atlas content: \(error)")
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escapeText(content.title))</title>
            <style>\(style)</style>
            <style>\(String(decoding: PackageResources.atlas_css, as: UTF8.self))</style>
            </head>
            <body>
            <div id="panel">
            <h1 id="title"></h1>
            <p id="subtitle"></p>
            <label for="search">Find an area</label>
            <input id="search" type="search" placeholder="Name or GEOID" autocomplete="off">
            <ul id="results"></ul>
            <fieldset id="layers"><legend>Map</legend></fieldset>
            <div id="legend"></div>
            <footer id="sources"></footer>
            </div>
            <div id="map"></div>
            <script type="application/json" id="atlas-data">\(escapeScriptData(json))</script>
            <script>
            /* \(leafletLicence) */
            \(script)
            </script>
            <script>\(String(decoding: PackageResources.atlas_js, as: UTF8.self))</script>
            </body>
            </html>

            """
    }

    static func leafletFile(_ names: [String], in folder: String) throws -> String {
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            if let data = FileManager.default.contents(atPath: path) { return String(decoding: data, as: UTF8.self) }
        }
        throw LastmileError.io(
            path: (folder as NSString).appendingPathComponent(names[0]),
            "cannot read Leaflet, which the atlas inlines: install Debian's libjs-leaflet (make deps does)")
    }

    /// Text for an HTML element's content: `&`, `<` and `>` as entities.
    static func escapeText(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// JSON inside a `<script>` element: `<`, `>` and `&` as JSON escapes, so that no string in the data
    /// (an area named `</script><script>…`) can end the element or open a comment; U+2028 and U+2029 too.
    static func escapeScriptData(_ json: String) -> String {
        var out = ""
        out.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
