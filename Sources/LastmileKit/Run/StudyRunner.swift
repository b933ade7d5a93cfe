import Analysis
import Foundation
import GeoIO
import GeoModel
import Ingest
import RunStore

/// The pipeline façade: study → ingest → classify → join → outputs → run store.
public enum StudyRunner {
    /// Runs a study end to end and records it in the run store.
    ///
    /// Outputs are written under `<root>/<study>/.<run-id>.partial/`; the run store then records the run
    /// in one transaction, the folder is renamed to `<root>/<study>/<run-id>/`, and only then does the
    /// run's record turn "done".
    /// - Throws: `LastmileError` (input errors name file, line or feature, and column); the run is then
    ///   recorded as failed and no folder is left at the final path.
    public static func run(_ study: Study, options: RunOptions = RunOptions()) throws -> RunOutcome {
        let store = try RunStore(path: options.resolvedStorePath)
        let runID = try options.runID ?? reproducibleID(study, store: store) ?? RunID.generate(date: options.now)
        let studyFolder = (options.outputRoot as NSString).appendingPathComponent(
            options.studyFolderName ?? slug(study.name))
        let finalDir = (studyFolder as NSString).appendingPathComponent(runID.rawValue)
        let tempDir = (studyFolder as NSString).appendingPathComponent(".\(runID.rawValue).partial")
        try store.beginRun(
            RunStart(
                id: runID, studyName: study.name, studyPath: study.parameters.sourcePath,
                startedAt: options.now, toolVersion: LastmileVersion.current,
                studyText: study.parameters.text, outputDirectory: finalDir))
        do {
            let computed = try compute(study, options: options)
            try FileManager.default.createDirectory(atPath: tempDir, withIntermediateDirectories: true)
            let edition =
                try PublicRelease.threshold(study: study, option: options.publicThreshold)
                .map { PublicRelease.edition(computed, threshold: $0) } ?? .full
            options.progress?("writing the report, maps and data files; recording the run in the store")
            // The store records the run on a thread of its own while the outputs are written: neither
            // reads what the other writes. Everything the store keeps of the run goes in one transaction
            // before the folder is published; the run turns "done" only after both.
            let (files, _) = try Concurrently.both(
                {
                    try RunOutputs.write(
                        computed, study: study, runID: runID.rawValue, startedAt: options.now,
                        edition: edition, into: tempDir)
                }, { try record(computed, study: study, runID: runID, in: store) })
            try OutputFile.publish(tempDir, as: finalDir)
            do {
                try store.finishRun(runID, status: .done)
            } catch {
                // Not recorded as done: the published folder must not stay behind as if it were.
                try? FileManager.default.removeItem(atPath: finalDir)
                throw error
            }
            return RunOutcome(
                runID: runID.rawValue, studyName: study.name, outputDirectory: finalDir,
                reportPath: (finalDir as NSString).appendingPathComponent("report.pdf"),
                totals: computed.totals, results: computed.join.results,
                diagnostics: computed.diagnostics, files: files, businessCase: computed.businessCase)
        } catch {
            try? FileManager.default.removeItem(atPath: tempDir)
            let error = LastmileError.fileSystem(error) ?? error
            try? store.finishRun(runID, status: .failed, error: "\(error)")
            throw error
        }
    }

    /// Everything the run store keeps of a run, in one transaction (on another thread than the outputs:
    /// the store's connection is used by that thread alone until it is done).
    static func record(_ computed: Computed, study: Study, runID: RunID, in store: RunStore) throws {
        try store.recordingTogether(for: runID) {
            try store.recordInputs(computed.inputs, for: runID)
            try store.recordParameters(study.parameters.values.mapValues(\.description), for: runID)
            let rows = computed.locationRows ?? []
            try store.recordLocations(count: rows.count, for: runID) { rows[$0].stored }
            try store.recordAreaResults(
                computed.join.results.map {
                    StoredAreaResult($0, plan: computed.byArea.plan($0.id))
                }, for: runID)
            try store.recordScenarioResults(
                computed.businessCase.scenarios.map(StoredScenarioResult.init),
                for: runID)
            try store.recordDiagnostics(
                computed.diagnostics.map { RunDiagnostic(severity: .warning, message: $0) },
                for: runID)
        }
    }

    /// Under `SOURCE_DATE_EPOCH` (reproducible builds), the id from the pinned date and the study's name, so
    /// that its report is byte-identical run after run; nil otherwise, or when the store already holds it.
    static func reproducibleID(
        _ study: Study, store: RunStore,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> RunID? {
        guard environment["SOURCE_DATE_EPOCH"] != nil else { return nil }
        let date = try RunReport.reportDate(startedAt: Date(), environment: environment)
        let id = RunID.reproducible(date: date, seed: study.name)
        return try store.run(id) == nil ? id : nil
    }

    /// Everything computed from the inputs, before anything is written.
    struct Computed {
        var inputs: [RunInput]
        var totals: ClassCounts
        var join: CoverageJoin
        var areas: [Area]
        var diagnostics: [String]
        var rowsRead: Int
        /// The business case over the study's areas.
        var businessCase: BusinessCase
        /// How demand.household_growth was derived from two ACS tables, when it was.
        var householdTrend: String?
        /// Every location's row of locations.csv (also the run store's `locations`), in id order.
        var locationRows: [LocationsCSV.Row]? = nil
        /// Each location's position from the locations file, when it has coordinates (licensed Fabric
        /// data: only the full edition's results.gpkg `locations` layer takes them).
        var locationPoints: [Int64: Point] = [:]
        /// Which locations the counts cover: technology families present, the locations file if any.
        var universe = LocationUniverse(rowsByTechnology: [:])
        /// Who offers service where (providers.csv, the report's provider page).
        var providers = ProviderLandscape(study: [], byArea: [:])
        /// Per-location details and funding programs (locations.csv).
        var details = LocationDetails.none
        var fundedPrograms: [Int64: String] = [:]
        /// The study's community anchor institutions and whether each lacks gigabit symmetrical service.
        var anchors: [AnchorStatus] = []
        /// Each area's result, plan and shape, joined once.
        var byArea = StudyAreas()
        /// The speed-test tiles read (inputs.speed_tests), for run.json and the report.
        var speedTests: SpeedTestsRead? = nil
        /// The study's road centrelines (inputs.roads), every class, for the maps' context.
        var roads: [RoadNetwork.RoadLine] = []
        /// Area water (inputs.water) and named places (inputs.places) for the maps' context.
        var water: [MultiPolygon] = []
        var places: [ContextLayers.Place] = []
    }

    static func compute(_ study: Study, options: RunOptions) throws -> Computed {
        let say = options.progress ?? { _ in }
        guard let areasPath = study.areasPath else {
            throw LastmileError.badInput(
                SourceLocation(file: study.parameters.sourcePath, column: "inputs.areas"),
                "a study run needs area shapes (inputs.areas); use `lastmile classify` for counts without shapes")
        }
        // Every input is hashed after it was read (the readers hash as they read: one pass over each
        // file); a missing or unreadable one still fails here, before any work.
        let inputPaths = inputFiles(study, areasPath: areasPath)
        for (_, path) in inputPaths {
            // access returns 0 when the file can be read, -1 with errno otherwise.
            guard access(path, R_OK) == 0 else {
                throw LastmileError.io(path: path, "cannot open: \(String(cString: strerror(errno)))")
            }
        }

        // The location universe first, so that the provider counts are over its locations too.
        let locationsFile = try study.locationsPath.map { path in
            say("reading the location universe")
            return try LocationsFile.read(path: path)
        }
        // Custom areas come before the availability files: the universe is the locations they contain.
        var areas: [Area]?
        let custom: CustomAreas?
        if study.areaKind == .custom, let file = locationsFile, let path = study.locationsPath {
            say("placing the locations in the areas")
            areas = try readAreas(study, path: areasPath)
            custom = try CustomAreas(areas: areas!, file: file, path: path, areasPath: areasPath)
        } else {
            custom = nil
        }
        let grouping = custom?.grouping ?? AreaGrouping(census: study.areaKind.level ?? .block)
        let universeBlocks = custom?.blocks ?? locationsFile?.blocks
        say("classifying availability (\(English.counted(study.availabilityPaths.count, "file")))")
        // One read of the availability files gives the location and passings tables, the providers
        // and the per-location details.
        let read = try AreaClassification.classifyLocations(
            files: study.availabilityPaths, profile: study.profile,
            passingCodes: study.businessCase.residentialCodes,
            landscapeGrouping: grouping, universe: universeBlocks)
        var classified = (
            table: read.table, unknownTechnologyRows: read.unknownTechnologyRows, passings: read.passings,
            rowsByTechnology: read.rowsByTechnology
        )
        var diagnostics: [String] = []
        // What the run did that a reader should know but that is no input fault (a roll-up, funded
        // locations, anchors): reported with the diagnostics, never a --strict failure.
        var notes: [String] = []
        if let custom { notes.append(custom.note) }
        let universe = locationUniverse(study, file: locationsFile, blocks: universeBlocks, classified: &classified)
        if let statement = universe.statement(profile: study.profile) { diagnostics.append(statement) }
        if let path = universe.locationsFile, let notListed = universe.availabilityLocationsNotInFile, notListed > 0 {
            notes.append(
                "\(English.counted(notListed, "location")) of the availability files \(notListed == 1 ? "is" : "are") not in the locations file \((path as NSString).lastPathComponent)"
                    + (custom != nil ? " or \(notListed == 1 ? "lies" : "lie") outside every area" : "")
                    + " and \(notListed == 1 ? "is" : "are") left out of the counts (the universe is the locations file's)"
            )
        }
        let funding = try fundedLocations(study, table: &classified.table, say: say)
        notes += funding.notes
        let counts = classified.table.counts(by: grouping)
        let (providers, details) = read.landscape!
        var anchors: [AnchorStatus] = []
        if let path = study.anchorInstitutionsPath {
            say("checking anchor institutions")
            anchors = try AnchorStatus.evaluate(
                AnchorInstitutionsFile.read(path: path), table: classified.table,
                details: details, points: locationsFile?.points ?? [:], areas: grouping)
            notes.append(AnchorStatus.summary(anchors))
        }
        if classified.unknownTechnologyRows > 0 {
            diagnostics.append(
                "\(English.counted(classified.unknownTechnologyRows, "availability row")) \(classified.unknownTechnologyRows == 1 ? "carries a technology code the FCC does not define; it counts" : "carry a technology code the FCC does not define; they count") as non-qualifying"
            )
        }
        if classified.table.rowsWithBadBlock > 0 {
            diagnostics.append(
                "\(English.counted(classified.table.rowsWithBadBlock, "availability row")) \(classified.table.rowsWithBadBlock == 1 ? "has a block GEOID that is not 15 digits and was" : "have a block GEOID that is not 15 digits and were") skipped"
            )
        }

        if areas == nil {
            say("reading areas")
            areas = try readAreas(study, path: areasPath)
        }
        let studyAreas = areas!
        let areaInfo = Dictionary(
            uniqueKeysWithValues: studyAreas.map {
                (
                    $0.id,
                    CoverageJoin.AreaInfo(
                        name: $0.name,
                        landAreaSquareMiles: $0.landAreaSquareMetres.map { $0 / Area.squareMetresPerSquareMile })
                )
            })

        var demographics: [AreaID: DemographicProfile]?
        if let path = study.demographicsPath {
            say("reading demographics")
            let table = try ACSTable.read(path: path)
            if table.profiles.isEmpty {
                let what = "the demographics file holds no data rows (only its header)"
                if options.strict { throw LastmileError.badInput(SourceLocation(file: path), "--strict: " + what) }
                diagnostics.append("\(path): \(what)")
                demographics = [:]
            } else {
                let atLevel =
                    try custom.map { try StudyDemographics.profiles(of: table, path: path, crosswalk: $0.crosswalk) }
                    ?? StudyDemographics.profiles(of: table, path: path, level: study.areaKind.level!)
                demographics = atLevel.profiles
                notes += atLevel.notes
            }
        }
        var join = CoverageJoin(counts: counts, areas: areaInfo, demographics: demographics, kind: study.areaKind)
        diagnostics += join.diagnostics
        notes += try joinAdoption(study, results: &join.results, crosswalk: { custom?.crosswalk($0) }, say: say)
        var speedTests: SpeedTestsRead?
        if let path = study.speedTestsPath {
            say("joining speed-test tiles to the areas")
            let read = try measuredSpeeds(path: path, layer: study.speedTestsLayer, areas: studyAreas)
            for i in join.results.indices { join.results[i].measuredSpeeds = read.join.byArea[join.results[i].id] }
            notes.append(read.note)
            speedTests = read
        }
        for i in join.results.indices {
            join.results[i].gaps = GapAssessment.of(join.results[i], study.gapThresholds)
        }
        try InputChecks.check(
            study, areasPath: areasPath, classified: (classified.table, classified.unknownTechnologyRows),
            universe: universe, counts: counts, areaIDs: Set(areaInfo.keys), strict: options.strict,
            diagnostics: &diagnostics)

        say("evaluating the business case (\(study.businessCase.parameters.risk.draws) Monte Carlo draws per scenario)")
        let passings = classified.passings?.counts(by: grouping).mapValues(\.locations) ?? [:]
        var routeMiles: [AreaID: Double] = [:]
        var roads: [RoadNetwork.RoadLine] = []
        if let roadsPath = study.businessCase.roadsPath {
            say("measuring road centrelines per area")
            (routeMiles, roads) = try measuredRouteMiles(
                study: study, roadsPath: roadsPath, areas: studyAreas, passings: passings,
                diagnostics: &diagnostics)
        }
        let (water, places) = try mapContext(study, areas: studyAreas, say: say)
        let businessAreas = join.results.map {
            BusinessCaseArea(
                $0, passings: passings[$0.id] ?? 0, routeMiles: routeMiles[$0.id],
                minimumTests: study.gapThresholds.minimumTests)
        }
        var parameters = study.businessCase.parameters
        var trend: String?
        if let trendPath = study.businessCase.earlierDemographicsPath, !study.businessCase.householdGrowthGiven {
            say("reading the earlier demographics")
            let growth = try HouseholdTrend.growth(
                study: study, current: demographics, earlierPath: trendPath,
                areas: Set(join.results.map(\.id)))
            parameters.demand.householdGrowth = growth.rate
            trend = growth.description
        }
        // Under --strict every input warning fails the run (InputChecks throws its own, naming the file).
        if options.strict, let first = diagnostics.first {
            throw LastmileError.badInput(SourceLocation(file: study.parameters.sourcePath), "--strict: " + first)
        }
        diagnostics += notes
        let businessCase = BusinessCase.evaluate(areas: businessAreas, parameters: parameters)
        say("fingerprinting inputs")
        let inputs = try fingerprints(study, files: inputPaths)
        return Computed(
            inputs: inputs, totals: classified.table.totals, join: join, areas: studyAreas,
            diagnostics: diagnostics, rowsRead: classified.table.rowsSeen, businessCase: businessCase,
            householdTrend: trend,
            locationRows: LocationsCSV.rows(
                classified.table, details: details, fundedPrograms: funding.programs,
                anchors: Set(anchors.compactMap(\.locationID)), areas: grouping),
            locationPoints: locationsFile?.points ?? [:],
            universe: universe, providers: providers, details: details, fundedPrograms: funding.programs,
            anchors: anchors,
            byArea: StudyAreas(plans: businessCase.areas, areas: studyAreas), speedTests: speedTests, roads: roads,
            water: water, places: places)
    }

    /// The study's area shapes (inputs.areas) in its equal-area CRS. Census areas must carry GEOIDs of the
    /// study's level; a custom shape without a land area (ALAND) takes its area in the equal-area CRS.
    static func readAreas(_ study: Study, path: String) throws -> [Area] {
        var areas = try VectorSource.readAreas(
            path: path, layer: study.areasLayer, idField: study.areasIDField, equalAreaCRS: study.equalAreaCRS)
        switch study.areaKind {
        case .census(let level):
            if let wrong = areas.first(where: { $0.id.level != level }) {
                throw LastmileError.badInput(
                    SourceLocation(file: path, column: study.areasIDField),
                    "expected \(level.displayName) GEOIDs of \(level.geoidLength) digits (study.area_level = \(level.rawValue)), found '\(wrong.id)'"
                )
            }
        case .custom:
            for i in areas.indices where areas[i].landAreaSquareMetres == nil {
                areas[i].landAreaSquareMetres = areas[i].geometry.area
            }
        }
        return areas
    }

    /// The study's water and places within its extent, in its equal-area CRS (empty without them).
    static func mapContext(
        _ study: Study, areas: [Area], say: (String) -> Void
    ) throws -> (water: [MultiPolygon], places: [ContextLayers.Place]) {
        let extent = areas.reduce(BoundingBox.empty) { $0.union($1.geometry.boundingBox) }
        var water: [MultiPolygon] = []
        var places: [ContextLayers.Place] = []
        if let path = study.waterPath {
            say("reading water")
            water = try ContextLayers.water(
                path: path, layer: study.waterLayer, equalAreaCRS: study.equalAreaCRS, extent: extent)
        }
        if let path = study.placesPath {
            say("reading places")
            places = try ContextLayers.places(
                path: path, layer: study.placesLayer, nameField: study.placesNameField,
                equalAreaCRS: study.equalAreaCRS, extent: extent)
        }
        return (water, places)
    }

    /// A folder name for a study: lower-case letters, digits and dashes.
    static func slug(_ name: String) -> String {
        var out = ""
        for ch in name.lowercased() {
            if ch.isASCII && (ch.isLetter || ch.isNumber) {
                out.append(ch)
            } else if !out.hasSuffix("-") {
                out.append("-")
            }
        }
        // A folder name holds at most 255 bytes; 80 characters of a name identify the study.
        let trimmed = String(out.prefix(80)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return trimmed.isEmpty ? "study" : trimmed
    }
}
