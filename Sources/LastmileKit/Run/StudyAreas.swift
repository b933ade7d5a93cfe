import Analysis
import GeoModel

/// The study's areas joined once, by GEOID: each area's counts and demographics (`AreaResult`), its
/// business-case plan and its shape. Built when a run's numbers are computed; every output (results.csv,
/// results.gpkg, the run store, the maps and the report's tables) reads its per-area values from here.
struct StudyAreas {
    struct Row {
        var result: AreaResult?
        var plan: AreaPlan?
        var area: Area?
    }

    private(set) var byID: [AreaID: Row] = [:]

    init(results: [AreaResult] = [], plans: [AreaPlan] = [], areas: [Area] = []) {
        byID.reserveCapacity(max(results.count, areas.count))
        for r in results { byID[r.id, default: Row()].result = r }
        for p in plans { byID[p.id, default: Row()].plan = p }
        for a in areas { byID[a.id, default: Row()].area = a }
    }

    func result(_ id: AreaID) -> AreaResult? { byID[id]?.result }
    func plan(_ id: AreaID) -> AreaPlan? { byID[id]?.plan }
    func shape(_ id: AreaID) -> MultiPolygon? { byID[id]?.area?.geographicGeometry }
}
