import Foundation
import GeoModel
import Analysis
import Graphics
import Maps
import Reports

/// Builds the run's map and report from computed results (values in, files out through Graphics).
enum RunReport {
    /// The map canvas: fits the content area of a Letter page under its heading.
    static let mapCanvas = PageSize(width: 540, height: 560)
    /// PNG resolution of maps/*.png: 150 dpi gives a 1,125-pixel-wide map, sharp on screen and in slides.
    static let mapDPI = 150.0

    /// The choropleth of the unserved + underserved share per area.
    static func unservedMap(_ c: StudyRunner.Computed, study: Study, measurer: some TextMeasurer) throws -> MapDrawing {
        let shares = Dictionary(uniqueKeysWithValues: c.join.results.map { ($0.id, $0.counts.unservedOrUnderservedShare) })
        let areas = c.areas.map { MapArea(id: $0.id, geometry: $0.geometry, value: shares[$0.id] ?? nil) }
        let map = ChoroplethMap(
            title: "Locations unserved or underserved",
            subtitle: "Share of broadband-serviceable locations per \(study.areaLevel.displayName), \(study.profile.name) rule",
            areas: areas, scheme: .quantile, classCount: 5, palette: .ylOrRd, valueFormat: .percent(decimals: 0),
            legendTitle: "Unserved + underserved", areaNoun: noun(study.areaLevel),
            source: sourceLine(c, study: study))
        return try map.draw(size: mapCanvas, measurer: measurer)
    }

    static func noun(_ level: AreaLevel) -> AreaNoun {
        switch level {
        case .county: .counties
        case .tract: .tracts
        case .blockgroup: .blockGroups
        case .block: AreaNoun(singular: "block", plural: "blocks")
        case .state: AreaNoun(singular: "state", plural: "states")
        }
    }

    static func sourceLine(_ c: StudyRunner.Computed, study: Study) -> String {
        if study.synthetic { return "Source: SYNTHETIC demonstration data (datasets/demo). Not a real place." }
        return "Sources: FCC Broadband Data Collection; U.S. Census Bureau TIGER/Line and ACS. Map: Lastmile \(LastmileVersion.current)."
    }

    /// The report's content from the run's results.
    static func content(_ c: StudyRunner.Computed, study: Study, runID: String, startedAt: Date, map: DisplayList?,
                        phasesMap: DisplayList? = nil) -> ReportContent {
        let rows = c.join.results.map { r in
            ReportContent.AreaRow(id: r.id.rawValue, name: r.name, locations: r.counts.locations,
                                  unserved: r.counts.unserved, underserved: r.counts.underserved,
                                  served: r.counts.served, households: r.households, noInternetShare: r.noInternetShare,
                                  medianIncome: r.medianHouseholdIncome.map { Int($0.rounded()) })
        }
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_US_POSIX")
        day.timeZone = TimeZone(identifier: "UTC")
        day.dateFormat = "MMMM d, yyyy"
        let stamp = ISO8601DateFormatter().string(from: startedAt)
        var method = study.profile.explanation
        method.append("Locations are counted once each and grouped by the first \(study.areaLevel.geoidLength) digits of their 2020 census block GEOID (\(study.areaLevel.displayName)). Shares are of all locations in the area.")
        if study.demographicsPath != nil {
            method.append("Households, median household income and the share of households without an internet subscription come from the ACS 5-year table given as demographics, joined by GEOID.")
        }
        if !c.diagnostics.isEmpty {
            method.append("Data notes: " + c.diagnostics.joined(separator: " "))
        }
        return ReportContent(
            title: study.reportTitle, studyName: study.name, isSyntheticData: study.synthetic,
            generatedDate: day.string(from: startedAt), timestamp: stamp,
            dataVintages: c.inputs.filter { $0.role != "study" }.map {
                DataVintage.coverLine(role: $0.role, path: $0.path, synthetic: study.synthetic)
            },
            totals: ReportContent.Totals(locations: c.totals.locations, unserved: c.totals.unserved,
                                         underserved: c.totals.underserved, served: c.totals.served),
            areas: rows, areaNoun: study.areaLevel.displayName, map: map,
            mapCaption: "Quantile classes of the share of locations that are unserved or underserved under \(study.profile.name). Hatched: no locations in the availability files.",
            policyName: study.profile.name, methodParagraphs: method,
            dataSources: c.inputs.map {
                ReportContent.DataSource(fileName: ($0.path as NSString).lastPathComponent, role: $0.role,
                                         sizeBytes: $0.sizeBytes, sha256: $0.sha256,
                                         vintageAndLicence: DataVintage.vintage(role: $0.role, path: $0.path, synthetic: study.synthetic)
                                             + "; " + DataVintage.licence(role: $0.role, synthetic: study.synthetic))
            },
            runID: runID, toolVersion: LastmileVersion.current,
            businessCase: BusinessCaseReport.content(c, study: study, phasesMap: phasesMap))
    }

    static func paper(_ p: Study.PaperSize) -> Reports.PaperSize {
        switch p {
        case .letter: .letter
        case .a4: .a4
        case .tabloid: .tabloid
        }
    }
}
