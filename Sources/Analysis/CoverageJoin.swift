import GeoModel

/// Joins locations-by-class per area with the study's areas and ACS demographics, and says which
/// areas are present in one input and missing in another (never silently dropped).
public struct CoverageJoin: Sendable {
    /// One joined row per area, sorted by id.
    public var results: [AreaResult]
    /// Plain-language notes on mismatches between inputs, for the run's diagnostics.
    public var diagnostics: [String]

    /// What the areas input says about one area.
    public struct AreaInfo: Hashable, Sendable {
        public var name: String
        public var landAreaSquareMiles: Double?
        public init(name: String, landAreaSquareMiles: Double?) {
            self.name = name; self.landAreaSquareMiles = landAreaSquareMiles
        }
    }

    /// - Parameters:
    ///   - counts: locations by class per area, from the availability files.
    ///   - areas: the study's areas by id, or nil when the study has no areas file (then every area
    ///     with locations is reported, named by its id).
    ///   - demographics: ACS rows by GEOID, or nil when the study has none.
    ///   - level: the study's area level, for messages.
    public init(counts: [AreaID: ClassCounts], areas: [AreaID: AreaInfo]?,
                demographics: [AreaID: DemographicProfile]?, level: AreaLevel) {
        var diagnostics: [String] = []
        let ids: [AreaID]
        if let areas {
            ids = areas.keys.sorted()
            let unmatched = counts.keys.filter { areas[$0] == nil }.sorted()
            if !unmatched.isEmpty {
                let locations = unmatched.reduce(0) { $0 + counts[$1]!.locations }
                diagnostics.append("\(unmatched.count) \(level.displayName)(s) with \(locations) location(s) in the availability files have no shape in the areas file and are not mapped: "
                    + CoverageJoin.list(unmatched))
            }
            let empty = ids.filter { counts[$0] == nil }
            if !empty.isEmpty {
                diagnostics.append("\(empty.count) area(s) in the areas file have no location in the availability files (reported with 0 locations): "
                    + CoverageJoin.list(empty))
            }
        } else {
            ids = counts.keys.sorted()
        }
        if let demographics {
            let missing = ids.filter { demographics[$0] == nil }
            if !missing.isEmpty {
                diagnostics.append("\(missing.count) area(s) have no row in the demographics file: " + CoverageJoin.list(missing))
            }
            let idSet = Set(ids)
            let extra = demographics.keys.filter { !idSet.contains($0) && $0.level == level }.sorted()
            if !extra.isEmpty {
                diagnostics.append("\(extra.count) \(level.displayName)(s) in the demographics file are not study areas (another vintage or outside the study?): "
                    + CoverageJoin.list(extra))
            }
        }
        results = ids.map { id in
            AreaResult(id: id, name: areas?[id]?.name ?? id.rawValue, counts: counts[id] ?? ClassCounts(),
                       landAreaSquareMiles: areas?[id]?.landAreaSquareMiles, demographics: demographics?[id])
        }
        self.diagnostics = diagnostics
    }

    /// Up to ten ids, then a count of the rest.
    static func list(_ ids: [AreaID]) -> String {
        let shown = ids.prefix(10).map(\.rawValue).joined(separator: ", ")
        return ids.count > 10 ? shown + " and \(ids.count - 10) more" : shown
    }
}
