import Analysis
import Foundation
import GeoIO
import GeoModel

/// Checks on a study's inputs that are warnings by default and errors under `--strict`: unknown
/// technology codes, invalid polygons, availability areas without a shape and an incomplete location
/// universe; and one that is
/// always an error: availability and areas that share no GEOID at all (different census vintages).
enum InputChecks {
    /// Adds warnings to `diagnostics`, or throws under `strict`.
    /// - Throws: `.badInput` when no availability area has a shape, or (strict) on the first warning.
    static func check(
        _ study: Study, areasPath: String, classified: (table: LocationTable, unknownTechnologyRows: Int),
        universe: LocationUniverse, counts: [AreaID: ClassCounts], areaIDs: Set<AreaID>, strict: Bool,
        diagnostics: inout [String]
    ) throws {
        let availability = study.availabilityPaths.joined(separator: ", ")
        if !counts.isEmpty, !areaIDs.isEmpty, counts.keys.allSatisfy({ !areaIDs.contains($0) }) {
            let sample = counts.keys.sorted().prefix(3).map(\.rawValue).joined(separator: ", ")
            let areaSample = areaIDs.sorted().prefix(3).map(\.rawValue).joined(separator: ", ")
            throw LastmileError.badInput(
                SourceLocation(file: areasPath, column: study.areasIDField),
                "none of the \(English.counted(counts.count, study.areaKind.displayName)) in the availability files (e.g. \(sample)) is an area in this file (e.g. \(areaSample)): are both from the same census vintage (2020 GEOIDs for BDC)?"
            )
        }
        var strictErrors: [LastmileError] = []
        if classified.unknownTechnologyRows > 0 {
            strictErrors.append(
                .badInput(
                    SourceLocation(file: availability, column: "technology"),
                    "--strict: \(English.counted(classified.unknownTechnologyRows, "row")) \(classified.unknownTechnologyRows == 1 ? "carries" : "carry") a technology code the FCC does not define"
                ))
        }
        let unmatched = counts.keys.filter { !areaIDs.contains($0) }
        if !unmatched.isEmpty {
            strictErrors.append(
                .badInput(
                    SourceLocation(file: areasPath, column: study.areasIDField),
                    "--strict: \(English.counted(unmatched.count, study.areaKind.displayName)) with locations \(unmatched.count == 1 ? "has" : "have") no shape in the areas file (e.g. \(unmatched.sorted()[0]))"
                ))
        }
        let invalid = try VectorSource.invalidAreas(
            path: areasPath, layer: study.areasLayer, idField: study.areasIDField)
        if !invalid.isEmpty {
            let list = invalid.prefix(5).map { "'\($0.id)' (feature \($0.feature))" }.joined(separator: ", ")
            diagnostics.append(
                "\(English.counted(invalid.count, "area")) \(invalid.count == 1 ? "has" : "have") an invalid polygon (e.g. a self-intersecting ring): \(list)\(invalid.count > 5 ? ", …" : ""); \(invalid.count == 1 ? "its" : "their") land area and map shape may be wrong"
            )
            strictErrors.append(
                .badInput(
                    SourceLocation(file: areasPath, feature: invalid[0].feature, column: study.areasIDField),
                    "--strict: area '\(invalid[0].id)' has an invalid polygon (e.g. a self-intersecting ring)"
                        + (invalid.count > 1 ? "; \(invalid.count) such areas" : "")))
        }
        if !universe.isComplete, let statement = universe.statement(profile: study.profile) {
            strictErrors.append(
                .badInput(
                    SourceLocation(file: study.parameters.sourcePath, column: "inputs.availability"),
                    "--strict: " + statement
                        + " Add the missing technology files or a locations file (inputs.locations)."))
        }
        if strict, let first = strictErrors.first { throw first }
    }
}
