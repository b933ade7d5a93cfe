import Foundation
import GeoModel
import Graphics
import TestSupport
import Testing

@testable import Maps

/// A choropleth of Maine's 16 counties from the real county GeoJSON (Census 2010 cartographic
/// boundaries, see data-real/us-counties-fips/PROVENANCE.md), read with JSONSerialization and
/// projected with a local equal-area approximation (no GDAL in Maps).
///
/// Values: each county's share of the state's land area (`CENSUSAREA` / Σ `CENSUSAREA`). Expected
/// classes were computed independently with Python from the same file:
/// `mapclassify.Quantiles(shares, k=5)` → bins [0.015171292292886768 (Androscoggin),
/// 0.02812716550892404 (Kennebec), 0.055008048361693866 (Franklin), 0.11015045493580489 (Penobscot),
/// 0.2163001865938582 (Aroostook)], counts [4, 3, 3, 3, 3]. By hand: n = 16, idx = p/100·15 = 3, 6,
/// 9, 12, 15 — whole numbers, so the bins are the 4th, 7th, 10th, 13th and 16th smallest shares.
struct MaineCountiesMapTests {
    struct County {
        let fips: String
        let name: String
        let landSquareMiles: Double
        let geometry: MultiPolygon
    }

    /// Maine's counties (STATE "23"), lon/lat projected to metres, sorted by FIPS.
    static func maineCounties() throws -> [County] {
        let path = TestPaths.realData("us-counties-fips/geojson-counties-fips.json")
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let features = try #require(root["features"] as? [[String: Any]])
        var counties: [County] = []
        for feature in features {
            let props = try #require(feature["properties"] as? [String: Any])
            guard props["STATE"] as? String == "23" else { continue }
            let geometry = try #require(feature["geometry"] as? [String: Any])
            let type = try #require(geometry["type"] as? String)
            let coordinates = try #require(geometry["coordinates"] as? [Any])
            let polygons = type == "Polygon" ? [coordinates] : try coordinates.map { try #require($0 as? [Any]) }
            let shape = MultiPolygon(
                polygons: try polygons.map { rings in
                    Polygon(
                        rings: try rings.map { ring in
                            try #require(ring as? [Any]).map { position in
                                let pair = try #require(position as? [Any])
                                let lon = try #require((pair[0] as? NSNumber)?.doubleValue)
                                let lat = try #require((pair[1] as? NSNumber)?.doubleValue)
                                return project(lon: lon, lat: lat)
                            }
                        })
                })
            counties.append(
                County(
                    fips: try #require(feature["id"] as? String), name: try #require(props["NAME"] as? String),
                    landSquareMiles: try #require((props["CENSUSAREA"] as? NSNumber)?.doubleValue),
                    geometry: shape))
        }
        return counties.sorted { $0.fips < $1.fips }
    }

    /// Lambert cylindrical equal-area on the authalic sphere (R = 6,371,007.2 m, the GRS80 authalic
    /// radius) with standard parallel 45.25° N and central meridian 69° W, the middle of Maine:
    /// x = R·Δλ·cos φ0, y = R·(sin φ − sin φ0)/cos φ0. Equal-area everywhere; shape is true along 45.25° N.
    static func project(lon: Double, lat: Double) -> Point {
        let r = 6_371_007.2
        let phi0 = 45.25 * Double.pi / 180
        let lambda0 = -69.0 * Double.pi / 180
        let phi = lat * Double.pi / 180
        let lambda = lon * Double.pi / 180
        return Point(x: r * (lambda - lambda0) * cos(phi0), y: r * (sin(phi) - sin(phi0)) / cos(phi0))
    }

    static func map(_ counties: [County], noData: Set<String> = []) -> ChoroplethMap {
        let total = counties.reduce(0) { $0 + $1.landSquareMiles }
        return ChoroplethMap(
            title: "Maine counties by land area",
            subtitle: "Share of the state's land area, quantiles",
            areas: counties.map {
                MapArea(
                    id: AreaID($0.fips), geometry: $0.geometry,
                    value: noData.contains($0.fips) ? nil : $0.landSquareMiles / total)
            },
            legendTitle: "Share of land area", areaNoun: .counties,
            source: "Source: U.S. Census Bureau 2010 cartographic boundary counties (via plotly/datasets).")
    }

    /// mapclassify's class per county (Python, see the type comment).
    static let expectedClass: [String: Int] = [
        "23001": 0, "23003": 4, "23005": 1, "23007": 2, "23009": 2, "23011": 1, "23013": 0, "23015": 0,
        "23017": 3, "23019": 3, "23021": 4, "23023": 0, "23025": 4, "23027": 1, "23029": 3, "23031": 2,
    ]

    let measurer = FixedAdvanceMeasurer()

    @Test func sixteenCountiesClassifiedIntoFiveQuantiles() throws {
        let counties = try Self.maineCounties()
        #expect(counties.count == 16)
        let drawing = try Self.map(counties).draw(size: PageSize(width: 540, height: 640), measurer: measurer)

        // All 16 areas classified, as mapclassify classed them.
        #expect(drawing.areaClasses.compactMap { $0 }.count == 16)
        for (county, cls) in zip(counties, drawing.areaClasses) {
            #expect(cls == Self.expectedClass[county.fips], "\(county.name)")
        }
        let c = drawing.classification
        #expect(c.counts == [4, 3, 3, 3, 3])
        let expectedBreaks = [
            0.015171292292886768, 0.02812716550892404, 0.055008048361693866, 0.11015045493580489, 0.2163001865938582,
        ]
        #expect(zip(c.breaks, expectedBreaks).allSatisfy { abs($0 - $1) < 1e-15 })

        // One even-odd fill per class in ColorBrewer YlOrRd 5; rings = polygons of the counties in it
        // (Python over the file: class 0 Androscoggin 1 + Knox 5 + Lincoln 3 + Sagadahoc 1 = 10;
        // class 1 Cumberland 6 + Kennebec 1 + Waldo 2 = 9; class 2 Franklin 1 + Hancock 10 + York 1 = 12;
        // class 3 Oxford 1 + Penobscot 1 + Washington 2 = 4; class 4 Aroostook, Piscataquis, Somerset = 3;
        // 38 polygons, none with holes).
        let yOrRd5 = ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"].map { Color(hex: $0)! }
        let fills = Inspect.evenOddFills(drawing.displayList)
        #expect(fills.map(\.1) == yOrRd5)
        #expect(fills.map { Inspect.rings($0.0) } == [10, 9, 12, 4, 3])
        let boundaries = Inspect.strokes(drawing.displayList).filter { $0.1.color == .white }
        // One boundary stroke; shared edges between counties are drawn once (SharedBoundariesTests),
        // so it has fewer segments than the 38 rings of the fills have edges (lines plus closing edges).
        #expect(boundaries.count == 1)
        let ringEdges = fills.reduce(0) { $0 + SharedBoundariesTests.segments($1.0) + Inspect.rings($1.0) }
        let strokeSegments = boundaries.first.map { SharedBoundariesTests.segments($0.0) } ?? 0
        #expect(strokeSegments > 0 && strokeSegments < ringEdges)

        // Legend: percent ranges with one decimal (Sagadahoc, the smallest, is 0.82 %) and counts.
        #expect(
            drawing.legend.map(\.label) == [
                "0.8% – 1.5%", "1.5% – 2.8%", "2.8% – 5.5%", "5.5% – 11.0%", "11.0% – 21.6%",
            ])
        #expect(
            drawing.legend.map(\.countText) == ["4 counties", "3 counties", "3 counties", "3 counties", "3 counties"])

        // Layout: inside the canvas, legend and scale bars beside/below the map; Maine is taller
        // than wide (about 330 × 510 km), so the map is fitted by height.
        #expect(Inspect.outsideCanvas(drawing.displayList, measurer: measurer) == [])
        let p = try #require(drawing.projection)
        #expect(p.world.height > p.world.width)
        #expect(!drawing.layout.legend.intersects(p.rect) && !drawing.layout.scaleBar.intersects(p.rect))
        // The bounding box spans 66.95–71.08° W: ≈ 4.13° · 111.2 km · cos 45.25° ≈ 323 km wide.
        #expect(abs(p.world.width / 1000 - 323) < 5)
        #expect(
            drawing.scaleBars.map(\.label).allSatisfy {
                ["10 km", "20 km", "50 km", "5 mi", "10 mi", "20 mi"].contains($0)
            })
    }

    @Test func aCountyWithoutDataIsHatchedAndListed() throws {
        // Sagadahoc (23023) without a value: 15 shares, k = 5, idx = p/100·14 = 2.8, 5.6, 8.4, 11.2, 14.
        // First bin: sorted[2]·.2 + sorted[3]·.8 = Androscoggin .015171·.2 + Waldo .023666·.8 = .021967;
        // mapclassify: bins [0.021966783109370024, 0.030523611526702576, 0.05993924116725254,
        // 0.11356803633689326, 0.2163001865938582], counts [3, 3, 3, 3, 3].
        let counties = try Self.maineCounties()
        let drawing = try Self.map(counties, noData: ["23023"]).draw(
            size: PageSize(width: 612, height: 500), measurer: measurer)
        let expectedBreaks = [
            0.021966783109370024, 0.030523611526702576, 0.05993924116725254, 0.11356803633689326, 0.2163001865938582,
        ]
        #expect(zip(drawing.classification.breaks, expectedBreaks).allSatisfy { abs($0 - $1) < 1e-15 })
        #expect(drawing.classification.counts == [3, 3, 3, 3, 3])
        #expect(
            drawing.legend.map(\.label) == [
                "1.2% – 2.2%", "2.2% – 3.1%", "3.1% – 6.0%", "6.0% – 11.4%", "11.4% – 21.6%", "No data",
            ])
        #expect(drawing.legend.last?.countText == "1 county")
        let grey = Inspect.evenOddFills(drawing.displayList).filter { $0.1 == Color(hex: "#d9d9d9")! }
        #expect(grey.count == 1 && grey.first.map { Inspect.rings($0.0) } == 1)
        #expect(Inspect.outsideCanvas(drawing.displayList, measurer: measurer) == [])
    }
}
