import Analysis
import Foundation
import GeoIO
import GeoModel

/// The public edition of a run's outputs (`--public`, or `report.public = true` in the study):
/// per-area counts below the suppression threshold are withheld everywhere a file can leave the
/// machine, and the report says so. Location-level data (FCC Fabric location ids and their classes)
/// never appear in any run output; they stay in the local run store for `runs diff`, because the
/// Fabric licence forbids republishing them.
///
/// - results.csv / results.gpkg: every area, suppressed cells empty (NULL) and a `counts_suppressed` column;
///   the business-case columns of an area with a suppressed count are empty too.
/// - report.pdf and maps: areas with a suppressed count are left out of the area tables (coverage and
///   business case) and hatched on the maps; a data note names the rule and how many areas it withheld. Study totals stay.
/// - run.json: a `public` object with the threshold and the number of areas withheld.
enum PublicRelease {
    /// The suppression threshold a run uses: the option, else the study's `report.public` and
    /// `report.suppression_threshold`, else nil (not public).
    static func threshold(study: Study, option: Int?) throws -> Int? {
        if let option { return option }
        let v = study.parameters.values
        guard case .boolean(true)? = v["report.public"] else {
            if let p = v["report.public"], case .boolean = p {
            } else if let p = v["report.public"] {
                throw LastmileError.badInput(
                    SourceLocation(file: study.parameters.sourcePath, column: "report.public"),
                    "expected true or false, found \(p)")
            }
            return nil
        }
        if let t = v["report.suppression_threshold"] {
            guard case .integer(let n) = t, n >= 1 else {
                throw LastmileError.badInput(
                    SourceLocation(file: study.parameters.sourcePath, column: "report.suppression_threshold"),
                    "expected a whole number of 1 or more, found \(t)")
            }
            return n
        }
        return SmallCellSuppression.defaultThreshold
    }

    /// The public edition of a run whose per-area counts are suppressed below `threshold`.
    static func edition(_ c: StudyRunner.Computed, threshold: Int) -> OutputEdition {
        let passings = Dictionary(uniqueKeysWithValues: c.businessCase.areas.map { ($0.id, $0.passings) })
        return .publicRelease(SmallCellSuppression(results: c.join.results, passings: passings, threshold: threshold))
    }

    /// What the public report and run.json show: the areas with a suppressed count left out of the area
    /// tables and maps (scenario totals stay: study aggregates), and a note naming the rule.
    static func view(_ c: StudyRunner.Computed, study: Study, suppression: SmallCellSuppression) -> StudyRunner.Computed
    {
        let withheld = suppression.suppressedAreas.count
        let threshold = suppression.threshold
        var view = c
        view.join.results = c.join.results.filter { !suppression.hasSuppression($0.id) }
        view.businessCase.areas = c.businessCase.areas.filter { !suppression.hasSuppression($0.id) }
        view.byArea = StudyAreas(plans: view.businessCase.areas, areas: c.areas)
        view.diagnostics.append(
            "Public edition: per-area counts from 1 to \(threshold - 1) locations are suppressed (small-cell rule, with complementary suppression so they cannot be recomputed from totals); \(English.counted(withheld, study.areaKind.displayName)) with a suppressed count \(withheld == 1 ? "is" : "are") left out of the area table and hatched on the map, and \(withheld == 1 ? "its" : "their") counts are empty in results.csv and results.gpkg. locations.csv keeps the location-level BDC data (public FCC data: location id, block, class, technology, speeds); no Fabric field (address, coordinates, unit count: licensed) is in any output."
        )
        return view
    }

    /// The value of a result column in the public edition: nil when it reveals a suppressed count.
    static func publicValue(_ column: ResultColumns.Column, _ r: AreaResult, _ s: SmallCellSuppression) -> ResultColumns
        .MetricValue?
    {
        let any = s.hasSuppression(r.id)
        switch column.name {
        case "locations", "locations_per_sq_mi": if s.isSuppressed(r.id, .locations) { return nil }
        case "unserved": if s.isSuppressed(r.id, .unserved) { return nil }
        case "underserved": if s.isSuppressed(r.id, .underserved) { return nil }
        case "served": if s.isSuppressed(r.id, .served) { return nil }
        case "unserved_share", "underserved_share", "unserved_or_underserved_share": if any { return nil }
        // Funded counts are not part of the small-cell scheme's complementary suppression: never published per area.
        case "unserved_funded", "underserved_funded": return nil
        default: break
        }
        return column.value(r)
    }

    /// A business-case column in the public edition: empty for an area with any suppressed count
    /// (passings, take, cost and need are all computed from the counts).
    static func publicPlanValue(
        _ column: ResultColumns.PlanColumn, _ p: AreaPlan?, _ id: AreaID,
        _ s: SmallCellSuppression
    ) -> ResultColumns.MetricValue? {
        s.hasSuppression(id) ? nil : p.flatMap { column.value($0) }
    }
}
