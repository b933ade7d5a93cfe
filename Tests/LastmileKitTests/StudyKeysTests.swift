import Analysis
import Foundation
import GeoModel
import TestSupport
import Testing

@testable import LastmileKit

/// The one table of study keys (`StudyKeys`) against the parser that reads them: the same keys, the
/// same defaults, the same ranges.
@Suite struct StudyKeysTests {
    /// A study in the demo folder (so that its availability file exists), from dotted keys.
    static func study(_ values: [String: StudyValue]) throws -> Study {
        var text = ""
        var bySection: [String: [String]] = [:]
        for (key, value) in values {
            let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
            let table = parts[0] == "scenarios" ? "scenarios." + parts[1].split(separator: ".")[0] : parts[0]
            let field = parts[0] == "scenarios" ? String(parts[1].split(separator: ".")[1]) : parts[1]
            bySection[table, default: []].append("\(field) = \(value)")
        }
        for table in bySection.keys.sorted() {
            text += "[\(table)]\n" + bySection[table]!.sorted().joined(separator: "\n") + "\n"
        }
        let p = try StudyParameters(text: text, sourcePath: TestPaths.repo("datasets/demo/keys.toml"))
        return try Study(parameters: p)
    }

    static let required: [String: StudyValue] = [
        "study.name": .string("Keys"), "inputs.availability": .list([.string("bdc_fixed_demo.csv")]),
    ]

    /// A valid value for each key whose default is no study value (required, none, or from the data).
    static let samples: [String: StudyValue] = [
        "study.name": .string("Keys"), "inputs.availability": .list([.string("bdc_fixed_demo.csv")]),
        "inputs.areas": .string("blockgroups.geojson"), "inputs.areas_layer": .string("blockgroups"),
        "inputs.locations": .string("locations.csv"), "inputs.demographics": .string("acs_blockgroups.csv"),
        "inputs.anchor_institutions": .string("anchors.csv"), "inputs.funded_locations": .list([.string("f.csv")]),
        "inputs.speed_tests": .string("tiles.geojson"), "inputs.speed_tests_layer": .string("tiles"),
        "inputs.covered_populations": .string("covered.csv"), "inputs.broadband_usage": .string("usage.csv"),
        "inputs.zip_crosswalk": .string("TRACT_ZIP_122023.csv"),
        "inputs.water": .string("water.geojson"), "inputs.water_layer": .string("water"),
        "inputs.places": .string("places.geojson"), "inputs.places_layer": .string("places"),
        "inputs.places_name": .string("NAME"),
        "inputs.study_area": .string("area.geojson"),
        "policy.ulfw_demonstrated": .list([.string("290518")]),
        "report.title": .string("Title"),
        "demand.reference_income": .integer(60000), "demand.households_earlier": .string("acs_2017.csv"),
        "demand.households_earlier_years": .integer(5),
        "demand.observed_subscribers": .list([.integer(10), .integer(40), .integer(90), .integer(120), .integer(130)]),
        "cost.method": .string("density"), "inputs.roads": .string("roads.geojson"),
        "inputs.roads_layer": .string("roads"), "cost.road_classes": .list([.string("S1400")]),
        "plan.capital_budget": .integer(15_000_000),
    ]

    /// Keys a study file may hold that nothing reads yet (accepted, so that a study naming them runs).
    static let unread: Set<String> = ["inputs.study_area"]

    @Test func keysAreUniqueAndEachSitsInItsSection() {
        #expect(Set(StudyKeys.all.map(\.key)).count == StudyKeys.all.count)
        #expect(Set(StudyKeys.scenarioFields.map(\.key)).count == StudyKeys.scenarioFields.count)
        for entry in StudyKeys.all {
            #expect(entry.section != nil, "\(entry.key)")
            #expect(!entry.allowed.isEmpty, "\(entry.key)")
        }
        #expect(Set(Study.knownKeys.keys) == Set(StudyKeys.all.map(\.key)))
        #expect(StudyKeys.all.filter { $0.domain == .unread }.map(\.key).sorted() == Self.unread.sorted())
        // Every business-case key is on the method page, in table order; no other key is.
        #expect(
            StudyKeys.businessCase.allSatisfy {
                [.need, .demand, .cost, .finance, .plan, .risk].contains($0.section)
                    || $0.key.hasPrefix("inputs.roads")
            })
    }

    /// Each default that is a study value says the same as its text (numbers equal as numbers), and is
    /// one the key takes.
    @Test func defaultValuesMatchTheirText() throws {
        for entry in StudyKeys.all + StudyKeys.scenarioFields {
            guard let value = entry.defaultValue else { continue }
            #expect(entry.accepts(value), "\(entry.key) = \(value)")
            if case .string(let s) = value {
                #expect(entry.defaultText == s, "\(entry.key)")
            } else {
                // The value, before any ": explanation" ("false: true suppresses …").
                let text = entry.defaultText.components(separatedBy: ": ")[0]
                let parsed = try StudyParameters(text: "[t]\nv = \(text)\n", sourcePath: "t.toml")
                #expect(parsed.values["t.v"].map { Self.same($0, value) } == true, "\(entry.key): \(entry.defaultText)")
            }
        }
    }

    /// Numbers equal whether written 1 or 1.0; lists element by element.
    static func same(_ a: StudyValue, _ b: StudyValue) -> Bool {
        func number(_ v: StudyValue) -> Double? {
            switch v {
            case .integer(let i): Double(i)
            case .number(let d): d
            default: nil
            }
        }
        if let x = number(a), let y = number(b) { return x == y }
        if case .list(let l) = a, case .list(let m) = b {
            return l.count == m.count && zip(l, m).allSatisfy { same($0, $1) }
        }
        return a == b
    }

    /// The table's defaults are the parser's: a study that writes every default out reads the same as
    /// one that leaves them all out.
    @Test func writtenDefaultsReadAsTheDefaults() throws {
        var all = Self.required
        for entry in StudyKeys.all { if let v = entry.defaultValue { all[entry.key] = v } }
        let implicit = try Self.study(Self.required)
        let explicit = try Self.study(all)
        #expect(explicit.businessCase.parameters == implicit.businessCase.parameters)
        #expect(explicit.businessCase.residentialCodes == implicit.businessCase.residentialCodes)
        #expect(explicit.areaKind == implicit.areaKind && explicit.synthetic == implicit.synthetic)
        #expect(explicit.areasIDField == implicit.areasIDField && explicit.profile == implicit.profile)
        #expect(explicit.paper == implicit.paper && explicit.equalAreaCRS == implicit.equalAreaCRS)
        #expect(explicit.mapPalette == implicit.mapPalette)
        #expect(try RunReport.dpi(explicit) == RunReport.dpi(implicit))
        #expect(try PublicRelease.threshold(study: explicit, option: nil) == nil)
        let threshold = StudyKeys.named("report.suppression_threshold")?.defaultValue
        #expect(threshold == .integer(SmallCellSuppression.defaultThreshold))
        // The scenario fields with a default of their own.
        for kind in ScenarioDefinition.Kind.allCases {
            var s = ScenarioDefinition(name: "s", label: nil, kind: kind)
            let plain = s
            for field in StudyKeys.scenarioFields where field.defaultValue != nil {
                all["scenarios.s.\(field.key)"] = field.defaultValue
            }
            all["scenarios.s.kind"] = .string(kind.rawValue)
            s = try #require(try Self.study(all).businessCase.parameters.scenarios.first)
            #expect(s == plain, "\(kind)")
        }
    }

    /// Every key of the table is accepted, with its default or a sample value (scenario fields too).
    @Test func everyKeyOfTheTableIsAccepted() throws {
        var all = Self.samples
        for entry in StudyKeys.all { if let v = entry.defaultValue { all[entry.key] = v } }
        all["policy.profile"] = .string("bead-2025")  // ulfw_demonstrated applies under bead-2025 only
        #expect(Set(all.keys) == Set(StudyKeys.all.map(\.key)), "a key with neither a default value nor a sample")
        for kind in ScenarioDefinition.Kind.allCases {
            var values = all
            for field in StudyKeys.scenarioFields {
                values["scenarios.s.\(field.key)"] =
                    field.defaultValue
                    ?? (field.key == "kind"
                        ? .string(kind.rawValue) : field.key == "label" ? .string("S") : .number(0.5))
            }
            for (key, value) in values {
                #expect(StudyKeys.entry(key)?.accepts(value) == true, "\(key) = \(value)")
            }
            _ = try Self.study(values)
        }
    }

    /// The other way round: the parser reads every key of the table. A value of no key's type (a list
    /// of lists) is refused naming the key, and the table refuses it too.
    @Test func theParserReadsEveryKey() throws {
        let wrong = StudyValue.list([.list([])])
        for entry in StudyKeys.all + StudyKeys.scenarioFields where entry.domain != .unread {
            var values = Self.required
            var key = entry.key
            if entry.section == nil {
                key = "scenarios.s.\(entry.key)"
                values["scenarios.s.kind"] = .string("retail")
            }
            if key == "policy.ulfw_demonstrated" { values["policy.profile"] = .string("bead-2025") }
            if key == "report.suppression_threshold" { values["report.public"] = .boolean(true) }
            values[key] = wrong
            #expect(!entry.accepts(wrong), "\(key)")
            do {
                let study = try Self.study(values)
                _ = try RunReport.dpi(study)
                _ = try PublicRelease.threshold(study: study, option: nil)
                Issue.record("\(key) = \(wrong) was accepted")
            } catch let error as LastmileError {
                #expect("\(error)".contains("column '\(key)'"), "\(key): \(error)")
            }
        }
    }

    /// Each number key's range is the parser's: its bounds are accepted (a lower bound only when closed),
    /// the next numbers outside are refused.
    @Test func numberRangesAreTheParsers() throws {
        func accepted(_ key: String, _ value: StudyValue) -> Bool {
            var values = Self.required
            values[key] = value
            if key.hasPrefix("scenarios.") { values["scenarios.s.kind"] = .string("subsidy") }
            if key == "report.suppression_threshold" { values["report.public"] = .boolean(true) }
            do {
                let study = try Self.study(values)
                _ = try RunReport.dpi(study)
                _ = try PublicRelease.threshold(study: study, option: nil)
                return true
            } catch {
                return false
            }
        }
        for entry in StudyKeys.all + StudyKeys.scenarioFields {
            let key = entry.section == nil ? "scenarios.s.\(entry.key)" : entry.key
            switch entry.domain {
            case .number(let r, let lowerOpen):
                #expect(accepted(key, .number(r.lowerBound)) == !lowerOpen, "\(key) at \(r.lowerBound)")
                #expect(accepted(key, .number(r.upperBound)), "\(key) at \(r.upperBound)")
                #expect(!accepted(key, .number(r.lowerBound.nextDown)), "\(key) below \(r.lowerBound)")
                #expect(!accepted(key, .number(r.upperBound.nextUp)), "\(key) above \(r.upperBound)")
            case .integer(let r):
                #expect(accepted(key, .integer(r.lowerBound)), "\(key) at \(r.lowerBound)")
                #expect(accepted(key, .integer(r.upperBound)), "\(key) at \(r.upperBound)")
                #expect(!accepted(key, .integer(r.lowerBound - 1)), "\(key) below \(r.lowerBound)")
                if r.upperBound < Int.max { #expect(!accepted(key, .integer(r.upperBound + 1)), "\(key) above") }
            default: continue
            }
        }
    }

    /// The table and the parser agree on list values, at and past each limit.
    @Test func listDomainsAreTheParsers() throws {
        func n(_ xs: [Double]) -> StudyValue { .list(xs.map { .number($0) }) }
        func t(_ xs: [String]) -> StudyValue { .list(xs.map { .string($0) }) }
        let cases: [(String, StudyValue, Bool)] = [
            ("risk.cost_range", n([0, 10]), true), ("risk.cost_range", n([1, 1]), true),
            ("risk.cost_range", n([-0.1, 1.2]), false), ("risk.cost_range", n([0.8, 10.5]), false),
            ("risk.cost_range", n([1.1, 1.2]), false), ("risk.cost_range", n([0.8, 0.9]), false),
            ("risk.cost_range", n([0.8]), false),
            ("demand.ramp", n([0.5]), true), ("demand.ramp", n(Array(repeating: 1, count: 30)), true),
            ("demand.ramp", n(Array(repeating: 1, count: 31)), false), ("demand.ramp", n([]), false),
            ("demand.ramp", n([1.2]), false), ("demand.ramp", n([-0.1]), false),
            ("demand.observed_subscribers", n([10, 40, 90, 120, 130]), true),
            ("demand.observed_subscribers", n([10, 40]), false),
            ("demand.observed_subscribers", n([-1, 40, 90]), false),
            ("demand.residential", t(["R"]), true), ("demand.residential", .string("B"), true),
            ("demand.residential", t(["Q"]), false),
            ("policy.business_residential", t(["X"]), true), ("policy.business_residential", t(["Q"]), false),
            ("cost.road_classes", t(["S1400"]), true), ("cost.road_classes", .string("S1400"), true),
            ("cost.road_classes", t([]), false),
            ("inputs.funded_locations", t([]), true), ("inputs.availability", t([]), false),
            ("policy.ulfw_demonstrated", .list([.integer(290518)]), true),
            ("policy.ulfw_demonstrated", .string("290518"), true),
            ("policy.ulfw_demonstrated", .integer(-5), false), ("policy.ulfw_demonstrated", t(["abc"]), false),
        ]
        for (key, value, ok) in cases {
            var values = Self.required
            values["policy.profile"] = .string("bead-2025")
            values[key] = value
            let parsed = (try? Self.study(values)) != nil
            #expect(parsed == ok, "parser: \(key) = \(value)")
            #expect(StudyKeys.named(key)?.accepts(value) == ok, "table: \(key) = \(value)")
        }
        // Each risk driver has its range key.
        for driver in RiskDriver.allCases { #expect(StudyKeys.named("risk.\(driver.rawValue)_range") != nil) }
    }

    /// The words a key takes are the parser's enumerations.
    @Test func choicesAreTheParsersEnumerations() {
        func words(_ key: String) -> [String] {
            switch StudyKeys.entry(key)?.domain {
            case .choice(let w)?, .codes(let w)?: w.sorted()
            default: []
            }
        }
        typealias P = BusinessCaseParameters
        #expect(words("demand.take_rate_basis") == P.Demand.TakeRateBasis.allCases.map(\.rawValue).sorted())
        #expect(words("cost.method") == P.Cost.Method.allCases.map(\.rawValue).sorted())
        #expect(words("plan.build") == P.Plan.Build.allCases.map(\.rawValue).sorted())
        #expect(words("scenarios.s.kind") == ScenarioDefinition.Kind.allCases.map(\.rawValue).sorted())
        #expect(words("demand.residential") == BusinessResidentialCode.allCases.map(\.rawValue).sorted())
        #expect(words("policy.business_residential") == BusinessResidentialCode.allCases.map(\.rawValue).sorted())
    }

    /// An unknown key is refused, from the file or from --set, with the nearest known key when it is a typo.
    @Test func anUnknownKeyIsRefused() throws {
        for key in ["demand.take_rat", "scenarios.retail.arpuu", "scenarios.retail", "colour.map"] {
            let text = "[study]\nname = \"K\"\n[inputs]\navailability = [\"bdc_fixed_demo.csv\"]\n"
            var p = try StudyParameters(text: text, sourcePath: TestPaths.repo("datasets/demo/keys.toml"))
            try p.apply(overrides: ["\(key)=1"])
            #expect(throws: LastmileError.self) { try Study(parameters: p) }
            do { _ = try Study(parameters: p) } catch {
                #expect("\(error)".contains("unknown study key '\(key)'"), "\(error)")
                if key == "demand.take_rat" { #expect("\(error)".hasSuffix("did you mean 'demand.take_rate'?")) }
            }
        }
    }

    /// Every dotted key the sources spell out is in the table: nothing reads a key the table does not list.
    @Test func theSourcesReadNoKeyOutsideTheTable() throws {
        let sections = StudyKey.Section.allCases.map(\.rawValue).joined(separator: "|")
        let literal = try NSRegularExpression(pattern: "\"((?:\(sections))\\.[a-z_]+)\"")
        let root = TestPaths.repo("Sources/LastmileKit")
        let files = try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix(".swift") }
        var found = Set<String>()
        for file in files {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            for m in literal.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                found.insert((text as NSString).substring(with: m.range(at: 1)))
            }
        }
        found.subtract(["report.pdf", "study.toml"])  // file names, not keys
        #expect(found.count > 50)
        #expect(found.subtracting(StudyKeys.all.map(\.key)).isEmpty, "\(found.subtracting(StudyKeys.all.map(\.key)))")
    }
}
