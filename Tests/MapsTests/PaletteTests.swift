import Graphics
import Testing

@testable import Maps

struct PaletteTests {
    @Test func ylOrRdFiveIsColorBrewers() throws {
        // ColorBrewer 2.0 (colorbrewer2.org), sequential YlOrRd, 5 classes.
        let hex = try Palette.ylOrRd.colors(count: 5).map(\.hex)
        #expect(hex == ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"])
    }

    @Test func everyPaletteHasOneToSevenDistinctColours() throws {
        for palette in Palette.all {
            for k in 1...7 {
                let colors = try palette.colors(count: k)
                #expect(colors.count == k, "\(palette) \(k)")
                #expect(Set(colors).count == k, "\(palette) \(k) has repeated colours")
            }
            #expect(throws: (any Error).self) { try palette.colors(count: 8) }
            #expect(throws: (any Error).self) { try palette.colors(count: 0) }
        }
    }

    @Test func viridisMatchesMatplotlib() throws {
        // matplotlib 3.11.2: [to_hex(c) for c in colormaps["viridis"](np.linspace(0, 1, 5))]
        #expect(
            try Palette.viridis.colors(count: 5).map(\.hex) == ["#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"])
        #expect(
            try Palette.viridis.colors(count: 7).map(\.hex)
                == ["#440154", "#443983", "#31688e", "#21918c", "#35b779", "#90d743", "#fde725"])
    }

    @Test func sequentialPalettesGetDarker() throws {
        // Relative luminance (sRGB weights, no gamma: enough to order ColorBrewer steps) must fall
        // class by class for the ColorBrewer schemes and rise for viridis.
        func luma(_ c: Color) -> Double { 0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue }
        for palette in [Palette.ylOrRd, .blues, .greens, .purples, .ylGnBu] {
            for k in 3...7 {
                let l = try palette.colors(count: k).map(luma)
                #expect(zip(l, l.dropFirst()).allSatisfy { $0 > $1 }, "\(palette) \(k)")
            }
        }
        let v = try Palette.viridis.colors(count: 7).map(luma)
        #expect(zip(v, v.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func paletteByName() {
        #expect(Palette.named("ylorrd") == .ylOrRd)
        #expect(Palette.named("Viridis") == .viridis)
        #expect(Palette.named("jet") == nil)
        // A leading "-" reverses a palette, once.
        #expect(Palette.named("-YlOrRd") == Palette.ylOrRd.reversed)
        #expect(Palette.named("-viridis")?.description == "-viridis")
        #expect(Palette.named("--YlOrRd") == nil)
        #expect(Palette.named("-jet") == nil)
        #expect(Palette.named("-") == nil)
        #expect(Palette.namesInWords.contains("YlOrRd, Blues, Greens, Purples, YlGnBu, viridis or RdBu"))
        #expect(Palette.named("rdbu") == .rdBu)
    }

    /// A reversed palette's colours are the published ones in the other order, for every class count
    /// (1 and 2 classes too, taken from the 3-class scheme); reversing twice gives the palette back.
    @Test func reversedOrderIsThePublishedOrderReversed() throws {
        for palette in Palette.all + [.needGroups, .challenge] {
            #expect(palette.reversed.isReversed && !palette.isReversed)
            #expect(palette.reversed.reversed == palette)
            #expect(palette.reversed.description == "-" + palette.name)
            for k in palette.classCounts where (try? palette.colors(count: k)) != nil {
                #expect(try palette.reversed.colors(count: k) == palette.colors(count: k).reversed(), "\(palette) \(k)")
            }
        }
        // By hand: ColorBrewer YlOrRd 5 from dark red to light yellow.
        #expect(
            try Palette.ylOrRd.reversed.colors(count: 5).map(\.hex) == [
                "#bd0026", "#f03b20", "#fd8d3c", "#fecc5c", "#ffffb2",
            ])
    }

    @Test func valueFormats() {
        #expect(ValueFormat.default.string(0.125) == "12.5%")
        #expect(ValueFormat.default.string(0.3) == "30.0%")
        #expect(ValueFormat.default.string(0) == "0.0%")
        #expect(ValueFormat.percent(decimals: 0).string(0.995) == "100%")
        #expect(ValueFormat.number(decimals: 0, unit: "locations").string(12345.6) == "12,346 locations")
        #expect(ValueFormat.number(decimals: 2, unit: nil).string(-1234567.891) == "-1,234,567.89")
        #expect(ValueFormat.number(decimals: 1, unit: nil).string(-0.01) == "0.0")
    }
}
