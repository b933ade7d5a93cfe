import Foundation
import GeoModel
import Testing

@testable import Atlas

/// The atlas page's escaping and the screen simplification of shapes, by hand.
@Suite struct AtlasPageTests {
    @Test func dataCannotEndItsScriptElement() {
        let json = #"{"name":"</script><script>alert(1)</script> & <!-- \#u{2028}"}"#
        let escaped = AtlasPage.escapeScriptData(json)
        #expect(!escaped.contains("<") && !escaped.contains(">") && !escaped.contains("&"))
        #expect(escaped.contains(#"\u003c/script\u003e"#))
        #expect(escaped.contains(#"\u2028"#))
        // Still the same JSON value once parsed.
        let a = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
        let b = try? JSONSerialization.jsonObject(with: Data(escaped.utf8)) as? [String: String]
        #expect(a != nil && a == b)
        #expect(AtlasPage.escapeText("Fish & <Chips>") == "Fish &amp; &lt;Chips&gt;")
    }

    @Test func pageInlinesLeafletAndAsksForNothing() throws {
        let content = AtlasContent(
            title: "T <b>", subtitle: "s", sources: ["src"], areaSingular: "tract", areaPlural: "tracts",
            fields: ["Locations"], areas: [], layers: [])
        let html = try AtlasPage.html(content)
        #expect(html.contains("<title>T &lt;b&gt;</title>"))
        #expect(html.contains("default-src 'none'"))
        // Leaflet's stylesheet keeps no url(...), and no source-map comment is left: nothing to fetch.
        let styles = html.components(separatedBy: "<style>").dropFirst().map {
            $0.components(separatedBy: "</style>")[0]
        }
        #expect(styles.count == 2 && styles.allSatisfy { !$0.contains("url(") })
        #expect(!html.contains("sourceMappingURL"))
        #expect(html.contains("Vladimir Agafonkin"))
        #expect(!html.contains("<script src"))
        #expect(!html.contains("<link"))
    }

    @Test func missingLeafletNamesTheFileAndThePackage() {
        let content = AtlasContent(
            title: "T", subtitle: "", sources: [], areaSingular: "tract", areaPlural: "tracts", fields: [], areas: [],
            layers: [])
        do {
            _ = try AtlasPage.html(content, leaflet: "/nonexistent")
            Issue.record("no error")
        } catch {
            #expect("\(error)".contains("/nonexistent/leaflet.min.js"))
            #expect("\(error)".contains("libjs-leaflet"))
        }
    }

    @Test func simplificationKeepsCornersAndDropsWhatIsWithinTolerance() {
        // A 1 × 1 square with a point 0.0004 off its bottom edge and a closing point: at tolerance 0.001
        // the bump goes; at 0.0001 it stays.
        let ring = [
            Point(x: 0, y: 0), Point(x: 0.5, y: -0.0004), Point(x: 1, y: 0), Point(x: 1, y: 1), Point(x: 0, y: 1),
            Point(x: 0, y: 0),
        ]
        #expect(AtlasShape.simplify(ring, tolerance: 0.001) == [ring[0], ring[2], ring[3], ring[4], ring[5]])
        #expect(AtlasShape.simplify(ring, tolerance: 0.0001) == ring)
        // A sliver that collapses below a triangle keeps its polygon unsimplified, so the area stays drawn.
        let sliver = MultiPolygon(polygons: [
            Polygon(exterior: [
                Point(x: 0, y: 0), Point(x: 1, y: 0.000001), Point(x: 2, y: 0), Point(x: 1, y: -0.000001),
                Point(x: 0, y: 0),
            ])
        ])
        let kept = AtlasShape.coordinates(sliver, tolerance: 0.1)
        #expect(kept.count == 1 && kept[0][0].count == 5)
        // Coordinates round to 5 decimals.
        let square = MultiPolygon(polygons: [
            Polygon(exterior: [
                Point(x: -70.123456789, y: 44.0), Point(x: -70.0, y: 44.0), Point(x: -70.0, y: 44.1),
                Point(x: -70.123456789, y: 44.1), Point(x: -70.123456789, y: 44.0),
            ])
        ])
        #expect(AtlasShape.coordinates(square, tolerance: 0.00001)[0][0][0] == [-70.12346, 44.0])
    }
}
