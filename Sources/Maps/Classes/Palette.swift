import GeoModel
import Graphics

/// A sequential colour scheme for a choropleth: light for low values, dark for high (viridis: dark
/// purple for low, yellow for high), or the other way round when reversed ("-YlOrRd").
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
    /// True when the colours run the other way: the published last colour for the lowest class.
    public let isReversed: Bool

    init(name: String, schemes: [Int: [String]], isReversed: Bool = false) {
        self.name = name
        self.schemes = schemes
        self.isReversed = isReversed
    }

    /// The same colours in the other order (reversing twice gives the published order again).
    public var reversed: Palette { Palette(name: name, schemes: schemes, isReversed: !isReversed) }

    /// The colours of every palette by name and class count, from `palettes.tsv` beside this file
    /// (embedded in the binary): one line a palette and class count, the hex colours lightest first.
    static let table: [String: [Int: [String]]] = {
        var out: [String: [Int: [String]]] = [:]
        let lines = String(decoding: PackageResources.palettes_tsv, as: UTF8.self).split(separator: "\n")
        for (i, line) in lines.dropFirst().enumerated() {
            let f = line.split(separator: "\t").map(String.init)
            let colours = f.count == 3 ? f[2].split(separator: " ").map(String.init) : []
            guard f.count == 3, let k = Int(f[1]), colours.count == k, colours.allSatisfy({ Color(hex: $0) != nil })
            else {
                preconditionFailure("palettes.tsv, line \(i + 2): expected name, class count and that many colours")
            }
            out[f[0], default: [:]][k] = colours
        }
        return out
    }()

    /// The palette `name` of `table`.
    init(fromTable name: String) {
        guard let schemes = Self.table[name] else { preconditionFailure("palettes.tsv has no palette \(name)") }
        self.init(name: name, schemes: schemes)
    }

    /// The name as a study writes it: "YlOrRd", or "-YlOrRd" reversed.
    public var description: String { (isReversed ? "-" : "") + name }

    /// The class counts this palette has colours for.
    public var classCounts: ClosedRange<Int> { 1...(schemes.keys.max() ?? 3) }

    /// The colours for `count` classes, for the lowest class first: lightest first as published, darkest
    /// first when reversed.
    ///
    /// ColorBrewer publishes 3–7 classes; for 1 or 2 classes (quantile bins collapsed by ties) the
    /// middle, or the first and last, colours of the 3-class scheme are used.
    /// - Throws: `LastmileError.usage` for a count outside 1...7.
    public func colors(count: Int) throws -> [Color] {
        let hexes: [String]
        if let published = schemes[count] {
            hexes = published
        } else if let three = schemes[3], count == 1 || count == 2 {
            hexes = count == 1 ? [three[1]] : [three[0], three[2]]
        } else {
            throw LastmileError.usage(
                "palette \(name) has colours for 1 to \(classCounts.upperBound) classes, not \(count)")
        }
        return (isReversed ? hexes.reversed() : hexes).map { Color(hex: $0)! }
    }

    /// A palette by its name (case-insensitive), as a study file names it; a leading "-" reverses it
    /// ("-YlOrRd": dark red for the lowest values).
    public static func named(_ name: String) -> Palette? {
        if name.hasPrefix("-") { return named(String(name.dropFirst())).flatMap { $0.isReversed ? nil : $0.reversed } }
        return all.first { $0.name.lowercased() == name.lowercased() }
    }

    /// The names `named` takes, in words for an error message: "YlOrRd, Blues, … or viridis, each
    /// reversed with a leading - (-YlOrRd)".
    public static var namesInWords: String {
        let names = all.map(\.name)
        return names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
            + ", each reversed with a leading - (-\(names[0]))"
    }

    /// Every built-in palette.
    public static let all: [Palette] = [.ylOrRd, .blues, .greens, .purples, .ylGnBu, .viridis, .rdBu]

    // ColorBrewer 2.0, colorbrewer2.org, Cynthia A. Brewer (Pennsylvania State University).

    /// ColorBrewer sequential YlOrRd (yellow–orange–red); the default for shares of unserved locations.
    public static let ylOrRd = Palette(fromTable: "YlOrRd")

    /// ColorBrewer sequential Blues.
    public static let blues = Palette(fromTable: "Blues")

    /// ColorBrewer sequential Greens.
    public static let greens = Palette(fromTable: "Greens")

    /// ColorBrewer sequential Purples.
    public static let purples = Palette(fromTable: "Purples")

    /// ColorBrewer sequential YlGnBu (yellow–green–blue).
    public static let ylGnBu = Palette(fromTable: "YlGnBu")

    /// Viridis (matplotlib's perceptually uniform default colormap, CC0), sampled at i/(k-1):
    /// index min(255, ⌊256·i/(k-1)⌋) of the 256-entry table.
    public static let viridis = Palette(fromTable: "viridis")

    /// ColorBrewer diverging RdBu (red – near-white – blue), in ColorBrewer's order: for a difference
    /// that can fall either side of zero (classes from `ClassificationScheme.diverging`); reversed
    /// ("-RdBu") when the high end is the bad one.
    public static let rdBu = Palette(fromTable: "RdBu")

    /// Four categories for the need-groups map, in `NeedGroup` order: both gaps (ColorBrewer Reds' darkest
    /// red), network only (YlOrRd orange), adoption only (Purples), neither (Greys' light grey). Not a
    /// sequence: each class is a category, so the colours differ in hue as well as lightness.
    public static let needGroups = Palette(fromTable: "need groups")

    /// Two categories for the challenge-candidates map: a candidate (YlOrRd's darkest red) and an area whose
    /// tests agree with the availability files (Greys' light grey).
    public static let challenge = Palette(fromTable: "challenge")
}
