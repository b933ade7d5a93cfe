import Charts

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
        let what = content.universeNotice == nil ? "broadband-serviceable locations" : "locations named in the availability files"
        out.append("The study covers \(g(t.locations)) \(what) in \(g(n)) \(nouns). "
            + "Of these, \(g(t.unserved)) (\(pct(t.unservedShare))) are unserved and \(g(t.underserved)) (\(pct(t.underservedShare))) "
            + "are underserved, so \(pct(t.needShare)) of locations lack service at the served benchmark; "
            + "\(g(t.served)) (\(pct(t.servedShare))) are served."
            + (t.funded.map { " \(g($0)) more locations are not served yet but already have an enforceable commitment to be (a funded program): they are counted apart and left out of the need." } ?? ""))

        let top = content.topAreasByUnserved(3).filter { $0.unserved > 0 }
        if top.isEmpty {
            out.append("No \(noun) has unserved locations.")
        } else {
            let items = top.map { "\($0.name.isEmpty ? $0.id : $0.name) (\(g($0.unserved)))" }
            let list = items.count == 1 ? items[0]
                : items.dropLast().joined(separator: ", ") + " and " + items.last!
            let share = t.unserved > 0 ? Double(top.reduce(0) { $0 + $1.unserved }) / Double(t.unserved) : 0
            let lead = top.count == 1 ? "The \(noun) with the most unserved locations is" : "The \(top.count) \(nouns) with the most unserved locations are"
            let withUnserved = content.areas.filter { $0.unserved > 0 }.count
            out.append("\(lead) \(list); together they hold \(pct(share)) of all unserved locations. "
                + (withUnserved == n ? "Every \(noun) has at least one unserved location."
                   : "In all, \(g(withUnserved)) of \(g(n)) \(nouns) have at least one unserved location."))
        }

        if let worst = content.rankedAreas.first, worst.locations > 0 {
            let clear = content.areas.filter { $0.locations > 0 && $0.unserved + $0.underserved == 0 }.count
            out.append("The highest share of unserved and underserved locations is in \(worst.name.isEmpty ? worst.id : worst.name) "
                + "(\(pct(worst.needShare)) of \(g(worst.locations)) locations). "
                + (clear == 0 ? "Every \(noun) has some unserved or underserved locations."
                   : "\(clear == 1 ? "One" : g(clear)) \(clear == 1 ? noun : nouns) \(clear == 1 ? "has" : "have") none."))
        }
        if let recommendation = recommendation(for: content) { out.append(recommendation) }
        return out
    }

    /// One paragraph of advice drawn from the business case: which model, if any, pays back, what
    /// take rate it needs against the assumed one, how sure the Monte Carlo is, and what to build first.
    static func recommendation(for content: ReportContent) -> String? {
        guard let bc = content.businessCase, !bc.scenarios.isEmpty else { return nil }
        let pct = { (v: Double) in NumberFormatting.percent(v) }
        let money = { (v: Double) in MoneyFormatting.dollars(v) }
        var parts: [String] = []
        let paying = bc.scenarios.filter { $0.npv >= 0 }.sorted { $0.npv > $1.npv }
        if let best = paying.first {
            parts.append("Recommendation: the \(best.label.lowercasedFirst) model pays back under these assumptions "
                + "(NPV \(money(best.npv)) over \(bc.horizonYears) years at \(pct(bc.discountRate)); "
                + "chance of a negative NPV \(pct(best.probabilityNPVNegative)) in the Monte Carlo).")
        } else {
            let closest = bc.scenarios.max { $0.npv < $1.npv }!
            var sentence = "Recommendation: none of the \(bc.scenarios.count) models pays back under these assumptions; "
                + "the closest, \(closest.label.lowercasedFirst), has an NPV of \(money(closest.npv))"
            if let needed = closest.breakEvenTakeRate {
                sentence += " and would need a take rate of \(pct(needed)) against the assumed \(pct(bc.takeRate))"
            } else if let retail = bc.headline, let needed = retail.breakEvenTakeRate {
                sentence += "; the \(retail.label.lowercasedFirst) would need a take rate of \(pct(needed)) against the assumed \(pct(bc.takeRate))"
            }
            parts.append(sentence + ". Treat a build as needing grant funding (e.g. BEAD) or a partner rather than as a self-funding utility.")
        }
        if let first = bc.phases.first {
            parts.append("Start with phase 1: \(NumberFormatting.grouped(first.areas)) \(first.areas == 1 ? content.areaNoun : content.areaNounPlural) "
                + "and \(NumberFormatting.grouped(first.passings)) passings for \(money(first.costToPass)) to pass, "
                + "the areas of highest need per dollar.")
        }
        return parts.joined(separator: " ")
    }
}

extension String {
    /// The text with its first letter in lower case, for a label inside a sentence ("Retail municipal
    /// ISP" → "retail municipal ISP"; acronyms keep their case).
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
