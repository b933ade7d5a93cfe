/// Number agreement for the nouns Lastmile counts in what it prints: "1 county", "16 counties",
/// "1 block group", "2 block groups", "1 area", "3 areas". Every count printed with a noun goes
/// through here, so that no page says "16 countys" or "1 areas".
public enum English {
    /// The plural of a singular noun. In a phrase the last word takes it ("block group" → "block
    /// groups"); a consonant and y → ies ("county" → "counties", but "survey" → "surveys"); s, x, z, ch
    /// and sh → es ("census" → "censuses"); otherwise s ("tract" → "tracts", "place" → "places"). No
    /// irregular noun is counted, so there is no table of them.
    public static func plural(_ singular: String) -> String {
        guard let last = singular.split(separator: " ", omittingEmptySubsequences: false).last, !last.isEmpty else {
            return singular
        }
        let head = singular.dropLast(last.count)
        let word = String(last)
        let lower = word.lowercased()
        if lower.hasSuffix("y"), let before = lower.dropLast().last, !"aeiou".contains(before) {
            return head + word.dropLast() + "ies"
        }
        if ["s", "x", "z", "ch", "sh"].contains(where: lower.hasSuffix) { return head + word + "es" }
        return head + word + "s"
    }

    /// `singular` when `count` is 1, else its plural: for a count printed apart ("1,204 locations").
    public static func noun(_ singular: String, count: Int) -> String {
        count == 1 ? singular : plural(singular)
    }

    /// The count and the noun: "1 county", "0 counties", "12 counties".
    public static func counted(_ count: Int, _ singular: String) -> String {
        "\(count) " + noun(singular, count: count)
    }
}
