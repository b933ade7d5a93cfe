import Analysis
import Atlas
import Charts
import Foundation
import GeoIO
import GeoModel
import Maps

/// The run's offline atlas (atlas.html): the report's maps as layers over the areas, each area's
/// figures on a card, search by name or GEOID.
enum AtlasReport {
    static let fileName = "atlas.html"

    /// The atlas content of a run (the edition's view: a public edition's withheld areas are left out).
    static func content(_ c: StudyRunner.Computed, study: Study, runID: String, date: Date) throws -> AtlasContent {
        let results = Dictionary(uniqueKeysWithValues: c.join.results.map { ($0.id, $0) })
        let plans = Dictionary(uniqueKeysWithValues: c.businessCase.areas.map { ($0.id, $0) })
        let ranks = RunReport.needRanks(c.join.results)
        let shown = c.areas.filter { results[$0.id] != nil }
        let order = shown.map(\.id)
        let noun = RunReport.noun(study.areaKind)

        var layers = [try AtlasLayer(key: "unserved", map: RunReport.unservedChoropleth(c, study: study), order: order)]
        /// A quantile layer of one value per area (the adoption gap's sets its own diverging classes).
        func layerMap(
            _ title: String, _ legend: String, palette: Palette, format: ValueFormat, _ value: (AreaID) -> Double?
        )
            -> ChoroplethMap
        {
            ChoroplethMap(
                title: title, areas: shown.map { MapArea(id: $0.id, geometry: $0.geometry, value: value($0.id)) },
                scheme: .quantile, classCount: 5, palette: palette, valueFormat: format, legendTitle: legend,
                areaNoun: noun, source: "")
        }
        if plans.values.contains(where: { $0.need.score != nil }) {
            let map = layerMap(
                "Need score", "Need score (0–100)", palette: .purples, format: .number(decimals: 0, unit: nil)
            ) {
                plans[$0]?.need.score
            }
            layers.append(try AtlasLayer(key: "need", map: map, order: order))
        }
        if let groups = NeedGroupsReport.choropleth(c, study: study) {
            layers.append(try AtlasLayer(key: "groups", map: groups, order: order))
        }
        if c.speedTests != nil {
            let map = layerMap(
                "Measured download", "Tests-weighted mean download", palette: .blues,
                format: .number(decimals: 0, unit: "Mbps")
            ) {
                results[$0]?.measuredSpeeds?.meanDownloadMbps
            }
            layers.append(try AtlasLayer(key: "speed", map: map, order: order))
        }
        if c.join.results.contains(where: { $0.adoptionGap != nil }) {
            // A difference: diverging classes round zero, red where more is offered than subscribed.
            var map = layerMap(
                "Adoption gap", "Offered 100/20 minus subscribed", palette: Palette.rdBu.reversed,
                format: .percent(decimals: 0)
            ) {
                results[$0]?.adoptionGap
            }
            map.scheme = .diverging(c.join.results.compactMap(\.adoptionGap))
            layers.append(try AtlasLayer(key: "adoption", map: map, order: order))
        }
        if plans.values.contains(where: { $0.phase != nil }) {
            layers.append(
                try AtlasLayer(key: "phases", map: BusinessCaseReport.phasesChoropleth(c, study: study), order: order))
        }

        let fields = [
            "Locations", "Unserved", "Underserved", "Served at 100/20", "Unserved or underserved", "Need score",
            "Need group", "Households (ACS)", "Without an internet subscription (ACS)", "Adoption gap",
            "Measured download", "Speed tests", "Microsoft usage at broadband speed", "Covered populations (share)",
            "Build phase",
        ]
        let tolerance = AtlasShape.tolerance(
            for: shown.reduce(BoundingBox.empty) { $0.union($1.geographicGeometry.boundingBox) })
        let areas = shown.map { area -> AtlasArea in
            let r = results[area.id]!
            let plan = plans[area.id]
            func count(_ n: Int) -> String { NumberFormatting.grouped(n) }
            func share(_ x: Double?) -> String { x.map { NumberFormatting.percent($0, decimals: 1) } ?? "" }
            let unreliable = (r.demographics?.noInternetShareIsUnreliable ?? false) ? " (unreliable: CV above 30%)" : ""
            let speeds = r.measuredSpeeds
            var values: [String] = [
                count(r.counts.locations), count(r.counts.unserved), count(r.counts.underserved),
                count(r.counts.served), share(r.counts.unservedOrUnderservedShare),
            ]
            values.append(plan?.need.score.map { NumberFormatting.grouped($0, decimals: 1) } ?? "")
            values.append(r.gaps?.group.label ?? "")
            values.append(r.households.map(count) ?? "")
            values.append(r.noInternetShare == nil ? "" : share(r.noInternetShare) + unreliable)
            values.append(share(r.adoptionGap))
            values.append(speeds?.meanDownloadMbps.map { NumberFormatting.grouped($0, decimals: 1) + " Mbps" } ?? "")
            values.append(speeds.map { $0.tests > 0 ? count($0.tests) : "" } ?? "")
            values.append(share(r.broadbandUsage?.usageShare))
            values.append(share(r.coveredPopulations?.coveredShare))
            values.append(plan?.phase.map { "Phase \($0) (year \($0 - 1))" } ?? "")
            return AtlasArea(
                id: area.id.rawValue, name: r.name.isEmpty ? area.name : r.name, rank: ranks[area.id],
                shape: AtlasShape.coordinates(area.geographicGeometry, tolerance: tolerance), values: values)
        }

        var sources = [RunReport.sourceLine(c, study: study)]
        if c.speedTests != nil { sources.append("Speed tests: " + SpeedTestTiles.attribution + ".") }
        if study.broadbandUsagePath != nil {
            sources.append("Broadband usage: Microsoft, Open Use of Data Agreement v1.0.")
        }
        return AtlasContent(
            title: study.reportTitle,
            subtitle: "\(study.profile.name) rule · run \(runID) · \(RunReport.day(date))",
            sources: sources, areaSingular: noun.singular, areaPlural: noun.plural, fields: fields, areas: areas,
            layers: layers)
    }
}
