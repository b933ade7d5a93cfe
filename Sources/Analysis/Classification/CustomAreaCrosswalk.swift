import GeoModel

/// How the census units of one level (block groups, tracts, counties) and a study's custom areas
/// overlap, counted in locations: what brings tables published by census geography (ACS, covered
/// populations, Microsoft's usage) to wards or a service territory.
///
/// A table of counts is summed by unit into the area holding most of each unit's locations
/// (`areaOfUnit`), so that every unit counts once and sums keep the ACS handbook's margins; a table of
/// shares is read for each area at the unit holding most of its locations (`unitOfArea`). Ties go to
/// the lower id.
public struct CustomAreaCrosswalk: Sendable {
    public let level: AreaLevel
    /// The custom area holding most of each unit's located locations.
    public let areaOfUnit: [AreaID: AreaID]
    /// The unit holding most of each custom area's locations.
    public let unitOfArea: [AreaID: AreaID]
    /// Units whose locations lie in two or more areas (each counts whole in one of them).
    public let straddlingUnits: Int

    /// - Parameters:
    ///   - grouping: the custom areas and the area of each located location.
    ///   - blocks: the 15-digit block (as an integer) of each location.
    public init(grouping: AreaGrouping, blocks: [Int64: UInt64], level: AreaLevel) {
        struct Pair: Hashable { var unit: UInt64, area: UInt64 }
        let divisor = LocationTable.power10(15 - level.geoidLength)
        var locations: [Pair: Int] = [:]
        for (id, block) in blocks {
            guard let area = grouping.key(location: id, block: block) else { continue }
            locations[Pair(unit: block / divisor, area: area), default: 0] += 1
        }
        func unitID(_ unit: UInt64) -> AreaID { AreaID(LocationTable.format(unit, digits: level.geoidLength)) }
        // The most locations wins, then the lower id.
        func better(_ id: AreaID, _ count: Int, than best: (id: AreaID, count: Int)?) -> Bool {
            guard let best else { return true }
            return count > best.count || (count == best.count && id < best.id)
        }
        var bestArea: [UInt64: (id: AreaID, count: Int)] = [:]
        var bestUnit: [UInt64: (id: AreaID, count: Int)] = [:]
        var areasPerUnit: [UInt64: Int] = [:]
        for (pair, count) in locations {
            areasPerUnit[pair.unit, default: 0] += 1
            let area = grouping.id(pair.area)
            let unit = unitID(pair.unit)
            if better(area, count, than: bestArea[pair.unit]) { bestArea[pair.unit] = (area, count) }
            if better(unit, count, than: bestUnit[pair.area]) { bestUnit[pair.area] = (unit, count) }
        }
        self.level = level
        areaOfUnit = Dictionary(uniqueKeysWithValues: bestArea.map { (unitID($0.key), $0.value.id) })
        unitOfArea = Dictionary(uniqueKeysWithValues: bestUnit.map { (grouping.id($0.key), $0.value.id) })
        straddlingUnits = areasPerUnit.values.filter { $0 > 1 }.count
    }
}
