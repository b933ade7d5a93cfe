import Analysis
import Foundation
import GeoIO
import GeoModel
import Ingest
import Maps

/// A study as a planner wrote it: what to load, which rule to apply, how to report. Paths are
/// resolved against the study file's folder.
public struct Study: Sendable {
    public var name: String
    /// Census areas at a level, or custom shapes that hold the locations file's locations (`study.area_level`).
    public var areaKind: AreaKind
    /// True when the inputs are synthetic (the demo): the report says so on its cover.
    public var synthetic: Bool

    public var areasPath: String?
    public var areasLayer: String?
    public var areasIDField: String
    public var availabilityPaths: [String]
    /// The location universe (the FCC Fabric or a local address list), when given (`inputs.locations`).
    public var locationsPath: String?
    /// Lists of locations with an enforceable commitment (`inputs.funded_locations`).
    public var fundedLocationsPaths: [String]
    /// Community anchor institutions in NTIA's CAI layout (`inputs.anchor_institutions`).
    public var anchorInstitutionsPath: String?
    /// The Census covered-populations table (inputs.covered_populations) and Microsoft's usage (inputs.broadband_usage).
    public var coveredPopulationsPath: String?
    public var broadbandUsagePath: String?
    /// HUD's tract-to-ZIP crosswalk (inputs.zip_crosswalk), which takes Microsoft's ZIP-code usage to tracts.
    public var zipCrosswalkPath: String?
    /// Ookla open-data speed-test tiles (inputs.speed_tests) and their layer.
    public var speedTestsPath: String?
    public var speedTestsLayer: String?
    public var demographicsPath: String?
    /// Context drawn on the maps, never counted: area water (inputs.water) and named places
    /// (inputs.places), each with its layer, and the places' name field.
    public var waterPath: String?
    public var waterLayer: String?
    public var placesPath: String?
    public var placesLayer: String?
    public var placesNameField: String?

    public var profile: PolicyProfile
    /// The CSV of locations where unlicensed fixed wireless was demonstrated, when policy.ulfw_demonstrated names one.
    public var ulfwDemonstratedPath: String?
    public var reportTitle: String
    public var paper: PaperSize
    /// The equal-area CRS areas are projected to for areas and drawing.
    public var equalAreaCRS: String
    /// The colours of the map of unserved and underserved shares (report.palette, report.palette_reverse).
    public var mapPalette: Palette

    /// The flattened parameters the study was read from (kept in the run store and run.json).
    public var parameters: StudyParameters

    /// Demand, cost, finance, plan, risk and scenarios of the business case ([demand] … [scenarios.NAME]).
    public var businessCase: BusinessCaseSettings

    /// The thresholds that place each area in a group: network gap, adoption gap, both, neither ([evidence]).
    public var gapThresholds: GapThresholds

    public enum PaperSize: String, Sendable, CaseIterable { case letter, a4, tabloid }

    /// Every fixed key a study file may hold (`StudyKeys.all`), with its default and the source of that
    /// default. Scenario keys, `scenarios.NAME.FIELD`, are known by `StudyKeys.isScenarioKey`.
    public static let knownKeys: [String: String] =
        Dictionary(uniqueKeysWithValues: StudyKeys.all.map { ($0.key, $0.defaultWithSource) })

    /// Interprets parameters.
    /// - Throws: `.badInput` naming the study file and key for an unknown key, a wrong type or a bad value.
    public init(parameters: StudyParameters) throws {
        self.parameters = parameters
        let file = parameters.sourcePath
        let v = parameters.values
        for key in v.keys.sorted() where !StudyKeys.isKnown(key) {
            var message = "unknown study key '\(key)'"
            if let near = Study.nearestKey(to: key) { message += "; did you mean '\(near)'?" }
            throw LastmileError.badInput(SourceLocation(file: file, column: key), message)
        }
        // No study value is NaN or infinite: each would make a derived number meaningless.
        for key in v.keys.sorted() where !v[key]!.isFinite {
            throw LastmileError.badInput(
                SourceLocation(file: file, column: key), "\(key) must be a finite number, found \(v[key]!)")
        }
        func bad(_ key: String, _ what: String) -> LastmileError {
            .badInput(SourceLocation(file: file, column: key), what)
        }
        func string(_ key: String) throws -> String? {
            guard let value = v[key] else { return nil }
            guard case .string(let s) = value else { throw bad(key, "expected text, found \(value.typeName) \(value)") }
            return s
        }
        func strings(_ key: String) throws -> [String]? {
            guard let value = v[key] else { return nil }
            switch value {
            case .string(let s): return [s]
            case .list(let l):
                return try l.map {
                    guard case .string(let s) = $0 else {
                        throw bad(key, "expected a list of text, found \($0.typeName) \($0)")
                    }
                    return s
                }
            default: throw bad(key, "expected text or a list of text, found \(value.typeName) \(value)")
            }
        }
        let folder = (file as NSString).deletingLastPathComponent
        func resolve(_ p: String) -> String {
            p.hasPrefix("/") ? p : (folder.isEmpty ? p : (folder as NSString).appendingPathComponent(p))
        }

        guard let name = try string("study.name"), !name.isEmpty else {
            throw bad("study.name", "a study needs a name: add name = \"…\" under [study]")
        }
        self.name = name
        let level = try string("study.area_level") ?? "tract"
        guard let areaKind = AreaKind(rawValue: level) else {
            throw bad(
                "study.area_level", "expected one of \(AreaKind.allRawValues.joined(separator: ", ")), found '\(level)'"
            )
        }
        self.areaKind = areaKind
        if let s = v["study.synthetic"] {
            guard case .boolean(let b) = s else { throw bad("study.synthetic", "expected true or false") }
            synthetic = b
        } else {
            synthetic = false
        }

        areasPath = try string("inputs.areas").flatMap { $0.isEmpty ? nil : resolve($0) }
        areasLayer = try string("inputs.areas_layer").flatMap { $0.isEmpty ? nil : $0 }
        areasIDField = try string("inputs.areas_id") ?? "GEOID"
        let patterns = try strings("inputs.availability") ?? []
        guard !patterns.isEmpty else {
            throw bad("inputs.availability", "a study needs FCC BDC availability files: availability = [\"bdc/*.csv\"]")
        }
        availabilityPaths = try patterns.flatMap { pattern -> [String] in
            let matches = try FileGlob.expand(resolve(pattern))
            guard !matches.isEmpty else {
                throw LastmileError.io(
                    path: resolve(pattern), "no file matches this availability path (study key inputs.availability)")
            }
            return matches
        }
        locationsPath = try string("inputs.locations").flatMap { $0.isEmpty ? nil : resolve($0) }
        if areaKind == .custom, locationsPath == nil {
            throw bad(
                "study.area_level",
                "custom areas hold the locations whose coordinates they contain: set inputs.locations (a CSV in the FCC Fabric layout with latitude and longitude)"
            )
        }
        fundedLocationsPaths = try (strings("inputs.funded_locations") ?? []).filter { !$0.isEmpty }.map(resolve)
        anchorInstitutionsPath = try string("inputs.anchor_institutions").flatMap { $0.isEmpty ? nil : resolve($0) }
        speedTestsPath = try string("inputs.speed_tests").flatMap { $0.isEmpty ? nil : resolve($0) }
        coveredPopulationsPath = try string("inputs.covered_populations").flatMap { $0.isEmpty ? nil : resolve($0) }
        broadbandUsagePath = try string("inputs.broadband_usage").flatMap { $0.isEmpty ? nil : resolve($0) }
        zipCrosswalkPath = try string("inputs.zip_crosswalk").flatMap { $0.isEmpty ? nil : resolve($0) }
        speedTestsLayer = try string("inputs.speed_tests_layer").flatMap { $0.isEmpty ? nil : $0 }
        demographicsPath = try string("inputs.demographics").flatMap { $0.isEmpty ? nil : resolve($0) }
        waterPath = try string("inputs.water").flatMap { $0.isEmpty ? nil : resolve($0) }
        waterLayer = try string("inputs.water_layer").flatMap { $0.isEmpty ? nil : $0 }
        placesPath = try string("inputs.places").flatMap { $0.isEmpty ? nil : resolve($0) }
        placesLayer = try string("inputs.places_layer").flatMap { $0.isEmpty ? nil : $0 }
        placesNameField = try string("inputs.places_name").flatMap { $0.isEmpty ? nil : $0 }

        var profile = try PolicyProfile.named(string("policy.profile") ?? "bead-2022")
        if let codes = try strings("policy.business_residential") {
            profile.businessResidential = Set(
                try codes.map {
                    guard let c = BusinessResidentialCode(rawValue: $0) else {
                        throw bad("policy.business_residential", "expected codes R, B or X, found '\($0)'")
                    }
                    return c
                })
        }
        if let value = v["policy.ulfw_demonstrated"] {
            let key = "policy.ulfw_demonstrated"
            guard profile.unlicensedFixedWirelessDemonstrated != nil else {
                throw bad(
                    key,
                    "applies to a profile in which unlicensed fixed wireless counts only where demonstrated (bead-2025); policy.profile is \(profile.name)"
                )
            }
            var demonstrated = PolicyProfile.DemonstratedCapability()
            func provider(_ v: StudyValue) throws -> Int64 {
                switch v {
                case .integer(let i) where i >= 0: return Int64(i)
                case .string(let s) where Int64(s).map({ $0 >= 0 }) == true: return Int64(s)!
                default:
                    throw bad(
                        key,
                        "expected FCC provider ids (digits, e.g. \"290518\") or a CSV file of location ids, found \(v.typeName) \(v)"
                    )
                }
            }
            switch value {
            case .string(let s) where s.lowercased().hasSuffix(".csv") || s.lowercased().hasSuffix(".csv.gz"):
                ulfwDemonstratedPath = resolve(s)
                demonstrated.locations = try LocationIDList.read(path: resolve(s))
            case .list(let l): demonstrated.providers = Set(try l.map(provider))
            default: demonstrated.providers = [try provider(value)]
            }
            profile.unlicensedFixedWirelessDemonstrated = demonstrated
        }
        self.profile = profile
        reportTitle = try string("report.title") ?? name
        let paperName = try string("report.paper") ?? "letter"
        guard let paper = PaperSize(rawValue: paperName) else {
            throw bad("report.paper", "expected letter, a4 or tabloid, found '\(paperName)'")
        }
        self.paper = paper
        equalAreaCRS = try string("report.crs") ?? "EPSG:5070"
        if let problem = CoordinateReferenceSystem.problem(with: equalAreaCRS) { throw bad("report.crs", problem) }
        businessCase = try BusinessCaseSettings(values: v, file: file)
        let reader = StudyValueReader(values: v, file: file)
        mapPalette = try Study.mapPalette(reader)
        var gaps = GapThresholds()
        if let x = try reader.number("evidence.network_gap_share") { gaps.networkGapShare = x }
        if let x = try reader.number("evidence.measured_below_25_3_share") { gaps.measuredBelow25x3Share = x }
        if let x = try reader.integer("evidence.min_tests") { gaps.minimumTests = x }
        if let x = try reader.number("evidence.no_internet_share") { gaps.noInternetShare = x }
        if let x = try reader.number("evidence.no_computer_share") { gaps.noComputerShare = x }
        if let x = try reader.number("evidence.usage_share") { gaps.usageShare = x }
        gapThresholds = gaps
    }

    /// report.palette (YlOrRd unless set; "-YlOrRd" reversed), reversed as well when report.palette_reverse
    /// is true (a palette written reversed and reverse = true is reversed once: both ask the same).
    /// - Throws: `.badInput` naming the key and listing the palettes for a name that is none of them.
    static func mapPalette(_ reader: StudyValueReader) throws -> Palette {
        var palette = Palette.ylOrRd
        if let name = try reader.text("report.palette") {
            guard let named = Palette.named(name) else {
                throw reader.bad(
                    "report.palette", "report.palette must be \(Palette.namesInWords); found '\(name)'")
            }
            palette = named
        }
        if try reader.boolean("report.palette_reverse") == true, !palette.isReversed { palette = palette.reversed }
        return palette
    }

    /// Loads a study file and applies overrides.
    public static func load(path: String, overrides: [String] = []) throws -> Study {
        var p = try StudyParameters(contentsOf: path)
        try p.apply(overrides: overrides)
        return try Study(parameters: p)
    }

    /// The known key closest to `key` by edit distance, when it is close enough to be a typo.
    static func nearestKey(to key: String) -> String? {
        var best: (key: String, distance: Int)?
        for candidate in knownKeys.keys.sorted() {
            let d = editDistance(candidate, key)
            if best == nil || d < best!.distance { best = (candidate, d) }
        }
        guard let best, best.distance <= max(2, key.count / 4) else { return nil }
        return best.key
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8)
        let b = Array(b.utf8)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var diagonal = row[0]
            row[0] = i
            for j in 1...b.count {
                let above = row[j]
                let substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)
                row[j] = min(above + 1, row[j - 1] + 1, substitution)
                diagonal = above
            }
        }
        return row[b.count]
    }
}
