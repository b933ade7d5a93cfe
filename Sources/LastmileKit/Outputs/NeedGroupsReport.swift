import Analysis
import Charts
import Foundation
import GeoIO
import GeoModel
import Graphics
import Maps
import Reports

/// The need-groups page and map: where networks and where demand must be built.
enum NeedGroupsReport {
    /// The areas in groups, or nil when the study has no adoption indicator (no ACS table, no usage
    /// table): then every area would fall in "network" or "neither" for want of data, not of need.
    static func content(_ c: StudyRunner.Computed, study: Study, map: DisplayList?) -> NeedGroupsContent? {
        guard hasAdoptionEvidence(study) else { return nil }
        let ranks = RunReport.needRanks(c.join.results)
        let ordered = c.join.results.sorted { (ranks[$0.id] ?? 0) < (ranks[$1.id] ?? 0) }
        let groups = NeedGroup.allCases.map { g in
            let members = ordered.filter { $0.gaps?.group == g }
            return NeedGroupsContent.Group(
                label: g.label, action: g.action, areas: members.map { $0.name.isEmpty ? $0.id.rawValue : $0.name },
                needLocations: members.reduce(0) { $0 + $1.counts.unservedOrUnderserved })
        }
        var missingCounts: [String: Int] = [:]
        for r in c.join.results { for m in r.gaps?.missing ?? [] { missingCounts[m, default: 0] += 1 } }
        let noun = RunReport.noun(study.areaKind)
        let missing = missingCounts.sorted { $0.key < $1.key }.map {
            "\(NumberFormatting.grouped($0.value)) \($0.value == 1 ? noun.singular : noun.plural): \($0.key)"
        }
        let (network, adoption) = thresholdSentences(study)
        return NeedGroupsContent(
            groups: groups, networkThresholds: network, adoptionThresholds: adoption, missing: missing, map: map,
            mapCaption:
                "Each \(study.areaKind.displayName) by its group; the reasons per \(study.areaKind.displayName) are in results.csv (need_group, network_gap_reasons, adoption_gap_reasons)."
        )
    }

    static func hasAdoptionEvidence(_ study: Study) -> Bool {
        study.demographicsPath != nil || study.broadbandUsagePath != nil
    }

    /// The thresholds in words, each with where its value comes from (the study file, or the default's source).
    static func thresholdSentences(_ study: Study) -> (network: [String], adoption: [String]) {
        let t = study.gapThresholds
        // As few decimals as the value needs: "25%", "12.5%".
        func pct(_ x: Double) -> String {
            let p = x * 100
            return NumberFormatting.percent(x, decimals: p == p.rounded() ? 0 : (p * 10 == (p * 10).rounded() ? 1 : 2))
        }
        func source(_ key: String) -> String {
            if study.parameters.values[key] != nil { return "set in the study file, \(key)" }
            let s = StudyKeys.entry(key)?.source ?? ""
            return s.hasPrefix(StudyKeys.indicators) ? StudyKeys.indicators : "planning assumption, no published source"
        }
        var network = [
            "at least \(pct(t.networkGapShare)) of its locations are unserved or underserved (\(source("evidence.network_gap_share")))"
        ]
        if study.speedTestsPath != nil {
            network.append(
                "at least \(pct(t.measuredBelow25x3Share)) of its speed tests (with at least \(English.counted(t.minimumTests, "test"))) are in tiles averaging below 25/3, i.e. the median test is below 25/3 (\(source("evidence.measured_below_25_3_share")))"
            )
        }
        var adoption: [String] = []
        if study.demographicsPath != nil {
            adoption.append(
                "at least \(pct(t.noInternetShare)) are without an internet subscription (ACS; \(source("evidence.no_internet_share")))"
            )
            adoption.append(
                "at least \(pct(t.noComputerShare)) are without a computer (ACS; \(source("evidence.no_computer_share")))"
            )
        }
        if study.broadbandUsagePath != nil {
            adoption.append(
                "at most \(pct(t.usageShare)) of devices use the internet at broadband speed, 25 Mbps (Microsoft; \(source("evidence.usage_share")))"
            )
        }
        return (network, adoption)
    }

    /// The map: each area coloured by its group; areas whose ACS share without an internet
    /// subscription has a coefficient of variation above 30% hatched over their colour: their group
    /// may rest on a share the survey measured too loosely to decide on.
    static func map(_ c: StudyRunner.Computed, study: Study, measurer: some TextMeasurer) throws -> MapDrawing? {
        try choropleth(c, study: study)?.draw(size: RunReport.mapCanvas, measurer: measurer)
    }

    /// The need-groups map's areas, classes and legend (the report's map and the atlas's layer); nil
    /// without an adoption indicator.
    static func choropleth(_ c: StudyRunner.Computed, study: Study) -> ChoroplethMap? {
        guard hasAdoptionEvidence(study) else { return nil }
        let order = Dictionary(uniqueKeysWithValues: NeedGroup.allCases.enumerated().map { ($1, Double($0 + 1)) })
        let value = Dictionary(
            uniqueKeysWithValues: c.join.results.map { ($0.id, $0.gaps.flatMap { order[$0.group] }) })
        let unreliable = Set(
            c.join.results.filter { $0.demographics?.noInternetShareIsUnreliable ?? false }.map(\.id))
        let areas = c.areas.map {
            MapArea(
                id: $0.id, geometry: $0.geometry, value: value[$0.id] ?? nil, isFlagged: unreliable.contains($0.id))
        }
        let n = NeedGroup.allCases.count
        var map = ChoroplethMap(
            title: "Where networks and where demand must be built",
            subtitle: "Network gap, adoption gap, both or neither per \(study.areaKind.displayName)",
            areas: areas, scheme: .manual((1...n).map(Double.init)), classCount: n, palette: .needGroups,
            valueFormat: .number(decimals: 0, unit: nil), legendTitle: "Group",
            areaNoun: RunReport.noun(study.areaKind),
            source: RunReport.sourceLine(c, study: study)
                + (c.speedTests == nil ? "" : " Speed tests: " + SpeedTestTiles.attribution + "."))
        map.classLabels = NeedGroup.allCases.map(\.label)
        map.flagLabel = "ACS share without internet unreliable (CV above \(Int(Estimate.unreliableCV * 100))%)"
        RunReport.withContext(&map, c)
        return map
    }

    /// The report's challenge-candidates table and map.
    static func challenges(
        _ challenge: ChallengeCandidates, study: Study, source: String, map: DisplayList
    ) -> ChallengeCandidatesContent {
        var content = ChallengeCandidatesContent(
            rows: challenge.candidates.map { r in
                let m = r.measuredSpeeds!
                return ChallengeCandidatesContent.Row(
                    name: r.name.isEmpty ? r.id.rawValue : r.name, locations: r.counts.locations,
                    servedShare: Double(r.counts.served) / Double(max(1, r.counts.locations)), tests: m.tests,
                    meanDownloadMbps: m.meanDownloadMbps, meanUploadMbps: m.meanUploadMbps,
                    testsBelow100x20Share: m.testsBelow100x20Share ?? 0)
            }, areasWithTests: challenge.judged.count, minimumTests: study.gapThresholds.minimumTests,
            source: source)
        content.map = map
        return content
    }

    /// The challenge-candidates map: candidates dark, areas whose tests agree grey, too few tests hatched.
    static func challengeMap(
        _ c: StudyRunner.Computed, _ challenge: ChallengeCandidates, study: Study, measurer: some TextMeasurer
    ) throws -> MapDrawing {
        try challengeChoropleth(c, challenge, study: study).draw(size: RunReport.mapCanvas, measurer: measurer)
    }

    /// The challenge-candidates map's areas, classes and legend (the report's map and the atlas's layer).
    static func challengeChoropleth(
        _ c: StudyRunner.Computed, _ challenge: ChallengeCandidates, study: Study
    ) -> ChoroplethMap {
        let flagged = Set(challenge.candidates.map(\.id))
        let judged = Set(challenge.judged.map(\.id))
        let areas = c.areas.map { a in
            MapArea(
                id: a.id, geometry: a.geometry, value: flagged.contains(a.id) ? 1 : (judged.contains(a.id) ? 2 : nil))
        }
        var map = ChoroplethMap(
            title: "Advertised against measured",
            subtitle: "At least half served at 100/20 on paper, at least half the speed tests below it",
            areas: areas, scheme: .manual([1, 2]), classCount: 2, palette: .challenge,
            valueFormat: .number(decimals: 0, unit: nil), legendTitle: "Speed tests",
            areaNoun: RunReport.noun(study.areaKind),
            source: RunReport.sourceLine(c, study: study) + " Speed tests: " + SpeedTestTiles.attribution + ".")
        map.classLabels = ["Challenge candidate", "Tests agree with the files"]
        map.noDataLabel = "Fewer than " + English.counted(study.gapThresholds.minimumTests, "test")
        RunReport.withContext(&map, c)
        return map
    }
}
