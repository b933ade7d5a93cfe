import GeoModel
import Graphics

/// A sequential colour scheme for a choropleth: light for low values, dark for high (viridis: dark
/// purple for low, yellow for high).
///
/// The ColorBrewer schemes are by Cynthia A. Brewer, Geography, Pennsylvania State University,
/// colorbrewer2.org (Apache License 2.0), copied as published for 3–7 classes. Viridis is by
/// Stéfan van der Walt and Nathaniel Smith (matplotlib, CC0); its k colours are samples of the
/// 256-entry matplotlib colormap at i/(k-1), which `matplotlib.colormaps["viridis"](np.linspace(0, 1, k))`
/// reproduces (checked with matplotlib 3.11).
public struct Palette: Hashable, Sendable, CustomStringConvertible {
    /// The scheme's name as ColorBrewer/matplotlib print it ("YlOrRd", "viridis").
    public let name: String
    /// Hex colours for 3, 4, 5, 6 and 7 classes.
    let schemes: [Int: [String]]

    init(name: String, schemes: [Int: [String]]) {
        self.name = name
        self.schemes = schemes
    }

    public var description: String { name }

    /// The class counts this palette has colours for.
    public var classCounts: ClosedRange<Int> { 1...(schemes.keys.max() ?? 3) }

    /// The colours for `count` classes, lightest (lowest) first.
    ///
    /// ColorBrewer publishes 3–7 classes; for 1 or 2 classes (quantile bins collapsed by ties) the
    /// middle, or the first and last, colours of the 3-class scheme are used.
    /// - Throws: `LastmileError.usage` for a count outside 1...7.
    public func colors(count: Int) throws -> [Color] {
        let hexes: [String]
        switch count {
        case 1: hexes = [schemes[3]![1]]
        case 2: hexes = [schemes[3]![0], schemes[3]![2]]
        case 3...7 where schemes[count] != nil: hexes = schemes[count]!
        default:
            throw LastmileError.usage(
                "palette \(name) has colours for 1 to \(classCounts.upperBound) classes, not \(count)")
        }
        return hexes.map { Color(hex: $0)! }
    }

    /// A palette by its name (case-insensitive), as a study file names it.
    public static func named(_ name: String) -> Palette? {
        all.first { $0.name.lowercased() == name.lowercased() }
    }

    /// Every built-in palette.
    public static let all: [Palette] = [.ylOrRd, .blues, .greens, .purples, .ylGnBu, .viridis]

    // ColorBrewer 2.0, colorbrewer2.org, Cynthia A. Brewer (Pennsylvania State University).

    /// ColorBrewer sequential YlOrRd (yellow–orange–red); the default for shares of unserved locations.
    public static let ylOrRd = Palette(
        name: "YlOrRd",
        schemes: [
            3: ["#ffeda0", "#feb24c", "#f03b20"],
            4: ["#ffffb2", "#fecc5c", "#fd8d3c", "#e31a1c"],
            5: ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"],
            6: ["#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026"],
            7: ["#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026"],
        ])

    /// ColorBrewer sequential Blues.
    public static let blues = Palette(
        name: "Blues",
        schemes: [
            3: ["#deebf7", "#9ecae1", "#3182bd"],
            4: ["#eff3ff", "#bdd7e7", "#6baed6", "#2171b5"],
            5: ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"],
            6: ["#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"],
            7: ["#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594"],
        ])

    /// ColorBrewer sequential Greens.
    public static let greens = Palette(
        name: "Greens",
        schemes: [
            3: ["#e5f5e0", "#a1d99b", "#31a354"],
            4: ["#edf8e9", "#bae4b3", "#74c476", "#238b45"],
            5: ["#edf8e9", "#bae4b3", "#74c476", "#31a354", "#006d2c"],
            6: ["#edf8e9", "#c7e9c0", "#a1d99b", "#74c476", "#31a354", "#006d2c"],
            7: ["#edf8e9", "#c7e9c0", "#a1d99b", "#74c476", "#41ab5d", "#238b45", "#005a32"],
        ])

    /// ColorBrewer sequential Purples.
    public static let purples = Palette(
        name: "Purples",
        schemes: [
            3: ["#efedf5", "#bcbddc", "#756bb1"],
            4: ["#f2f0f7", "#cbc9e2", "#9e9ac8", "#6a51a3"],
            5: ["#f2f0f7", "#cbc9e2", "#9e9ac8", "#756bb1", "#54278f"],
            6: ["#f2f0f7", "#dadaeb", "#bcbddc", "#9e9ac8", "#756bb1", "#54278f"],
            7: ["#f2f0f7", "#dadaeb", "#bcbddc", "#9e9ac8", "#807dba", "#6a51a3", "#4a1486"],
        ])

    /// ColorBrewer sequential YlGnBu (yellow–green–blue).
    public static let ylGnBu = Palette(
        name: "YlGnBu",
        schemes: [
            3: ["#edf8b1", "#7fcdbb", "#2c7fb8"],
            4: ["#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"],
            5: ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"],
            6: ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"],
            7: ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"],
        ])

    /// Viridis (matplotlib's perceptually uniform default colormap, CC0), sampled at i/(k-1):
    /// index min(255, ⌊256·i/(k-1)⌋) of the 256-entry table.
    public static let viridis = Palette(
        name: "viridis",
        schemes: [
            3: ["#440154", "#21918c", "#fde725"],
            4: ["#440154", "#31688e", "#35b779", "#fde725"],
            5: ["#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"],
            6: ["#440154", "#414487", "#2a788e", "#22a884", "#7ad151", "#fde725"],
            7: ["#440154", "#443983", "#31688e", "#21918c", "#35b779", "#90d743", "#fde725"],
        ])

    /// Four categories for the need-groups map, in `NeedGroup` order: both gaps (ColorBrewer Reds' darkest
    /// red), network only (YlOrRd orange), adoption only (Purples), neither (Greys' light grey). Not a
    /// sequence: each class is a category, so the colours differ in hue as well as lightness.
    public static let needGroups = Palette(
        name: "need groups",
        schemes: [
            3: ["#a50f15", "#fd8d3c", "#807dba"],
            4: ["#a50f15", "#fd8d3c", "#807dba", "#d9d9d9"],
        ])
}
