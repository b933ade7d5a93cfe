import Analysis
import Foundation
import GeoModel
import Ingest

/// An ACS table at the study's area level: used as it is when it has rows at that level, summed up
/// from a finer level otherwise (`DemographicRollup`), refused when it is coarser.
enum StudyDemographics {
    /// The profiles of `table` at `level`, with notes on a roll-up for the run's diagnostics.
    /// - Throws: `.badInput` naming the file and the levels when the table has no rows at `level` or finer.
    static func profiles(of table: ACSTable, path: String, level: AreaLevel) throws
        -> (profiles: [AreaID: DemographicProfile], notes: [String])
    {
        let levels = Set(table.profiles.keys.compactMap(\.level))
        if levels.contains(level) {
            return (table.profiles.filter { $0.key.level == level }, [])
        }
        // The coarsest level finer than the study's: summing two levels at once would count twice.
        guard let finer = levels.filter({ $0 > level }).min() else {
            let found = levels.sorted().map(\.displayName).joined(separator: ", ")
            throw LastmileError.badInput(
                SourceLocation(file: path, column: "GEO_ID"),
                "the demographics table is at \(found.isEmpty ? "no census" : found) level, coarser than the study's \(level.pluralName) (study.area_level = \(level.rawValue)): a table can be summed up to the study's areas, never split down; download it by \(level.displayName) or finer"
            )
        }
        let (profiles, summary) = DemographicRollup.rollUp(table.profiles.filter { $0.key.level == finer }, to: level)
        var notes = [
            "The demographics table (\((path as NSString).lastPathComponent)) is by \(finer.displayName): \(summary.parts) \(finer.pluralName) were summed into \(summary.areas) \(level.pluralName) (counts added, margins of error combined as the root of the sum of squares, shares recomputed from the sums; ACS handbook, \"Calculating Measures of Error for Derived Estimates\")."
        ]
        if summary.droppedMedianIncome {
            notes.append(
                "Median household income cannot be summed from \(finer.displayName) medians and is left empty at \(level.displayName) level."
            )
        }
        return (profiles, notes)
    }
}

extension StudyDemographics {
    /// The profiles of `table` in custom areas: each unit of the table's finest level counts whole in
    /// the area holding most of its locations (`CustomAreaCrosswalk`), summed as a roll-up sums.
    /// - Throws: `.badInput` naming the file when the table has no census rows.
    static func profiles(
        of table: ACSTable, path: String, crosswalk: (AreaLevel) -> CustomAreaCrosswalk
    ) throws -> (profiles: [AreaID: DemographicProfile], notes: [String]) {
        guard let finest = Set(table.profiles.keys.compactMap(\.level)).max() else {
            throw LastmileError.badInput(
                SourceLocation(file: path, column: "GEO_ID"), "the demographics table holds no census GEOID")
        }
        let map = crosswalk(finest)
        var parts: [AreaID: [DemographicProfile]] = [:]
        for (id, profile) in table.profiles where id.level == finest {
            if let area = map.areaOfUnit[id] { parts[area, default: []].append(profile) }
        }
        let profiles = parts.reduce(into: [AreaID: DemographicProfile]()) { out, part in
            out[part.key] = DemographicRollup.sum(part.value.sorted { $0.geoid < $1.geoid }, as: part.key)
        }
        let used = parts.values.reduce(0) { $0 + $1.count }
        var notes = [
            "The demographics table (\((path as NSString).lastPathComponent)) is by \(finest.displayName): each of the \(English.counted(used, finest.displayName)) with locations in the study's areas counts whole in the area holding most of its locations (\(map.straddlingUnits) straddle two or more areas), summed as counts with margins of error combined as the root of the sum of squares and shares recomputed from the sums (ACS handbook, \"Calculating Measures of Error for Derived Estimates\")."
        ]
        if table.profiles.values.contains(where: { $0.medianHouseholdIncome != nil }) {
            notes.append(
                "Median household income cannot be summed from \(finest.displayName) medians and is left empty in the study's areas."
            )
        }
        return (profiles, notes)
    }
}
