import Charts
import GeoModel

/// Sentences for the summary page, generated from the numbers (never canned text).
public enum SummaryText {
    /// The summary paragraphs for `content`.
    public static func paragraphs(for content: ReportContent) -> [String] {
        let t = content.totals
        let g = { (v: Int) in NumberFormatting.grouped(v) }
        let pct = { (v: Double) in NumberFormatting.percent(v) }
        let n = content.areas.count
        let noun = content.areaNoun
        let nouns = n == 1 ? noun : content.areaNounPlural
        var out: [String] = []

        // Without every technology file or the Fabric, the locations are those the files name, not every BSL.
        let what =
            content.universeNotice == nil
            ? "broadband-serviceable locations" : "locations named in the availability files"
        out.append(
            "The study covers \(g(t.locations)) \(what) in \(g(n)) \(nouns). "
                + "Of these, \(g(t.unserved)) (\(pct(t.unservedShare))) are unserved and \(g(t.underserved)) (\(pct(t.underservedShare))) "
                + "are underserved, so \(pct(t.needShare)) of locations lack service at the served benchmark; "
                + "\(g(t.served)) (\(pct(t.servedShare))) are served."
                + (t.funded.map {
                    " \(g($0)) more \($0 == 1 ? "location is not served yet but already has an enforceable commitment to be (a funded program): it is" : "locations are not served yet but already have an enforceable commitment to be (a funded program): they are") counted apart and left out of the need."
                } ?? ""))

        let top = content.topAreasByUnserved(3).filter { $0.unserved > 0 }
        if top.isEmpty {
            out.append("No \(noun) has unserved locations.")
        } else {
            let items = top.map { "\($0.name.isEmpty ? $0.id : $0.name) (\(g($0.unserved)))" }
            let list =
                items.count == 1
                ? items[0]
                : items.dropLast().joined(separator: ", ") + " and " + items.last!
            let share = t.unserved > 0 ? Double(top.reduce(0) { $0 + $1.unserved }) / Double(t.unserved) : 0
            let lead =
                top.count == 1
                ? "The \(noun) with the most unserved locations is"
                : "The \(top.count) \(nouns) with the most unserved locations are"
            let withUnserved = content.areas.filter { $0.unserved > 0 }.count
            out.append(
                "\(lead) \(list); together they hold \(pct(share)) of all unserved locations. "
                    + (withUnserved == n
                        ? "Every \(noun) has at least one unserved location."
                        : "In all, \(g(withUnserved)) of \(g(n)) \(nouns) have at least one unserved location."))
        }

        if let worst = content.rankedAreas.first, worst.locations > 0 {
            let clear = content.areas.filter { $0.locations > 0 && $0.unserved + $0.underserved == 0 }.count
            out.append(
                "The highest share of unserved and underserved locations is in \(worst.name.isEmpty ? worst.id : worst.name) "
                    + "(\(pct(worst.needShare)) of \(g(worst.locations)) locations). "
                    + (clear == 0
                        ? "Every \(noun) has some unserved or underserved locations."
                        : "\(clear == 1 ? "One" : g(clear)) \(clear == 1 ? noun : nouns) \(clear == 1 ? "has" : "have") none.")
            )
        }
        if let groups = content.needGroups { out.append(needGroups(groups, content)) }
        if let recommendation = recommendation(for: content) { out.append(recommendation) }
        return out
    }

    /// Names the areas of each need group, with what a town would do there.
    static func needGroups(_ n: NeedGroupsContent, _ content: ReportContent) -> String {
        let parts = n.groups.filter { !$0.areas.isEmpty }.map { g in
            let nouns = g.areas.count == 1 ? content.areaNoun : content.areaNounPlural
            return "\(g.label) (\(NumberFormatting.grouped(g.areas.count)) \(nouns)): "
                + NeedGroupsContent.names(g.areas, limit: 8)
        }
        let empty = n.groups.filter(\.areas.isEmpty).map { $0.label.lowercased() }
        return "Where networks and where demand must be built, by group. " + parts.joined(separator: ". ") + "."
            + (empty.isEmpty ? "" : " No \(content.areaNoun) falls in " + NeedGroupsContent.either(empty) + ".")
    }

    /// One paragraph of advice drawn from the business case, worded so that it cannot contradict the
    /// scenario table: which model has a non-negative NPV (or none), which is closest and why, the funding
    /// gap, the bond's coverage, and what to build first.
    static func recommendation(for content: ReportContent) -> String? {
        guard let bc = content.businessCase, !bc.scenarios.isEmpty else { return nil }
        let pct = { (v: Double) in NumberFormatting.percent(v) }
        let money = { (v: Double) in MoneyFormatting.dollars(v) }
        let times = { (v: Double) in NumberFormatting.grouped(v, decimals: 2) + "×" }
        var parts: [String] = []
        if bc.phases.reduce(0, { $0 + $1.passings }) == 0 {
            return
                "Recommendation: the plan builds nothing. No \(content.areaNoun) with unserved or underserved locations is at most "
                + "\(pct(bc.maxServedShare)) served at 100/20 (plan.max_served_share) and within the capital budget; "
                + (bc.eligibleLocationsOnly
                    ? "raise the budget to reach the eligible locations."
                    : "to reach the remaining unserved and underserved locations, cost only those (plan.build = \"eligible_locations\", as a BEAD-style subsidy would) and allow mostly-served areas (plan.include_served_areas = true).")
        }
        let ranked = bc.scenarios.sorted { $0.npv > $1.npv }
        let best = ranked[0]
        let payback =
            best.paybackYears.map { "its cash pays back in \(NumberFormatting.grouped($0, decimals: 1)) years" }
            ?? "its cumulative cash never turns positive within \(English.counted(bc.horizonYears, "year"))"
        if best.npv >= 0 {
            parts.append(
                "Recommendation: the \(best.label.lowercasedFirst) model has a non-negative NPV under these assumptions "
                    + "(\(money(best.npv)) over \(English.counted(bc.horizonYears, "year")) at \(pct(bc.discountRate))); \(payback)."
            )
        } else {
            var sentence =
                bc.scenarios.count == 1
                ? "Recommendation: the \(best.label.lowercasedFirst) model has a negative NPV (\(money(best.npv)) over \(English.counted(bc.horizonYears, "year")) at \(pct(bc.discountRate))); \(payback)"
                : "Recommendation: none of the \(bc.scenarios.count) models has a positive NPV under these assumptions (over \(English.counted(bc.horizonYears, "year")) at \(pct(bc.discountRate))). "
                    + "The closest is the \(best.label.lowercasedFirst) (NPV \(money(best.npv))), \(reason(best, among: bc.scenarios)); \(payback)"
            if let gap = best.fundingGap {
                sentence +=
                    ". A grant of \(money(gap)) (\(money(best.fundingGapPerPassing ?? 0)) per passing) would bring it to an NPV of zero"
            }
            if let needed = best.breakEvenTakeRate {
                sentence +=
                    "; without a grant it would need a take rate of \(pct(needed)) against the assumed \(pct(bc.takeRate))"
            }
            parts.append(sentence + ".")
            if let retail = bc.headline, retail.label != best.label, let gap = retail.fundingGap {
                parts.append(
                    "The \(retail.label.lowercasedFirst)'s funding gap is \(money(gap)) (\(money(retail.fundingGapPerPassing ?? 0)) per passing)."
                )
            }
        }
        if let retail = bc.headline, retail.debtServiceYears > 0, let high = retail.maximumDebtServiceCoverage {
            let below = retail.yearsBelowCovenant.count
            parts.append(
                below == retail.debtServiceYears
                    ? "The \(retail.label.lowercasedFirst)'s revenue bond is never covered: debt-service coverage peaks at \(times(high)) against a \(times(retail.dscrCovenant)) covenant, so the general fund would carry up to \(money(-retail.generalFundExposure))\(retail.generalFundExposureYear.map { " (year \($0))" } ?? "")."
                    : "The \(retail.label.lowercasedFirst)'s debt-service coverage is below the \(times(retail.dscrCovenant)) covenant in \(below) of \(English.counted(retail.debtServiceYears, "year")) (highest \(times(high)))."
            )
        }
        if let h = bc.headline {
            parts.append(
                "Risk (\(h.label.lowercasedFirst)): the Monte Carlo NPV is \(money(h.p10)) at P10, \(money(h.p50)) at P50 and \(money(h.p90)) at P90, "
                    + "negative in \(NumberFormatting.percent(h.probabilityNPVNegative, decimals: 0)) of draws. "
                    + BusinessCaseContent.monteCarloAssumption(h))
        }
        if let first = bc.phases.first {
            parts.append(
                "Start with phase 1: \(NumberFormatting.grouped(first.areas)) \(first.areas == 1 ? content.areaNoun : content.areaNounPlural) "
                    + "and \(NumberFormatting.grouped(first.passings)) \(English.noun("passing", count: first.passings)) for \(money(first.costToPass)) to pass, "
                    + "the areas of highest need per dollar.")
        }
        return parts.joined(separator: " ")
    }

    /// Why a scenario comes out ahead of the others, from the numbers: least city capital, else the
    /// most revenue kept.
    static func reason(_ s: BusinessCaseContent.Scenario, among all: [BusinessCaseContent.Scenario]) -> String {
        let most = all.map(\.capex).max() ?? s.capex
        if s.capex < most, s.capex == all.map(\.capex).min() {
            return
                "because the city puts in the least capital (\(MoneyFormatting.dollars(s.capex)) against up to \(MoneyFormatting.dollars(most)))"
        }
        return "because it keeps the most revenue against its costs"
    }
}

extension String {
    /// The text with its first letter in lower case, for a label inside a sentence ("Retail municipal
    /// ISP" → "retail municipal ISP"; acronyms keep their case).
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
