import Foundation
import GeoModel
import GeoIO
import Analysis

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
            if let p = v["report.public"], case .boolean = p {} else if let p = v["report.public"] {
                throw LastmileError.badInput(SourceLocation(file: study.parameters.sourcePath, column: "report.public"),
                                             "expected true or false, found \(p)")
            }
            return nil
        }
        if let t = v["report.suppression_threshold"] {
            guard case .integer(let n) = t, n >= 1 else {
                throw LastmileError.badInput(SourceLocation(file: study.parameters.sourcePath, column: "report.suppression_threshold"),
                                             "expected a whole number of 1 or more, found \(t)")
            }
            return n
        }
        return SmallCellSuppression.defaultThreshold
    }

    /// Writes the public edition into `dir` and returns the files written (relative to `dir`).
    static func write(_ c: StudyRunner.Computed, study: Study, runID: String, startedAt: Date, threshold: Int,
                      into dir: String) throws -> [String] {
        let passings = Dictionary(uniqueKeysWithValues: c.businessCase.areas.map { ($0.id, $0.passings) })
        let suppression = SmallCellSuppression(results: c.join.results, passings: passings, threshold: threshold)
        let withheld = suppression.suppressedAreas.count
        var view = c
        view.join.results = c.join.results.filter { !suppression.hasSuppression($0.id) }
        // Scenario totals stay (study aggregates); per-area plans of withheld areas go.
        view.businessCase.areas = c.businessCase.areas.filter { !suppression.hasSuppression($0.id) }
        view.diagnostics.append("Public edition: per-area counts from 1 to \(threshold - 1) locations are suppressed (small-cell rule, with complementary suppression so they cannot be recomputed from totals); \(withheld) \(study.areaLevel.displayName)(s) with a suppressed count are left out of the area table and hatched on the map, and their counts are empty in results.csv and results.gpkg. locations.csv keeps the location-level BDC data (public FCC data: location id, block, class, technology, speeds); no Fabric field (address, coordinates, unit count: licensed) is in any output.")
        let files = try RunOutputs.write(view, study: study, runID: runID, startedAt: startedAt, into: dir)
        func path(_ name: String) -> String { (dir as NSString).appendingPathComponent(name) }
        let plans = Dictionary(uniqueKeysWithValues: c.businessCase.areas.map { ($0.id, $0) })
        try OutputFile.write(csv(c.join.results, plans: plans, suppression), to: path("results.csv"))
        try OutputFile.write(ProviderTable.csv(c.providers, smallCellThreshold: threshold), to: path("providers.csv"))
        try replaceGeoPackage(c, study: study, suppression, at: path("results.gpkg"))
        try annotateRunJSON(at: path("run.json"), areas: c.join.results.count, threshold: threshold, withheld: withheld)
        return files
    }

    /// The value of a result column in the public edition: nil when it reveals a suppressed count.
    static func publicValue(_ column: ResultColumns.Column, _ r: AreaResult, _ s: SmallCellSuppression) -> ResultColumns.MetricValue? {
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
    static func publicPlanValue(_ column: ResultColumns.PlanColumn, _ p: AreaPlan?, _ id: AreaID,
                                _ s: SmallCellSuppression) -> ResultColumns.MetricValue? {
        s.hasSuppression(id) ? nil : p.flatMap { column.value($0) }
    }

    static func csv(_ results: [AreaResult], plans: [AreaID: AreaPlan], _ s: SmallCellSuppression) -> String {
        var out = (ResultColumns.all.map(\.name) + ResultColumns.plan.map(\.name) + ["counts_suppressed"])
            .joined(separator: ",") + "\n"
        for r in results {
            out += (ResultColumns.all.map { publicValue($0, r, s)?.csv ?? "" }
                    + ResultColumns.plan.map { publicPlanValue($0, plans[r.id], r.id, s)?.csv ?? "" }
                    + [s.hasSuppression(r.id) ? "true" : "false"]).joined(separator: ",") + "\n"
        }
        return out
    }

    static func replaceGeoPackage(_ c: StudyRunner.Computed, study: Study, _ s: SmallCellSuppression, at path: String) throws {
        let temp = (path as NSString).deletingLastPathComponent + "/.public-" + (path as NSString).lastPathComponent
        try? FileManager.default.removeItem(atPath: temp)
        func field(_ name: String, _ kind: ResultColumns.Kind) -> FieldDefinition {
            switch kind {
            case .text: .string(name)
            case .integer: .integer64(name)
            case .real: .real(name)
            }
        }
        var fields = ResultColumns.all.map { field($0.name, $0.kind) } + ResultColumns.plan.map { field($0.name, $0.kind) }
        fields.append(.integer64("counts_suppressed"))
        let plans = Dictionary(uniqueKeysWithValues: c.businessCase.areas.map { ($0.id, $0) })
        func fieldValue(_ v: ResultColumns.MetricValue?) -> FieldValue? {
            switch v {
            case .text(let t): .string(t)
            case .integer(let i): .integer(Int64(i))
            case .real(let d): .real(d)
            case nil: nil
            }
        }
        let writer = try GeoPackageWriter(path: temp, layerName: "areas", fields: fields,
                                          metadata: RunOutputs.geoPackageMetadata(c, study: study))
        let shapes = Dictionary(uniqueKeysWithValues: c.areas.map { ($0.id, $0.geographicGeometry) })
        for r in c.join.results {
            guard let geometry = shapes[r.id] else { continue }
            var values = ResultColumns.all.map { fieldValue(publicValue($0, r, s)) }
                + ResultColumns.plan.map { fieldValue(publicPlanValue($0, plans[r.id], r.id, s)) }
            values.append(.integer(s.hasSuppression(r.id) ? 1 : 0))
            try writer.add(geometry: geometry, values: values)
        }
        try writer.close()
        guard rename(temp, path) == 0 else {
            throw LastmileError.io(path: path, "cannot rename the public GeoPackage into place: \(String(cString: strerror(errno)))")
        }
    }

    static func annotateRunJSON(at path: String, areas: Int, threshold: Int, withheld: Int) throws {
        guard let data = FileManager.default.contents(atPath: path),
              var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw LastmileError.failed("\(path): run.json is not a JSON object")
        }
        if var totals = object["totals"] as? [String: Any] {
            totals["areas"] = areas
            object["totals"] = totals
        }
        object["public"] = ["suppression_threshold": threshold, "areas_with_suppressed_counts": withheld,
                            "location_level_data": false] as [String: Any]
        let out = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        try OutputFile.write(out + Data("\n".utf8), to: path)
    }
}
