import Charts
import GeoModel
import Graphics

extension ReportBuilder {
    /// At most this many providers in the report's table (the full list is in providers.csv).
    static let providerTableLimit = 20

    /// "Who serves the area today": the providers of the availability files, largest first.
    func providerPages(_ c: ReportContent, _ theme: ReportTheme) -> [DisplayList] {
        var flow = PageFlow(theme: theme, measurer: measurer)
        flow.heading("Who serves the area today")
        let g = { (v: Int) in NumberFormatting.grouped(v) }
        let shown = c.providers.prefix(Self.providerTableLimit)
        var intro =
            "\(g(c.providers.count)) \(English.noun("provider", count: c.providers.count)) \(c.providers.count == 1 ? "lists" : "list") fixed service in the availability files, "
            + "grouped by FCC provider id (a provider files under several brands; the label is its most frequent one). "
            + "Locations: distinct locations it lists; 25/3 and 100/20: locations where it advertises at least that speed; "
            + "served: locations its records serve under \(c.policyName) (reliable technology, low latency, 100/20)."
        if c.providers.count > shown.count {
            intro +=
                " The \(shown.count) with the most locations are shown; every provider, also per \(c.areaNoun), is in providers.csv."
        }
        flow.paragraph(intro, style: theme.body, spacingAfter: 10)
        let header = [
            "Provider · FCC id (other brands) — technologies", "Locations", "25/3", "100/20", "Served",
            "Top speed (Mbps)",
        ]
        let rows = shown.map { p -> [String] in
            let others = p.otherBrands.isEmpty ? "" : " (" + p.otherBrands.joined(separator: ", ") + ")"
            return [
                "\(p.label) · \(p.id)\(others)\n\(p.technologies)", g(p.locations), g(p.locationsAt25x3),
                g(p.locationsAt100x20), g(p.locationsServed), p.topSpeed,
            ]
        }
        table(
            header: header, rows: rows, firstColumnShare: 0.36, style: TextStyle(size: 7.5, color: ReportTheme.ink),
            into: &flow)
        if !c.anchors.isEmpty { anchorTable(c, into: &flow) }
        return flow.finish()
    }

    /// At most this many anchor institutions in the report's table (all are in anchors.csv).
    static let anchorTableLimit = 40

    /// The community anchor institutions, those without 1 Gbps symmetrical service first.
    private func anchorTable(_ c: ReportContent, into flow: inout PageFlow) {
        flow.y += 14
        flow.paragraph("Community anchor institutions", style: flow.theme.subheading, spacingAfter: 4)
        let eligible = c.anchors.filter { !$0.gigabitSymmetric }
        var intro =
            "\(NumberFormatting.grouped(c.anchors.count)) \(English.noun("anchor institution", count: c.anchors.count)) in the study; "
            + "\(NumberFormatting.grouped(eligible.count)) \(eligible.count == 1 ? "lacks" : "lack") 1 Gbps symmetrical service (a reliable, low-latency offer of at least "
            + "1,000/1,000 Mbps, BEAD's benchmark for anchor institutions) and \(eligible.count == 1 ? "is" : "are") eligible."
        let ordered = eligible + c.anchors.filter(\.gigabitSymmetric)
        if ordered.count > Self.anchorTableLimit {
            intro += " The first \(Self.anchorTableLimit) are shown; all are in anchors.csv."
        }
        flow.paragraph(intro, style: flow.theme.body, spacingAfter: 8)
        let rows = ordered.prefix(Self.anchorTableLimit).map {
            [$0.name, $0.type, $0.area, $0.serviceClass, $0.gigabitSymmetric ? "yes" : "no — eligible"]
        }
        table(
            header: ["Institution", "Type", "Area", "Class", "1 Gbps symmetrical"], rows: Array(rows),
            firstColumnShare: 0.36,
            style: TextStyle(size: 7.5, color: ReportTheme.ink), into: &flow)
    }
}
