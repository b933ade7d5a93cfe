import Analysis
import Foundation
import GeoIO
import GeoModel
import Graphics
import Maps
import Reports

/// Writes a run's files into its (temporary) folder, in the edition asked for.
enum RunOutputs {
    /// Writes every output of `edition` and returns their paths relative to `dir`.
    static func write(
        _ c: StudyRunner.Computed, study: Study, runID: String, startedAt: Date,
        edition: OutputEdition = .full, into dir: String
    ) throws -> [String] {
        func path(_ name: String) -> String { (dir as NSString).appendingPathComponent(name) }
        // The report draws what the edition may show: the public one leaves withheld areas out.
        let shown = edition.suppression.map { PublicRelease.view(c, study: study, suppression: $0) } ?? c
        // The data files are written on another thread while the report and maps are drawn.
        let (report, data) = try Concurrently.both(
            { try writeReport(c, shown: shown, study: study, runID: runID, startedAt: startedAt, dir: dir) },
            { try writeDataFiles(c, shown: shown, study: study, runID: runID, edition: edition, dir: dir) })
        let files = data + report
        try writeRunJSON(
            shown, study: study, runID: runID, startedAt: startedAt, files: files + ["run.json"],
            areas: c.join.results.count, public: edition.suppression, to: path("run.json"))
        return files + ["run.json"]
    }

    /// results.csv, results.gpkg, providers.csv, anchors.csv and locations.csv.
    static func writeDataFiles(
        _ c: StudyRunner.Computed, shown: StudyRunner.Computed, study: Study, runID: String,
        edition: OutputEdition, dir: String
    ) throws -> [String] {
        func path(_ name: String) -> String { (dir as NSString).appendingPathComponent(name) }
        var files: [String] = []
        try OutputFile.write(edition.resultsCSV(c.byArea, order: c.join.results), to: path("results.csv"))
        files.append("results.csv")

        let locationRows = c.locationRows
        try edition.writeGeoPackage(
            c.byArea, order: c.join.results, metadata: geoPackageMetadata(c, study: study, runID: runID),
            locations: (locationRows ?? [], c.locationPoints),
            styles: try geoPackageStyles(shown, study: study, edition: edition),
            to: path("results.gpkg"))
        files.append("results.gpkg")

        try OutputFile.write(
            ProviderTable.csv(c.providers, smallCellThreshold: edition.suppression?.threshold),
            to: path("providers.csv"))
        files.append("providers.csv")

        if !c.anchors.isEmpty {
            try OutputFile.write(AnchorStatus.csv(c.anchors), to: path("anchors.csv"))
            files.append("anchors.csv")
        }

        if let locationRows {
            try OutputFile.write(LocationsCSV.csv(locationRows), to: path("locations.csv"))
            files.append("locations.csv")
        }
        return files
    }

    /// The report, its maps and charts, the atlas and report-content.json.
    static func writeReport(
        _ c: StudyRunner.Computed, shown: StudyRunner.Computed, study: Study, runID: String, startedAt: Date,
        dir: String
    ) throws -> [String] {
        func path(_ name: String) -> String { (dir as NSString).appendingPathComponent(name) }
        var files: [String] = []
        let measurer = PangoTextMeasurer()
        let reportDate = try RunReport.reportDate(startedAt: startedAt)
        let map = try RunReport.unservedMap(shown, study: study, measurer: measurer)
        let phases = try BusinessCaseReport.phasesMap(shown, study: study, measurer: measurer)
        let groups = try NeedGroupsReport.map(shown, study: study, measurer: measurer)
        var content = RunReport.content(
            shown, study: study, runID: runID, startedAt: reportDate, map: map.displayList,
            phasesMap: phases.displayList)
        content.countsMap = try RunReport.countsChoropleth(shown, study: study)
            .draw(size: RunReport.mapCanvas, measurer: measurer).displayList
        content.countsMapCaption = RunReport.countsMapCaption(study)
        content.needGroups = NeedGroupsReport.content(shown, study: study, map: groups?.displayList)
        if let tiles = c.speedTests {
            let challenge = ChallengeCandidates(shown.join.results, minimumTests: study.gapThresholds.minimumTests)
            try OutputFile.write(
                ChallengeTable.csv(challenge.candidates, tiles: tiles.path), to: path("challenge-candidates.csv"))
            files.append("challenge-candidates.csv")
            let map = try NeedGroupsReport.challengeMap(shown, challenge, study: study, measurer: measurer)
            content.challenges = NeedGroupsReport.challenges(
                challenge, study: study, source: SpeedTable.source(tiles: tiles.path), map: map.displayList)
        }
        let atlas = try AtlasReport.content(shown, study: study, runID: runID, date: reportDate)
        let stored = StoredReport(
            paper: RunReport.paper(study.paper), dpi: try RunReport.dpi(study), content: content, atlas: atlas)
        // What `lastmile report --run ID` re-renders from, encoded and written beside the PDF.
        let json = path(StoredReport.fileName)
        files += try stored.render(
            into: dir, formats: Set(ReportFormat.allCases),
            alongside: [{ try OutputFile.write(try stored.encoded(), to: json) }])
        files.append(StoredReport.fileName)
        return files
    }

    /// run.json: what was run, on what, with which parameters, and the headline numbers.
    /// `areas`: the study's area count (the public edition's report leaves some out, its totals do not);
    /// `public`: the public edition's suppression, described in a `public` object.
    static func writeRunJSON(
        _ c: StudyRunner.Computed, study: Study, runID: String, startedAt: Date,
        files: [String], areas: Int, public suppression: SmallCellSuppression?,
        to path: String
    ) throws {
        let iso = ISO8601DateFormatter()
        var parameters: [String: Any] = [:]
        for (k, v) in study.parameters.values { parameters[k] = jsonValue(v) }
        var object: [String: Any] = [
            "tool": "lastmile",
            "tool_version": LastmileVersion.current,
            "run_id": runID,
            "started_at": iso.string(from: startedAt),
            "study": [
                "name": study.name,
                "path": study.parameters.sourcePath,
                "area_level": study.areaKind.rawValue,
                "synthetic": study.synthetic,
            ] as [String: Any],
            "policy": [
                "profile": study.profile.name,
                "technologies": study.profile.qualifyingTechnologies.sorted().map(\.code),
                "business_residential": BusinessResidentialCode.allCases
                    .filter { study.profile.businessResidential.contains($0) }.map(\.rawValue),
            ] as [String: Any],
            "parameters": parameters,
            "inputs": c.inputs.map {
                ["role": $0.role, "path": $0.path, "size_bytes": $0.sizeBytes, "sha256": $0.sha256] as [String: Any]
            },
            "totals": [
                "areas": areas,
                "locations": c.totals.locations,
                "unserved": c.totals.unserved,
                "underserved": c.totals.underserved,
                "served": c.totals.served,
                "availability_rows": c.rowsRead,
            ] as [String: Any],
            "diagnostics": c.diagnostics,
            "location_universe": universeJSON(c.universe, profile: study.profile),
            "files": files,
            "scenarios": c.businessCase.scenarios.map(BusinessCaseJSON.scenario),
            "monte_carlo": BusinessCaseJSON.headlineMonteCarlo(c.businessCase),
            "business_case": BusinessCaseJSON.overview(c.businessCase),
        ]
        if let t = c.speedTests {
            object["speed_tests"] =
                [
                    "path": t.path, "quarter": t.quarter ?? NSNull(), "kind": t.kind ?? NSNull(),
                    "tiles_read": t.join.tilesRead, "tiles_outside_areas": t.join.tilesOutside,
                    "attribution": SpeedTestTiles.attribution,
                ] as [String: Any]
        }
        if let suppression {
            object["public"] =
                [
                    "suppression_threshold": suppression.threshold,
                    "areas_with_suppressed_counts": suppression.suppressedAreas.count,
                    "location_level_data": false,
                ] as [String: Any]
        }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        try OutputFile.write(data + Data("\n".utf8), to: path)
    }

    /// The QGIS styles of the areas layer: the report's maps, the unserved share first (the default).
    static func geoPackageStyles(
        _ c: StudyRunner.Computed, study: Study, edition: OutputEdition
    ) throws -> [GeoPackageWriter.LayerStyle] {
        var maps: [(ChoroplethMap, QGISStyle.Attribute)] = [
            (RunReport.unservedChoropleth(c, study: study), .graduated(field: "unserved_or_underserved_share"))
        ]
        if let groups = NeedGroupsReport.choropleth(c, study: study) {
            maps.append((groups, .categorized(field: "need_group", values: NeedGroup.allCases.map(\.rawValue))))
        }
        if c.businessCase.areas.contains(where: { $0.phase != nil }) {
            maps.append((BusinessCaseReport.phasesChoropleth(c, study: study), .graduated(field: "phase")))
        }
        let aliases = edition.columns.map { ($0.name, ResultColumns.dictionary[$0.name]?.title ?? $0.name) }
        return try maps.enumerated().map { k, m in
            let style = try QGISStyle(map: m.0, layer: "areas", attribute: m.1, aliases: aliases)
            return GeoPackageWriter.LayerStyle(
                layer: "areas", name: m.0.title, qml: style.qml, sld: style.sld, isDefault: k == 0,
                description: "\(m.0.title): the report's map (\(m.0.legendTitle)), same classes and colours")
        }
    }

    /// The areas layer's metadata: the run, the tool, the rule, whether the location universe is
    /// complete, and each input with its SHA-256 and licence.
    static func geoPackageMetadata(_ c: StudyRunner.Computed, study: Study, runID: String) -> [String: String] {
        var items = [
            "LASTMILE_RUN_ID": runID,
            "LASTMILE_VERSION": LastmileVersion.current,
            "LASTMILE_INPUTS": c.inputs.map {
                "\($0.role): \(($0.path as NSString).lastPathComponent) (SHA-256 \($0.sha256)); \(DataVintage.licence(role: $0.role, synthetic: study.synthetic))"
            }.joined(separator: "\n"),
            "LASTMILE_POLICY_PROFILE": study.profile.name,
            "LASTMILE_LOCATION_UNIVERSE": c.universe.isComplete ? "complete" : "incomplete",
            "LASTMILE_TECHNOLOGY_FAMILIES_MISSING": c.universe.familiesMissing.map(\.rawValue).joined(separator: ","),
        ]
        if let s = c.universe.statement(profile: study.profile) { items["LASTMILE_LOCATION_UNIVERSE_NOTE"] = s }
        return items
    }

    /// run.json's `location_universe`: whether every location is counted, and why not.
    static func universeJSON(_ u: LocationUniverse, profile: PolicyProfile) -> [String: Any] {
        var out: [String: Any] = [
            "complete": u.isComplete,
            "technology_families_present": u.familiesPresent.map(\.rawValue),
            "technology_families_missing": u.familiesMissing.map(\.rawValue),
            "qualifying_families_missing": u.missingQualifyingFamilies(profile).map(\.rawValue),
            "locations_file": u.locationsFile.map { ($0 as NSString).lastPathComponent } ?? NSNull(),
        ]
        if let n = u.locationsInFile { out["locations_in_file"] = n }
        if let n = u.availabilityLocationsNotInFile { out["availability_locations_not_in_file"] = n }
        if let s = u.statement(profile: profile) { out["statement"] = s }
        return out
    }

    static func jsonValue(_ v: StudyValue) -> Any {
        switch v {
        case .string(let s): s
        case .integer(let i): i
        case .number(let d): d
        case .boolean(let b): b
        case .list(let l): l.map(jsonValue)
        }
    }
}
