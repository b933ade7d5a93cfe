import Analysis
import GeoModel

/// Each area's business-case plan and shape by GEOID, joined once when a run's numbers are computed;
/// the area tables (results.csv, results.gpkg) and the run store take them from here, in the order of
/// the coverage results.
struct StudyAreas {
    struct Row {
        var plan: AreaPlan?
        var area: Area?
    }

    private(set) var byID: [AreaID: Row] = [:]

    init(plans: [AreaPlan] = [], areas: [Area] = []) {
        byID.reserveCapacity(areas.count)
        for p in plans { byID[p.id, default: Row()].plan = p }
        for a in areas { byID[a.id, default: Row()].area = a }
    }

    func plan(_ id: AreaID) -> AreaPlan? { byID[id]?.plan }
    func shape(_ id: AreaID) -> MultiPolygon? { byID[id]?.area?.geographicGeometry }
}
