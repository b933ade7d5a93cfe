import Charts
import GeoModel
import Graphics

extension ReportBuilder {
    /// At most this many area names per group on the page (all are in results.csv, column need_group).
    static let needGroupNameLimit = 40

    /// "Where to build networks, where to build demand": the groups map, then each group with what a
    /// town would do there and its areas.
    func needGroupPages(_ n: NeedGroupsContent, _ c: ReportContent, _ theme: ReportTheme) -> [DisplayList] {
        var flow = PageFlow(theme: theme, measurer: measurer)
        flow.heading("Where to build networks, where to build demand")
        flow.paragraph(
            "A network alone is not enough: people must also be able and willing to use it. Each \(c.areaNoun) is placed "
                + "in one of four groups. It has a network gap when " + NeedGroupsContent.either(n.networkThresholds)
                + "; an adoption gap when " + NeedGroupsContent.either(n.adoptionThresholds) + ".",
            style: theme.body, spacingAfter: 10)
        for group in n.groups {
            let count = group.areas.count
            flow.y += 6
            flow.paragraph(
                "\(group.label) — \(NumberFormatting.grouped(count)) \(count == 1 ? c.areaNoun : c.areaNounPlural)",
                style: theme.subheading, spacingAfter: 3)
            var text = "What to do: \(group.action)."
            if count > 0 {
                text +=
                    " \(NumberFormatting.grouped(group.needLocations)) unserved or underserved locations. "
                    + NeedGroupsContent.names(group.areas, limit: Self.needGroupNameLimit) + "."
            }
            flow.paragraph(text, style: theme.body, spacingAfter: 4)
        }
        if !n.missing.isEmpty {
            flow.y += 4
            flow.paragraph(
                "Not every indicator could be judged: " + n.missing.joined(separator: "; ") + ".", style: theme.small,
                spacingAfter: 4)
        }
        if let map = n.map {
            flow.newPage()
            flow.map(map, caption: n.mapCaption)
        }
        return flow.finish()
    }

    /// At most this many rows in the challenge-candidates table (all are in challenge-candidates.csv).
    static let challengeTableLimit = 30

    /// "Advertised against measured": the areas mostly served on paper where most tests fall short.
    func challengePages(_ ch: ChallengeCandidatesContent, _ c: ReportContent, _ theme: ReportTheme) -> [DisplayList] {
        var flow = PageFlow(theme: theme, measurer: measurer)
        flow.heading("Advertised against measured")
        let g = { (v: Int) in NumberFormatting.grouped(v) }
        let nouns = ch.areasWithTests == 1 ? c.areaNoun : c.areaNounPlural
        var intro =
            "Of \(g(ch.areasWithTests)) \(nouns) with at least \(g(ch.minimumTests)) speed tests, \(g(ch.rows.count)) "
            + "\(ch.rows.count == 1 ? "is" : "are") at least half served at 100/20 according to the availability files while at least "
            + "half of the tests there were taken in tiles averaging below 100/20. These are candidates for an availability "
            + "challenge, not proof: a test measures the plan a user bought and their home network as well as the provider's. "
            + ch.source + "."
        if ch.rows.count > Self.challengeTableLimit {
            intro += " The first \(Self.challengeTableLimit) are shown; all are in challenge-candidates.csv."
        }
        flow.paragraph(intro, style: theme.body, spacingAfter: 10)
        if !ch.rows.isEmpty {
            let mbps = { (v: Double?) in v.map { NumberFormatting.grouped($0, decimals: 1) } ?? "–" }
            let rows = ch.rows.prefix(Self.challengeTableLimit).map { r in
                [
                    r.name, g(r.locations), NumberFormatting.percent(r.servedShare, decimals: 0), g(r.tests),
                    mbps(r.meanDownloadMbps) + " / " + mbps(r.meanUploadMbps),
                    NumberFormatting.percent(r.testsBelow100x20Share, decimals: 0),
                ]
            }
            table(
                header: [
                    c.areaNoun.prefix(1).uppercased() + c.areaNoun.dropFirst(), "Locations", "Served (FCC)", "Tests",
                    "Measured down / up (Mbps)", "Tests below 100/20",
                ],
                rows: Array(rows), firstColumnShare: 0.3, style: TextStyle(size: 7.5, color: ReportTheme.ink),
                into: &flow)
        }
        if let map = ch.map {
            flow.newPage()
            flow.map(
                map,
                caption:
                    "Dark: a challenge candidate; grey: the tests agree with the availability files; hatched: fewer "
                    + "than \(g(ch.minimumTests)) \(English.noun("test", count: ch.minimumTests)).")
        }
        return flow.finish()
    }
}
