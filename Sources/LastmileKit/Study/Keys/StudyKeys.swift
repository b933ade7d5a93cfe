import Foundation
import Maps

/// One key of a study file: its default, the values it takes, the source of the default and its section.
/// `StudyKeys.all` lists every key; the study parser, `lastmile init` and the report's method page read it.
public struct StudyKey: Sendable {
    /// The study file's tables, in the order `lastmile init` writes them.
    public enum Section: String, Sendable, CaseIterable {
        case study, inputs, policy, report, evidence, need, demand, cost, finance, plan, risk
    }

    /// The values a key takes, as the parser checks them (`allowed` says the same in words).
    public enum Domain: Sendable, Hashable {
        /// A number (integer or not) in the range; strictly above its lower bound when `lowerOpen`.
        case number(ClosedRange<Double>, lowerOpen: Bool = false)
        /// A whole number in the range.
        case integer(ClosedRange<Int>)
        case boolean
        /// Text: a path, a layer or field name, a title.
        case text
        /// One of these words.
        case choice([String])
        /// Text, or a list of text (non-empty unless `allowsEmpty`).
        case textList(allowsEmpty: Bool = false)
        /// One of these codes, or a list of them.
        case codes([String])
        /// A list of `count` shares, each 0 to 1.
        case shares(count: ClosedRange<Int>)
        /// A list of at least this many counts, each ≥ 0.
        case counts(atLeast: Int)
        /// `[low, high]` multipliers with 0 ≤ low ≤ 1 ≤ high ≤ 10.
        case multipliers
        /// FCC provider ids (digits, as a number, text or a list), or the path of a CSV of location ids.
        case providersOrFile
        /// A map palette's name (`Palette.named`), reversed by a leading "-".
        case palette
        /// Accepted and not read yet: any value.
        case unread
    }

    /// The dotted key (`demand.take_rate`), or the field of a scenario table (`arpu`).
    public let key: String
    /// The default as people read it ("0.45", "none: …", "the study name").
    public let defaultText: String
    /// The default as a study value, when the default is one (nil: required, none, or computed from the data).
    public let defaultValue: StudyValue?
    /// The values allowed, in words (error messages quote it).
    public let allowed: String
    public let domain: Domain
    /// The published source of the default, or a planning assumption saying it has none ("" when the
    /// default needs no source).
    public let source: String
    /// True for a business-case key, which the report's method page lists with the value used.
    public let methodPage: Bool

    init(
        _ key: String, default defaultText: String, value: StudyValue?, allowed: String, domain: Domain,
        source: String, methodPage: Bool = false
    ) {
        self.key = key; self.defaultText = defaultText; self.defaultValue = value; self.allowed = allowed
        self.domain = domain; self.source = source; self.methodPage = methodPage
    }

    /// The table the key sits in ([demand] for `demand.take_rate`); nil for a scenario field.
    public var section: Section? {
        key.split(separator: ".", maxSplits: 1).first.flatMap { Section(rawValue: String($0)) }
    }

    /// The key inside its table (`take_rate` for `demand.take_rate`).
    public var field: String {
        key.split(separator: ".", maxSplits: 1).last.map(String.init) ?? key
    }

    /// The default with its source, as `lastmile init` writes it: "0.45 (Cartesian …)".
    public var defaultWithSource: String {
        source.isEmpty ? defaultText : "\(defaultText) (\(source))"
    }

    /// The numeric range of a number key, with `lowerOpen`; nil for another domain.
    var numberRange: (range: ClosedRange<Double>, lowerOpen: Bool)? {
        if case .number(let r, let open) = domain { return (r, open) }
        return nil
    }

    /// True when `value` is one the key takes. Values the parser can only judge against the data (a
    /// path that must exist, observations that must fit a curve) are judged by their form.
    public func accepts(_ value: StudyValue) -> Bool {
        func number(_ v: StudyValue) -> Double? {
            switch v {
            case .integer(let i): Double(i)
            case .number(let d): d.isFinite ? d : nil
            default: nil
            }
        }
        func strings(_ v: StudyValue) -> [String]? {
            switch v {
            case .string(let s): return [s]
            case .list(let l):
                let s = l.compactMap { if case .string(let s) = $0 { s } else { nil } }
                return s.count == l.count ? s : nil
            default: return nil
            }
        }
        switch domain {
        case .number(let r, let open):
            guard let d = number(value) else { return false }
            return r.contains(d) && !(open && d == r.lowerBound)
        case .integer(let r):
            if case .integer(let i) = value { return r.contains(i) }
            return false
        case .boolean:
            if case .boolean = value { return true }
            return false
        case .text:
            if case .string = value { return true }
            return false
        case .choice(let words):
            if case .string(let s) = value { return words.contains(s) }
            return false
        case .textList(let allowsEmpty):
            guard let s = strings(value) else { return false }
            return allowsEmpty || !s.isEmpty
        case .codes(let codes):
            return strings(value).map { $0.allSatisfy(codes.contains) } ?? false
        case .shares(let count):
            guard case .list(let l) = value, count.contains(l.count) else { return false }
            return l.allSatisfy { number($0).map { $0 >= 0 && $0 <= 1 } ?? false }
        case .counts(let least):
            guard case .list(let l) = value, l.count >= least else { return false }
            return l.allSatisfy { number($0).map { $0 >= 0 } ?? false }
        case .multipliers:
            guard case .list(let l) = value, l.count == 2, let low = number(l[0]), let high = number(l[1]) else {
                return false
            }
            return low >= 0 && low <= 1 && high >= 1 && high <= 10
        case .providersOrFile:
            func provider(_ v: StudyValue) -> Bool {
                switch v {
                case .integer(let i): i >= 0
                case .string(let s): Int64(s).map { $0 >= 0 } == true
                default: false
                }
            }
            if case .string(let s) = value, s.lowercased().hasSuffix(".csv") || s.lowercased().hasSuffix(".csv.gz") {
                return true
            }
            if case .list(let l) = value { return l.allSatisfy(provider) }
            return provider(value)
        case .palette:
            if case .string(let s) = value { return Palette.named(s) != nil }
            return false
        case .unread:
            return true
        }
    }
}

/// Every key of a study file, in one table: `study-keys.tsv` beside this file (read by `StudyKeysTable`).
/// Scenario tables ([scenarios.NAME]) take the fields of `scenario-fields.tsv`. The study parser, `--set`,
/// `lastmile init`, the demo's study file (a test compares them) and the method page are all made from it.
public enum StudyKeys {
    /// Every fixed key: the study, inputs, policy and report keys, then the business case's in the order
    /// the method page lists them.
    public static let all: [StudyKey] = StudyKeysTable.keys(PackageResources.study_keys_tsv, file: "study-keys.tsv")

    /// The fields of a scenario table ([scenarios.NAME]), in method-page order.
    public static let scenarioFields: [StudyKey] =
        StudyKeysTable.keys(PackageResources.scenario_fields_tsv, file: "scenario-fields.tsv")

    /// The NTIA indicators, as the need-groups page cites them.
    static let indicators = "NTIA, Indicators of Broadband Need (June 2021)"

    /// The business-case keys, in method-page order.
    public static let businessCase: [StudyKey] = all.filter(\.methodPage)

    private static let byKey: [String: StudyKey] = Dictionary(uniqueKeysWithValues: all.map { ($0.key, $0) })
    private static let scenarioByField: [String: StudyKey] =
        Dictionary(uniqueKeysWithValues: scenarioFields.map { ($0.key, $0) })

    /// The fixed key called `key`, nil for an unknown key or a scenario key.
    public static func named(_ key: String) -> StudyKey? { byKey[key] }

    /// The entry of a fixed key or of a scenario field (`scenarios.NAME.FIELD`).
    static func entry(_ key: String) -> StudyKey? {
        if let k = byKey[key] { return k }
        let parts = key.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "scenarios", !parts[1].isEmpty else { return nil }
        return scenarioByField[String(parts[2])]
    }

    /// True for `scenarios.NAME.FIELD` with a known field.
    public static func isScenarioKey(_ key: String) -> Bool {
        let parts = key.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0] == "scenarios" && !parts[1].isEmpty
            && scenarioByField[String(parts[2])] != nil
    }

    /// True for a key a study file may hold: a fixed key or a scenario field.
    public static func isKnown(_ key: String) -> Bool { byKey[key] != nil || isScenarioKey(key) }
}
