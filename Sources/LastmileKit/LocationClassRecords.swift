import Foundation
import GeoModel
import Analysis
import RunStore

extension StudyRunner.Computed {
    /// Each location's class and study area (its block GEOID cut to the study level), sorted by
    /// location id, for the run store's `location_classes` (what `runs diff` compares).
    func locationClasses(level: AreaLevel) -> [StoredLocationClass] {
        guard let locations else { return [] }
        let divisor = (0..<(15 - level.geoidLength)).reduce(UInt64(1)) { r, _ in r * 10 }
        return locations.entries.keys.sorted().map { id in
            let e = locations.entries[id]!
            let area = String(e.block / divisor)
            let padded = String(repeating: "0", count: max(0, level.geoidLength - area.count)) + area
            return StoredLocationClass(locationID: id, areaID: padded, serviceClass: e.best)
        }
    }
}
