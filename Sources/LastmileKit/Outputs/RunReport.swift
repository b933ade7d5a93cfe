import Analysis
import Charts
import Foundation
import GeoModel
import Graphics
import Ingest
import Maps
import Reports

/// Builds the run's map and report from computed results (values in, files out through Graphics).
enum RunReport {
    /// The map canvas: fits the content area of a Letter page under its heading.
    static let mapCanvas = PageSize(width: 540, height: 560)
    /// PNG resolution of maps/*.png and charts/*.png: 150 dpi gives a 1,125-pixel-wide map, sharp on
    /// screen and in slides (`report.dpi` overrides it).
    static let mapDPI = 150.0
    /// Labels on the coverage map: the names (or ranks) of this many highest-need areas (fewer where a label
    /// would overlap another or not fit inside its area), keyed to the ranked table.
    static let mapLabelCount = 10

    /// The study's `report.dpi`, or `mapDPI`.
    /// - Throws: `.badInput` naming the study file and key for a value that is not a number in 1…1200.
    static func dpi(_ study: Study) throws -> Double {
        guard let v = study.parameters.values["report.dpi"] else { return mapDPI }
        let dpi: Double? =
            switch v {
            case .integer(let i): Double(i)
            case .number(let d): d
            default: nil
            }
        guard let dpi, dpi >= 10, dpi <= 1200 else {
            throw LastmileError.badInput(
                SourceLocation(file: study.parameters.sourcePath, column: "report.dpi"),
                "expected a resolution in dots per inch of 10 to 1200, found \(v)")
        }
        return dpi
    }

    /// The date the report carries (cover, footer, PDF CreationDate): `SOURCE_DATE_EPOCH` when set
    /// (reproducible-builds.org: whole seconds since 1970-01-01 UTC), else the run's start.
    /// - Throws: `.usage` when `SOURCE_DATE_EPOCH` is set but is not a whole number of seconds.
    static func reportDate(
        startedAt: Date,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Date {
        guard let text = environment["SOURCE_DATE_EPOCH"] else { return startedAt }
        guard let seconds = Int64(text.trimmingCharacters(in: .whitespaces)), seconds >= 0 else {
            throw LastmileError.usage(
                "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, found '\(text)'")
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// The choropleth of the unserved + underserved share per area, drawn.
    static func unservedMap(_ c: StudyRunner.Computed, study: Study, measurer: some TextMeasurer) throws -> MapDrawing {
        try unservedChoropleth(c, study: study).draw(size: mapCanvas, measurer: measurer)
    }

    /// The choropleth of the unserved + underserved share per area (the report's map and the atlas's layer).
    static func unservedChoropleth(_ c: StudyRunner.Computed, study: Study) -> ChoroplethMap {
        let shares = Dictionary(
            uniqueKeysWithValues: c.join.results.map { ($0.id, $0.counts.unservedOrUnderservedShare) })
        // The highest-need areas are labelled so a reader finds them in the report's ranked table.
        // They carry their name as the table prints it where it fits and names one area only, else their rank.
        let ranks = needRanks(c.join.results)
        let names = Dictionary(c.join.results.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let nameCounts = Dictionary(names.values.map { ($0, 1) }, uniquingKeysWith: +)
        let areas = c.areas.map { area in
            let top = ranks[area.id].flatMap { $0 <= mapLabelCount ? $0 : nil }
            let name = names[area.id].flatMap { nameCounts[$0] == 1 && !$0.isEmpty ? $0 : nil }
            return MapArea(
                id: area.id, geometry: area.geometry, value: shares[area.id] ?? nil,
                label: top.map { name ?? String($0) }, shortLabel: top.map { String($0) })
        }
        var map = ChoroplethMap(
            title: "Locations unserved or underserved",
            subtitle:
                "Share of broadband-serviceable locations per \(study.areaKind.displayName), \(study.profile.name) rule",
            areas: areas, scheme: .quantile, classCount: 5, palette: study.mapPalette,
            valueFormat: .percent(decimals: 0),
            legendTitle: "Unserved + underserved", areaNoun: noun(study.areaKind),
            source: sourceLine(c, study: study), labelCount: mapLabelCount)
        withContext(&map, c)
        return map
    }

    /// The counts map: a circle per area sized by its unserved + underserved locations, over the plain
    /// areas, with the same context as the share map.
    static func countsChoropleth(_ c: StudyRunner.Computed, study: Study) -> ChoroplethMap {
        let counts = Dictionary(
            uniqueKeysWithValues: c.join.results.map { ($0.id, Double($0.counts.unservedOrUnderserved)) })
        var map = ChoroplethMap(
            title: "Locations unserved or underserved, how many",
            subtitle:
                "Circles sized by the count of locations per \(study.areaKind.displayName), \(study.profile.name) rule",
            areas: c.areas.map { MapArea(id: $0.id, geometry: $0.geometry, value: nil) }, palette: study.mapPalette,
            legendTitle: "", areaNoun: noun(study.areaKind), source: sourceLine(c, study: study))
        map.symbols = ProportionalSymbols(values: counts, legendTitle: "Unserved + underserved locations")
        withContext(&map, c)
        return map
    }

    /// What the counts map's page says under it.
    static func countsMapCaption(_ study: Study) -> String {
        "Each circle's area is proportional to the \(study.areaKind.displayName)'s unserved and underserved locations (\(study.profile.name)): the share map shows where service is worst, this one where most locations need it."
    }

    /// Context every report map carries: the study's water and roads (inputs.water, inputs.roads) over
    /// the fills, its outline, and the names of its places (inputs.places).
    static func withContext(_ map: inout ChoroplethMap, _ c: StudyRunner.Computed) {
        map.roads = c.roads.map { MapRoad(isMajor: $0.isMajor, parts: $0.parts) }
        map.water = c.water
        map.places = c.places.map { MapPlace(name: $0.name, point: $0.point, isArea: $0.isArea, area: $0.area) }
        map.drawsOutline = true
    }

    /// Rank of each area by need, as the report's ranked table orders them: share unserved or
    /// underserved, highest first, ties by id (`ReportContent.rankedAreas`).
    static func needRanks(_ results: [AreaResult]) -> [AreaID: Int] {
        func need(_ r: AreaResult) -> Double { r.counts.unservedOrUnderservedShare ?? 0 }
        let ordered = results.sorted { need($0) != need($1) ? need($0) > need($1) : $0.id < $1.id }
        return Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1.id, $0 + 1) })
    }

    static func noun(_ kind: AreaKind) -> AreaNoun { AreaNoun(kind.displayName) }

    static func sourceLine(_ c: StudyRunner.Computed, study: Study) -> String {
        if study.synthetic { return "Source: SYNTHETIC demonstration data (datasets/demo). Not a real place." }
        return
            "Sources: FCC Broadband Data Collection; U.S. Census Bureau TIGER/Line and ACS. Map: Lastmile \(LastmileVersion.current)."
    }

    /// A report date as the cover prints it: "November 28, 2026" (UTC).
    static func day(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "MMMM d, yyyy"
        return f.string(from: date)
    }

    /// The report's content from the run's results.
    static func content(
        _ c: StudyRunner.Computed, study: Study, runID: String, startedAt: Date, map: DisplayList?,
        phasesMap: DisplayList? = nil
    ) -> ReportContent {
        let needScores = Dictionary(uniqueKeysWithValues: c.businessCase.areas.map { ($0.id, $0.need.score) })
        let rows = c.join.results.map { r in
            var row = ReportContent.AreaRow(
                id: r.id.rawValue, name: r.name, locations: r.counts.locations,
                unserved: r.counts.unserved, underserved: r.counts.underserved,
                served: r.counts.served, households: r.households, noInternetShare: r.noInternetShare,
                medianIncome: r.medianHouseholdIncome.map { Int($0.rounded()) })
            if !c.providers.study.isEmpty { row.providersAt100x20 = c.providers.providersServing(r.id) }
            row.needScore = needScores[r.id] ?? nil
            row.noInternetUnreliable = r.demographics?.noInternetShareIsUnreliable ?? false
            return row
        }
        let stamp = ISO8601DateFormatter().string(from: startedAt)
        var method = study.profile.explanation
        switch study.areaKind {
        case .census(let level):
            method.append(
                "Locations are counted once each and grouped by the first \(level.geoidLength) digits of their 2020 census block GEOID (\(level.displayName)). Shares are of all locations in the area."
            )
        case .custom:
            method.append(
                "The areas are the study's own shapes (\((study.areasPath.map { ($0 as NSString).lastPathComponent }) ?? "inputs.areas")): each location of the locations file is counted once, in the shape that contains its coordinates (a point-in-polygon join; a point on an edge two shapes share counts in the first of them in the file); locations outside every shape are left out. Shares are of all locations in the area."
            )
        }
        let universe = c.join.results.lazy.compactMap { $0.demographics?.subscriptionUniverse }.first
        if study.demographicsPath != nil {
            if universe == .personsInHouseholds {
                method.append(
                    "The share without an internet subscription comes from ACS subject table S2802, whose universe is people in households, not households: it is the share of people living in households that have a computer but no internet subscription, or no computer. It is joined by GEOID."
                )
            } else {
                method.append(
                    "Households, median household income and the share of households without an internet subscription come from the ACS 5-year table given as demographics, joined by GEOID."
                )
            }
        }
        if !NeedGroupsReport.hasAdoptionEvidence(study) {
            method.append(
                "The study gives no adoption indicator (an ACS subscription table or Microsoft's usage), so its \(noun(study.areaKind).plural) are not placed in need groups (network gap, adoption gap, both, neither): the report cannot say where demand, not a network, is missing."
            )
        }
        if !c.diagnostics.isEmpty {
            method.append("Data notes: " + c.diagnostics.joined(separator: " "))
        }
        return ReportContent(
            title: study.reportTitle, studyName: study.name, isSyntheticData: study.synthetic,
            generatedDate: day(startedAt), timestamp: stamp,
            dataVintages: c.inputs.filter { $0.role != "study" }.map {
                DataVintage.coverLine(role: $0.role, path: $0.path, synthetic: study.synthetic)
            },
            totals: ReportContent.Totals(
                locations: c.totals.locations, unserved: c.totals.unserved,
                underserved: c.totals.underserved, served: c.totals.served,
                funded: study.fundedLocationsPaths.isEmpty ? nil : c.totals.funded),
            areas: rows, areaNoun: study.areaKind.displayName, map: map,
            mapCaption:
                "Labels name the \(mapLabelCount) highest-need areas, or give their rank in the ranked table where the name does not fit or names several areas. Quantile classes of the share of locations that are unserved or underserved under \(study.profile.name)."
                + (c.join.results.contains { $0.counts.locations == 0 }
                    ? " Hatched: no locations in the availability files." : ""),
            policyName: study.profile.name, methodParagraphs: method,
            dataSources: c.inputs.map {
                ReportContent.DataSource(
                    fileName: ($0.path as NSString).lastPathComponent, role: $0.role,
                    sizeBytes: $0.sizeBytes, sha256: $0.sha256,
                    vintageAndLicence: DataVintage.vintage(role: $0.role, path: $0.path, synthetic: study.synthetic)
                        + "; " + DataVintage.licence(role: $0.role, synthetic: study.synthetic))
            },
            runID: runID, toolVersion: LastmileVersion.current,
            businessCase: BusinessCaseReport.content(c, study: study, phasesMap: phasesMap),
            universeNotice: c.universe.statement(profile: study.profile),
            noInternetUniverse: universe?.displayName, providers: providerRows(c.providers),
            anchors: c.anchors.map {
                ReportContent.AnchorRow(
                    type: AnchorInstitutionsFile.types[$0.type] ?? $0.type, name: $0.name,
                    area: $0.area ?? "not in the files", serviceClass: $0.serviceClass ?? "no record",
                    gigabitSymmetric: $0.gigabitSymmetric)
            })
    }

    /// The report's provider table rows from the landscape.
    static func providerRows(_ landscape: ProviderLandscape) -> [ReportContent.ProviderRow] {
        landscape.study.map { p in
            ReportContent.ProviderRow(
                id: p.id, label: p.label, otherBrands: Array(p.brands.dropFirst()),
                technologies: p.technologies.map { Technology(code: $0).name }.joined(separator: ", "),
                locations: p.locations, locationsAt25x3: p.locationsAt25x3, locationsAt100x20: p.locationsAt100x20,
                locationsServed: p.locationsServed,
                topSpeed: NumberFormatting.grouped(
                    p.maxDownload, decimals: p.maxDownload == p.maxDownload.rounded() ? 0 : 1) + "/"
                    + NumberFormatting.grouped(p.maxUpload, decimals: p.maxUpload == p.maxUpload.rounded() ? 0 : 1))
        }
    }

    static func paper(_ p: Study.PaperSize) -> Reports.PaperSize {
        switch p {
        case .letter: .letter
        case .a4: .a4
        case .tabloid: .tabloid
        }
    }
}
