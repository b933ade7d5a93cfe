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
    ///   - kind: what the study's areas are, for messages.
    public init(
        counts: [AreaID: ClassCounts], areas: [AreaID: AreaInfo]?,
        demographics: [AreaID: DemographicProfile]?, kind: AreaKind
    ) {
        var diagnostics: [String] = []
        let ids: [AreaID]
        if let areas {
            ids = areas.keys.sorted()
            let unmatched = counts.keys.filter { areas[$0] == nil }.sorted()
            if !unmatched.isEmpty {
                let locations = unmatched.reduce(0) { $0 + counts[$1]!.locations }
                diagnostics.append(
                    "\(English.counted(unmatched.count, kind.displayName)) with \(English.counted(locations, "location")) in the availability files \(unmatched.count == 1 ? "has" : "have") no shape in the areas file and \(unmatched.count == 1 ? "is" : "are") not mapped: "
                        + CoverageJoin.list(unmatched))
            }
            let empty = ids.filter { counts[$0] == nil }
            if !empty.isEmpty {
                diagnostics.append(
                    "\(English.counted(empty.count, "area")) in the areas file \(empty.count == 1 ? "has" : "have") no location in the availability files (reported with 0 locations): "
                        + CoverageJoin.list(empty))
            }
        } else {
            ids = counts.keys.sorted()
        }
        if let demographics {
            let missing = ids.filter { demographics[$0] == nil }
            if !missing.isEmpty {
                diagnostics.append(
                    "\(English.counted(missing.count, "area")) \(missing.count == 1 ? "has" : "have") no row in the demographics file: "
                        + CoverageJoin.list(missing))
            }
            let idSet = Set(ids)
            let extra = demographics.keys.filter { !idSet.contains($0) && kind.level != nil && $0.level == kind.level }
                .sorted()
            if !extra.isEmpty {
                diagnostics.append(
                    "\(English.counted(extra.count, kind.displayName)) in the demographics file \(extra.count == 1 ? "is not a study area" : "are not study areas") (another vintage or outside the study?): "
                        + CoverageJoin.list(extra))
            }
        }
        let names = CoverageJoin.distinctNames(ids.map { ($0, areas?[$0]?.name ?? $0.rawValue) })
        results = ids.map { id in
            AreaResult(
                id: id, name: names[id] ?? id.rawValue, counts: counts[id] ?? ClassCounts(),
                landAreaSquareMiles: areas?[id]?.landAreaSquareMiles, demographics: demographics?[id])
        }
        self.diagnostics = diagnostics
    }

    /// Names that tell areas apart: TIGER names repeat ("Block Group 2" exists in every tract), so a
    /// repeated block-group or block name gains its tract ("Block Group 2, Tract 9703.02") and any other
    /// repeated name its id.
    static func distinctNames(_ named: [(AreaID, String)]) -> [AreaID: String] {
        var uses: [String: Int] = [:]
        for (_, n) in named { uses[n, default: 0] += 1 }
        var out: [AreaID: String] = [:]
        for (id, name) in named {
            guard uses[name, default: 0] > 1 else {
                out[id] = name
                continue
            }
            if let level = id.level, level >= .blockgroup, let tract = id.rolledUp(to: .tract) {
                out[id] = "\(name), Tract \(tractName(tract.rawValue))"
            } else {
                out[id] = "\(name) (\(id))"
            }
        }
        return out
    }

    /// A tract's census name from its GEOID: the 6-digit code with an implied decimal point
    /// ("970302" → "9703.02", "000100" → "1"), as TIGER/Line `NAME` writes it.
    static func tractName(_ tractGEOID: String) -> String {
        let code = Int(tractGEOID.suffix(6)) ?? 0
        return code % 100 == 0 ? "\(code / 100)" : "\(code / 100).\(code % 100 < 10 ? "0" : "")\(code % 100)"
    }

    /// Up to ten ids, then a count of the rest.
    static func list(_ ids: [AreaID]) -> String {
        let shown = ids.prefix(10).map(\.rawValue).joined(separator: ", ")
        return ids.count > 10 ? shown + " and \(ids.count - 10) more" : shown
    }
}
