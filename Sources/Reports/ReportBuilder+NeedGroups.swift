import Charts
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
}
