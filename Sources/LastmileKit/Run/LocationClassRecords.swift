import Analysis
import Foundation
import GeoModel
import RunStore

extension StudyRunner.Computed {
    /// Each location's class and study area (its block GEOID cut to the study level), sorted by
    /// location id, for the run store's `location_classes` (what `runs diff` compares).
    func locationClasses(level: AreaLevel) -> [StoredLocationClass] {
        guard let locations else { return [] }
        let divisor = (0..<(15 - level.geoidLength)).reduce(UInt64(1)) { r, _ in r * 10 }
        var records: [StoredLocationClass] = []
        records.reserveCapacity(locations.count)
        locations.forEach { id, block, serviceClass in
            let area = String(block / divisor)
            let padded = String(repeating: "0", count: max(0, level.geoidLength - area.count)) + area
            records.append(StoredLocationClass(locationID: id, areaID: padded, serviceClass: serviceClass))
        }
        return records.sorted { $0.locationID < $1.locationID }
    }
}
