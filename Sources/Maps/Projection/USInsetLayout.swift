import GeoModel

/// The classic layout of a map of the United States: the conterminous states in the main frame
/// (EPSG:5070), Alaska (EPSG:3338, at 35 % scale), Hawaii (ESRI:102007) and Puerto Rico with the
/// US Virgin Islands in inset frames, each in its own equal-area projection.
public enum USInsetLayout {
    /// The part of the United States a point (longitude/latitude, degrees) lies in.
    public enum Region: Hashable, Sendable, CaseIterable {
        case conterminous, alaska, hawaii, northwesternHawaii, puertoRico

        /// The region's own equal-area projection.
        public var projection: AlbersEqualArea {
            switch self {
            case .conterminous: .conus
            case .alaska: .alaska
            case .hawaii, .northwesternHawaii: .hawaii
            case .puertoRico: .puertoRico
            }
        }

        /// The region's projection in words, for the line under a map too large for one scale bar.
        public var projectionName: String {
            switch self {
            case .conterminous: "Albers equal-area conic (EPSG:5070)"
            case .alaska: "Alaska Albers equal-area conic (EPSG:3338)"
            case .hawaii, .northwesternHawaii: "Hawaii Albers equal-area conic (ESRI:102007)"
            case .puertoRico: "Albers equal-area conic for Puerto Rico"
            }
        }

        /// The caption of the region's inset.
        public var title: String {
            switch self {
            case .conterminous: "Conterminous United States"
            case .alaska: "Alaska"
            case .hawaii: "Hawaii"
            case .northwesternHawaii: "Northwestern Hawaiian Islands"
            case .puertoRico: "Puerto Rico"
            }
        }

        /// Where the region's inset goes: Puerto Rico to the south-east, the rest to the south-west.
        var corner: MapInset.Corner { self == .puertoRico ? .bottomRight : .bottomLeft }
    }

    /// Alaska's inset scale relative to the main map: at true scale it would be a fifth as wide as the
    /// whole map; about a third of it is the common choice of US Census Bureau and Esri thematic maps.
    public static let alaskaScale = 0.35
    /// The Northwestern Hawaiian Islands stretch 1,900 km from Nihoa to Kure (NOAA Papahānaumokuākea);
    /// at 15 % scale their inset is about half as wide as the main islands (a locator, not a map to measure).
    public static let northwesternHawaiiScale = 0.15
    /// Nihoa, the easternmost of the Northwestern Hawaiian Islands, lies at 161.9° W; Kauaʻi, Niʻihau
    /// and Kaʻula are east of 160.7° W. A shape wholly west of 161° W belongs to the northwestern chain.
    public static let northwesternHawaiiMeridian = -161.0

    /// The region of a longitude/latitude, from boxes drawn round each region with a margin
    /// (Alaska: north of 51° N and west of 130° W or east of 170° E, the western Aleutians;
    /// Hawaii: 15°–30° N, 180°–150° W; Puerto Rico and the US Virgin Islands: 17°–19° N, 68.5°–64° W).
    /// Anything else is conterminous.
    public static func region(ofLongitude lon: Double, latitude lat: Double) -> Region {
        if lat >= 51, lon <= -130 || lon >= 170 { return .alaska }
        if lat >= 15, lat <= 30, lon >= -180, lon <= -150 { return .hawaii }
        if lat >= 17, lat <= 19, lon >= -68.5, lon <= -64 { return .puertoRico }
        return .conterminous
    }

    /// The region of a shape given in longitude/latitude: that of its largest part's centroid; a
    /// Hawaiian shape wholly west of 161° W is in the northwestern chain.
    public static func region(of lonLat: MultiPolygon) -> Region {
        let p = lonLat.labelPoint
        let r = region(ofLongitude: p.x, latitude: p.y)
        if r == .hawaii, lonLat.boundingBox.maxX < northwesternHawaiiMeridian { return .northwesternHawaii }
        return r
    }

    /// A map of US areas split into frames.
    public struct Arrangement: Hashable, Sendable {
        /// The areas in input order; inset areas (and the main ones when re-projected) in their region's projection.
        public var areas: [MapArea]
        public var insets: [MapInset]
        /// The region of the main frame.
        public var mainRegion: Region
        /// Whether the main areas were re-projected with `mainRegion.projection`.
        public var mainReprojected: Bool
    }

    /// Splits areas into a main frame and insets, each region in its own equal-area projection.
    ///
    /// The main frame shows the conterminous states when any area lies there, else the region with the
    /// most areas (Hawaii for a map of Hawaii). Every other region gets an inset: Alaska at 35 % scale and
    /// the Northwestern Hawaiian Islands at 15 % bottom left, Hawaii bottom left, Puerto Rico bottom right.
    ///
    /// - Parameters:
    ///   - areas: each map area (geometry in the caller's main projection) with its shape in longitude/latitude.
    ///   - reprojectMain: re-project the main frame's areas with their region's projection when that
    ///     region is not the conterminous states (callers pass false when the user chose a CRS).
    public static func arrange(_ areas: [(area: MapArea, lonLat: MultiPolygon)], reprojectMain: Bool) -> Arrangement {
        let regions = areas.map { region(of: $0.lonLat) }
        var counts: [Region: Int] = [:]
        for r in regions { counts[r, default: 0] += 1 }
        let main: Region =
            counts[.conterminous] != nil
            ? .conterminous
            : Region.allCases.max { (counts[$0] ?? 0, $1.order) < (counts[$1] ?? 0, $0.order) } ?? .conterminous
        let reproject = reprojectMain && main != .conterminous
        var out: [MapArea] = []
        var ids: [Region: Set<AreaID>] = [:]
        for (item, r) in zip(areas, regions) {
            var area = item.area
            if r != main {
                area.geometry = r.projection.project(item.lonLat)
                ids[r, default: []].insert(area.id)
            } else if reproject {
                area.geometry = r.projection.project(item.lonLat)
            }
            out.append(area)
        }
        var insets: [MapInset] = []
        for r in Region.allCases where r != main {
            guard let set = ids[r] else { continue }
            let scale: Double =
                switch r {
                case .alaska where main == .conterminous: alaskaScale
                case .northwesternHawaii: northwesternHawaiiScale
                default: 1
                }
            insets.append(MapInset(title: r.title, areaIDs: set, scale: scale, corner: r.corner))
        }
        return Arrangement(areas: out, insets: insets, mainRegion: main, mainReprojected: reproject)
    }
}

extension USInsetLayout.Region {
    /// Declaration order, for deterministic ties.
    var order: Int { Self.allCases.firstIndex(of: self)! }
}
