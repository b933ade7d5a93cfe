import Analysis
import Foundation
import GeoIO
import GeoModel
import Ingest
import RunStore

/// The study's inputs as a run reads them: their files and fingerprints, the location universe, the
/// funded locations and the measured road miles.
extension StudyRunner {
    /// The study's input files by role, in the order run.json and the run store list them.
    static func inputFiles(_ study: Study, areasPath: String) -> [(role: String, path: String)] {
        var files: [(String, String)] = study.availabilityPaths.map { ("availability", $0) }
        if let l = study.locationsPath { files.append(("locations", l)) }
        if let u = study.ulfwDemonstratedPath { files.append(("ulfw_demonstrated", u)) }
        files += study.fundedLocationsPaths.map { ("funded_locations", $0) }
        if let a = study.anchorInstitutionsPath { files.append(("anchor_institutions", a)) }
        files.append(("areas", areasPath))
        if let d = study.demographicsPath { files.append(("demographics", d)) }
        if let d = study.businessCase.earlierDemographicsPath { files.append(("demographics_earlier", d)) }
        if let r = study.businessCase.roadsPath { files.append(("roads", r)) }
        if let t = study.speedTestsPath { files.append(("speed_tests", t)) }
        if let c = study.coveredPopulationsPath { files.append(("covered_populations", c)) }
        if let u = study.broadbandUsagePath { files.append(("broadband_usage", u)) }
        if let z = study.zipCrosswalkPath { files.append(("zip_crosswalk", z)) }
        if let w = study.waterPath { files.append(("water", w)) }
        if let p = study.placesPath { files.append(("places", p)) }
        return files
    }

    /// Size and SHA-256 of the study file and every input (taken from the read where the reader hashed it).
    static func fingerprints(_ study: Study, files: [(role: String, path: String)]) throws -> [RunInput] {
        var inputs: [RunInput] = []
        if FileManager.default.fileExists(atPath: study.parameters.sourcePath) {
            let d = try FileDigest.of(path: study.parameters.sourcePath)
            inputs.append(
                RunInput(role: "study", path: study.parameters.sourcePath, sizeBytes: d.byteCount, sha256: d.sha256))
        } else {  // a study made from a batch template: fingerprint its text
            let text = Array(study.parameters.text.utf8)
            inputs.append(
                RunInput(
                    role: "study", path: study.parameters.sourcePath, sizeBytes: Int64(text.count),
                    sha256: SHA256.hex(of: text)))
        }
        for (role, path) in files {
            let d = try FileDigest.of(path: path)
            inputs.append(RunInput(role: role, path: path, sizeBytes: d.byteCount, sha256: d.sha256))
        }
        return inputs
    }

    /// Marks the locations of the study's funded-locations lists in `table` (a funded location that is
    /// not served is counted apart from the need) and says what was found.
    static func fundedLocations(_ study: Study, table: inout LocationTable, say: (String) -> Void) throws
        -> (programs: [Int64: String], notes: [String])
    {
        guard !study.fundedLocationsPaths.isEmpty else { return ([:], []) }
        say("reading funded locations")
        var programs: [Int64: String] = [:]
        for path in study.fundedLocationsPaths {
            let list = try LocationIDList.labelled(
                path: path, labelColumns: ["program", "program_name", "funding_program"])
            programs.merge(list) { a, b in a.isEmpty ? b : a }
        }
        table.fundedLocations = Set(programs.keys)
        var present = 0
        var notServed = 0
        table.forEach { id, _, cls in
            guard programs[id] != nil else { return }
            present += 1
            if cls != .served { notServed += 1 }
        }
        var notes = [
            "\(English.counted(notServed, "location")) already \(notServed == 1 ? "has" : "have") an enforceable commitment to be served (inputs.funded_locations: \(programs.count) listed, \(present) of them in this study, \(present - notServed) already served): \(notServed == 1 ? "it is" : "they are") counted apart as funded and left out of the need"
        ]
        let absent = programs.count - present
        if absent > 0 {
            let are = absent == 1 ? "is" : "are"
            notes.append(
                "\(English.counted(absent, "funded location")) \(are) not in the availability files or the locations file and \(are) not counted"
            )
        }
        return (programs, notes)
    }

    /// The study's location universe. With a locations file (inputs.locations) the classified tables
    /// are replaced by tables over its locations, `blocks` (those in the study's custom areas, or all of
    /// them): a listed location without availability rows is unserved; availability locations it does
    /// not list are left out, with a diagnostic.
    static func locationUniverse(
        _ study: Study, file: LocationsFile?, blocks: [Int64: UInt64]?,
        classified:
            inout (
                table: LocationTable, unknownTechnologyRows: Int,
                passings: LocationTable?, rowsByTechnology: [Int: Int]
            ),
    ) -> LocationUniverse {
        guard let path = study.locationsPath, let file, let blocks else {
            return LocationUniverse(rowsByTechnology: classified.rowsByTechnology)
        }
        // Passings: listed locations with a residential record, and listed locations with no record at
        // all (their business/residential code is unknown; most serviceable locations are homes).
        var inAvailability = Set<Int64>(minimumCapacity: classified.table.count)
        classified.table.forEach { id, _, _ in inAvailability.insert(id) }
        classified.passings = classified.passings.map { passings in
            var isPassing = Set<Int64>(minimumCapacity: passings.count)
            passings.forEach { id, _, _ in isPassing.insert(id) }
            return passings.over(
                universe: blocks.filter { isPassing.contains($0.key) || !inAvailability.contains($0.key) }
            ).table
        }
        let (table, notListed) = classified.table.over(universe: blocks)
        classified.table = table
        return LocationUniverse(
            rowsByTechnology: classified.rowsByTechnology, locationsFile: path,
            locationsInFile: file.blocks.count, availabilityLocationsNotInFile: notListed)
    }

    /// Route miles per area from the study's road layer (inputs.roads), and its lines for the maps. An
    /// area with passings but no road in the layer keeps the estimate (cost.route_factor), with a
    /// diagnostic naming how many.
    static func measuredRouteMiles(
        study: Study, roadsPath: String, areas: [Area], passings: [AreaID: Int],
        diagnostics: inout [String]
    ) throws -> (miles: [AreaID: Double], lines: [RoadNetwork.RoadLine]) {
        let lengths = try RoadNetwork.lengths(
            path: roadsPath, layer: study.businessCase.roadsLayer, areas: areas,
            classes: study.businessCase.roadClasses, equalAreaCRS: study.equalAreaCRS,
            areasFile: study.areasPath ?? "inputs.areas")
        var miles = lengths.milesByArea
        let withoutRoads = miles.filter { $0.value == 0 && (passings[$0.key] ?? 0) > 0 }.keys
        for id in withoutRoads { miles[id] = nil }
        if !withoutRoads.isEmpty {
            diagnostics.append(
                "\(English.counted(withoutRoads.count, "area")) with passings \(withoutRoads.count == 1 ? "has" : "have") no road in \(roadsPath)"
                    + (lengths.classField.map { " (\($0) in \(lengths.classes.joined(separator: ", ")))" } ?? "")
                    + "; \(withoutRoads.count == 1 ? "its" : "their") route miles are estimated from area and passings")
        }
        return (miles, lengths.lines)
    }

    /// Ookla's tiles summed per area (centroid in the area), with the note the run reports.
    static func measuredSpeeds(path: String, layer: String?, areas: [Area]) throws -> SpeedTestsRead {
        let join = try SpeedTestJoin.summarize(areas: areas.map(\.id), geometries: areas.map(\.geographicGeometry)) {
            try SpeedTestTiles.forEachTile(path: path, layer: layer, $0)
        }
        return SpeedTestsRead(path: path, join: join)
    }
}

/// The Census covered populations and Microsoft's broadband usage of each area, from the study's tables.
extension StudyRunner {
    /// Sets each result's covered populations and broadband usage; returns the notes to report. Custom
    /// areas reach the tables' census units through `crosswalk` (`CustomAreaCrosswalk`).
    /// - Throws: `.badInput` naming the file when its areas are coarser than the study's.
    static func joinAdoption(
        _ study: Study, results: inout [AreaResult], crosswalk: (AreaLevel) -> CustomAreaCrosswalk?,
        say: (String) -> Void
    ) throws -> [String] {
        var notes: [String] = []
        if let path = study.coveredPopulationsPath {
            say("reading covered populations")
            let table = try CoveredPopulationsTable.read(path: path)
            let rows: [AreaID: CoveredPopulations]
            switch study.areaKind {
            case .census(let level):
                guard let atLevel = table.rows(atLevel: level.geoidLength) else {
                    throw LastmileError.badInput(
                        SourceLocation(file: path),
                        "the table holds counties and tracts; the study's areas are \(level.pluralName) (study.area_level = \(level.rawValue)), which it cannot be split into"
                    )
                }
                rows = atLevel
            case .custom:
                let digits = table.finestDigits
                guard let level = AreaLevel(geoidLength: digits), let map = crosswalk(level) else {
                    throw LastmileError.badInput(SourceLocation(file: path), "the table holds no county or tract rows")
                }
                rows = table.rows(withDigits: digits) { map.areaOfUnit[$0] }
                notes.append(
                    "covered populations (inputs.covered_populations) are by \(level.displayName): each counts whole in the area holding most of its locations (\(map.straddlingUnits) straddle two or more areas)"
                )
            }
            for i in results.indices { results[i].coveredPopulations = rows[results[i].id] }
            let missing = results.filter { $0.coveredPopulations == nil }.count
            if missing > 0 {
                notes.append(
                    "\(English.counted(missing, "area")) \(missing == 1 ? "has" : "have") no row in the covered-populations table \((path as NSString).lastPathComponent)"
                )
            }
        }
        if let path = study.broadbandUsagePath {
            say("reading broadband usage")
            notes += try joinBroadbandUsage(
                path, crosswalk: study.zipCrosswalkPath, kind: study.areaKind, units: crosswalk, into: &results)
        } else if let crosswalk = study.zipCrosswalkPath {
            throw LastmileError.badInput(
                SourceLocation(file: crosswalk),
                "a ZIP crosswalk (inputs.zip_crosswalk) takes Microsoft's ZIP-code usage to tracts, and the study has no inputs.broadband_usage"
            )
        }
        return notes
    }

    /// Microsoft's usage in the study's areas: the county file's figure for each county (finer areas
    /// take their county's); or, from the ZIP-code file and HUD's tract-to-ZIP crosswalk, each tract's
    /// ZIP figures weighted by the share of the tract's residential addresses in each ZIP (block groups
    /// take their tract's). A custom area takes the figure of the county or tract holding most of its
    /// locations (`units`). Returns the diagnostics.
    static func joinBroadbandUsage(
        _ path: String, crosswalk: String?, kind: AreaKind, units: (AreaLevel) -> CustomAreaCrosswalk?,
        into results: inout [AreaResult]
    ) throws -> [String] {
        let table = try BroadbandUsageTable.read(path: path)
        let noun = kind.displayName
        /// The id of the unit at `level` that an area takes its figure from.
        func unit(_ level: AreaLevel) -> (AreaID) -> AreaID? {
            if let map = units(level) { return { map.unitOfArea[$0] } }
            return { AreaID(String($0.rawValue.prefix(level.geoidLength))) }
        }
        guard table.isByZIPCode else {
            if let level = kind.level, level.geoidLength < 5 {
                throw LastmileError.badInput(
                    SourceLocation(file: path),
                    "Microsoft's usage is by county; the study's areas are \(level.pluralName) (study.area_level = \(level.rawValue))"
                )
            }
            if let crosswalk {
                throw LastmileError.badInput(
                    SourceLocation(file: crosswalk),
                    "a ZIP crosswalk (inputs.zip_crosswalk) applies to Microsoft's ZIP-code file; inputs.broadband_usage is its county file"
                )
            }
            let county = unit(.county)
            for i in results.indices {
                results[i].broadbandUsage = county(results[i].id).flatMap { table.counties[$0] }
            }
            switch kind {
            case .census(let level) where level.geoidLength > 5:
                return ["broadband usage (inputs.broadband_usage) is by county: each \(noun) takes its county's figure"]
            case .custom:
                return [
                    "broadband usage (inputs.broadband_usage) is by county: each area takes the figure of the county holding most of its locations"
                ]
            default: return []
            }
        }
        if let level = kind.level, level.geoidLength < 11 {
            throw LastmileError.badInput(
                SourceLocation(file: path),
                "Microsoft's ZIP-code usage reaches \(level.displayName)s only through tracts; the study's areas are \(level.displayName)s (study.area_level = \(level.rawValue)): give Microsoft's county file"
            )
        }
        guard let crosswalk else {
            throw LastmileError.badInput(
                SourceLocation(file: path),
                "Microsoft's ZIP-code usage needs HUD's tract-to-ZIP crosswalk to reach tracts: set inputs.zip_crosswalk (HUD USPS ZIP code crosswalk, TRACT_ZIP, as CSV)"
            )
        }
        let tractOf = unit(.tract)
        let weights = try ZIPCrosswalk.read(path: crosswalk)
        var missing = 0
        var partial = 0
        for i in results.indices {
            guard let tract = tractOf(results[i].id),
                let (usage, coverage) = weights.tractValue(tract, from: { table.zipCodes[$0]?.usageShare })
            else {
                results[i].broadbandUsage = nil
                missing += 1
                continue
            }
            if coverage < 1 - 1e-9 { partial += 1 }
            results[i].broadbandUsage = BroadbandUsage(
                availabilityShareFCC: nil, usageShare: usage, level: "ZIP codes by residential address share")
        }
        let finer: String
        switch kind {
        case .census(let level): finer = level.geoidLength > 11 ? "; each \(noun) takes its tract's" : ""
        case .custom: finer = "; each area takes the figure of the tract holding most of its locations"
        }
        var notes = [
            "broadband usage (inputs.broadband_usage) is by ZIP code: each tract takes its ZIP codes' figures weighted by the share of its residential addresses in each (HUD crosswalk, inputs.zip_crosswalk)"
                + finer
        ]
        if missing > 0 {
            notes.append(
                English.counted(missing, noun)
                    + " \(missing == 1 ? "has" : "have") no ZIP code with a usage figure in the crosswalk and usage file"
            )
        }
        if partial > 0 {
            notes.append(
                English.counted(partial, noun)
                    + " \(partial == 1 ? "has" : "have") residential addresses in ZIP codes without a usage figure: the usage is the mean of the others"
            )
        }
        return notes
    }
}

/// The speed-test tiles a run read: where from, which quarter, how many fell outside the areas.
struct SpeedTestsRead: Sendable {
    var path: String
    var join: SpeedTestJoin
    var quarter: String? { SpeedTestTiles.quarter(fromName: path) }
    var kind: String? { SpeedTestTiles.kind(fromName: path) }
    /// The diagnostics line.
    var note: String {
        "speed tests (inputs.speed_tests): \(English.counted(join.tilesRead, "tile")) of \((path as NSString).lastPathComponent)"
            + ([kind, quarter].compactMap { $0 }.isEmpty
                ? "" : " (\([kind, quarter].compactMap { $0 }.joined(separator: ", ")))")
            + ", \(join.tilesOutside) outside every study area (left out); each tile counts in the area containing its centroid. "
            + SpeedTestTiles.attribution
    }
}
