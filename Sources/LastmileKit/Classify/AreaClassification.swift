import Analysis
import Foundation
import GeoModel
import Ingest

/// AreaClassification alone, for pipelines: availability files in, locations by class per area out.
public struct AreaClassification: Sendable {
    /// One area's counts.
    public struct Row: Hashable, Sendable {
        public var area: AreaID
        public var counts: ClassCounts
    }

    public var level: AreaLevel
    public var profile: PolicyProfile
    /// Rows sorted by area id.
    public var rows: [Row]
    public var totals: ClassCounts
    /// Availability rows read, and rows ignored by the business/residential filter.
    public var rowsRead: Int
    public var rowsIgnored: Int
    /// Rows whose technology code is not one the FCC defines.
    public var unknownTechnologyRows: Int
    /// What is counted: "locations" (BDC) or "blocks" (Form 477, which has no locations).
    public var unit = "locations"
    /// Availability rows per FCC technology code: which technology files the count covers.
    public var rowsByTechnology: [Int: Int] = [:]

    /// The location universe the counts cover (complete only when every technology family has rows).
    public var universe: LocationUniverse { LocationUniverse(rowsByTechnology: rowsByTechnology) }

    /// Threads used when none are given: one per active processor core.
    public static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount }
    /// The most parsing threads used, whatever is asked: four per core (more only add contention;
    /// `--threads 100000` would start 100,000 threads).
    public static var maximumThreads: Int { 4 * ProcessInfo.processInfo.activeProcessorCount }

    /// Streams every availability file through the policy's rule and counts locations per area.
    /// - Parameters:
    ///   - threads: parsing threads (the result does not depend on it).
    ///   - progress: receives a progress line (bytes read, rate, and when known the share done and the
    ///     time left) a few times a second, from a worker thread; nil for none.
    /// - Throws: the readers' errors (`.io` for a missing file, `.badInput` naming file, line and column).
    public static func run(
        files: [String], level: AreaLevel, profile: PolicyProfile,
        threads: Int = AreaClassification.defaultThreads,
        progress: (@Sendable (String) -> Void)? = nil
    ) throws -> AreaClassification {
        // Locations never cross state lines (the block GEOID gives the state), so at county level or
        // coarser a multi-state run folds one state at a time and releases its location table before
        // the next: memory is bounded by the largest state, not the nation.
        if level <= .county, let groups = stateGroups(files), groups.count > 1 {
            var counts: [AreaID: ClassCounts] = [:]
            var totals = ClassCounts()
            var rowsRead = 0
            var rowsIgnored = 0
            var unknown = 0
            var byTechnology: [Int: Int] = [:]
            for (state, group) in groups {
                let part = try classifyLocations(files: group, profile: profile, threads: threads, progress: progress)
                let partCounts = part.table.counts(by: level)
                if partCounts.keys.contains(where: { !$0.rawValue.hasPrefix(state) }) {
                    // A file named for one state holds another state's blocks: the grouping cannot be
                    // trusted, so fold everything together.
                    return try runTogether(
                        files: files, level: level, profile: profile, threads: threads, progress: progress)
                }
                counts.merge(partCounts) { $0 + $1 }
                totals = totals + part.table.totals
                rowsRead += part.table.rowsSeen
                rowsIgnored += part.table.rowsIgnored
                unknown += part.unknownTechnologyRows
                byTechnology.merge(part.rowsByTechnology, uniquingKeysWith: +)
            }
            return AreaClassification(
                level: level, profile: profile,
                rows: counts.keys.sorted().map { Row(area: $0, counts: counts[$0]!) },
                totals: totals, rowsRead: rowsRead, rowsIgnored: rowsIgnored,
                unknownTechnologyRows: unknown, rowsByTechnology: byTechnology)
        }
        return try runTogether(files: files, level: level, profile: profile, threads: threads, progress: progress)
    }

    static func runTogether(
        files: [String], level: AreaLevel, profile: PolicyProfile, threads: Int,
        progress: (@Sendable (String) -> Void)?
    ) throws -> AreaClassification {
        let table = try classifyLocations(files: files, profile: profile, threads: threads, progress: progress)
        let counts = table.table.counts(by: level)
        let rows = counts.keys.sorted().map { Row(area: $0, counts: counts[$0]!) }
        return AreaClassification(
            level: level, profile: profile, rows: rows, totals: table.table.totals,
            rowsRead: table.table.rowsSeen, rowsIgnored: table.table.rowsIgnored,
            unknownTechnologyRows: table.unknownTechnologyRows, rowsByTechnology: table.rowsByTechnology)
    }

    /// Files grouped by the state FIPS code in their FCC file name (`bdc_23_Cable_fixed_broadband_…`),
    /// in state order; nil when any file's name carries no state code.
    static func stateGroups(_ files: [String]) -> [(state: String, files: [String])]? {
        var groups: [String: [String]] = [:]
        for f in files {
            let name = (f as NSString).lastPathComponent
            guard let r = name.range(of: #"^bdc_(\d\d)_"#, options: .regularExpression) else { return nil }
            groups[String(name[r].dropFirst(4).prefix(2)), default: []].append(f)
        }
        return groups.keys.sorted().map { ($0, groups[$0]!) }
    }

    /// The per-location table after reading every file (memory: one entry per location, whatever
    /// the number of rows), parsed on `threads` threads. With `passingCodes`, also the table of
    /// locations that have a record with one of those business/residential codes (passings: the
    /// business case's denominator). With `landscapeGrouping`, also who offers service where (per area
    /// of that grouping) and each location's details, from the same read; with `universe` (a locations file),
    /// the providers are counted over its locations only.
    /// - Throws: `.badInput` when the files hold a header but no rows (a truncated or filtered download).
    static func classifyLocations(
        files: [String], profile: PolicyProfile,
        passingCodes: Set<BusinessResidentialCode>? = nil,
        landscapeGrouping: AreaGrouping? = nil, universe: [Int64: UInt64]? = nil,
        threads: Int = AreaClassification.defaultThreads,
        progress: (@Sendable (String) -> Void)? = nil
    ) throws
        -> (
            table: LocationTable, unknownTechnologyRows: Int, passings: LocationTable?, rowsByTechnology: [Int: Int],
            landscape: (providers: ProviderLandscape, details: LocationDetails)?
        )
    {
        var passingProfile: PolicyProfile?
        if let passingCodes, passingCodes != profile.businessResidential {
            passingProfile = profile
            passingProfile?.businessResidential = passingCodes
        }
        let read = try classifyOnce(
            files: files, profile: profile, passingProfile: passingProfile,
            landscape: landscapeGrouping != nil, threads: threads, progress: progress)
        let table = read.table
        if table.rowsSeen == 0 {
            throw LastmileError.badInput(
                SourceLocation(file: files.count == 1 ? files[0] : files.joined(separator: ", "), line: 2),
                "no availability rows: the file\(files.count == 1 ? " holds" : "s hold") a header but no data (a truncated or filtered-out download?)"
            )
        }
        let passings = passingCodes == nil ? nil : read.passings ?? table
        var landscape: (providers: ProviderLandscape, details: LocationDetails)?
        if let grouping = landscapeGrouping, let fold = read.landscape {
            landscape = fold.finish(grouping: grouping, universe: universe)
        }
        return (table, read.unknownTechnologyRows, passings, read.rowsByTechnology, landscape)
    }

    /// One read of every file: the location table and, with `passingProfile`, the table of locations
    /// with a record its business/residential filter counts; with `landscape`, the builders of the
    /// provider landscape and the location details.
    /// Bytes per row of a plain BDC availability CSV (the bench state file: 480 MB, 4.95 M rows).
    static let bytesPerRow = 97

    static func classifyOnce(
        files: [String], profile: PolicyProfile, passingProfile: PolicyProfile? = nil,
        landscape: Bool = false, threads: Int, progress: (@Sendable (String) -> Void)?
    ) throws
        -> (
            table: LocationTable, unknownTechnologyRows: Int, passings: LocationTable?, rowsByTechnology: [Int: Int],
            landscape: LandscapeFold?
        )
    {
        guard !files.isEmpty else { throw LastmileError.usage("no availability files given") }
        guard threads >= 1 else { throw LastmileError.usage("threads must be at least 1, got \(threads)") }
        let threads = min(threads, maximumThreads)
        let shared = SharedLocationTable()
        let passingShared = passingProfile.map { (table: SharedLocationTable(), rule: ServiceRule($0)) }
        let rule = ServiceRule(profile)
        var report: (@Sendable (BDCReadProgress) -> Void)?
        if let progress { report = { p in progress(p.line) } }
        // Each thread's landscape sized once for its share of the rows (plain CSV: about 97 bytes a row;
        // a compressed file gives a smaller hint, and the tables grow from there).
        let bytes = files.reduce(0) {
            $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0)
        }
        let rowsPerThread = bytes / AreaClassification.bytesPerRow / threads
        let (fold, summary) = try BDCReader.fold(paths: files, threads: threads, progress: report) {
            AvailabilityFold(
                rule: rule, locations: shared, passings: passingShared,
                landscape: landscape ? LandscapeFold(profile: profile, expectedRows: rowsPerThread) : nil)
        }
        let table = LocationTable(
            profile: profile, shared: shared, rowsSeen: fold.locations.rowsSeen,
            rowsIgnored: fold.locations.rowsIgnored)
        var passings: LocationTable?
        if let passingProfile, let passingShared, let p = fold.passings {
            passings = LocationTable(
                profile: passingProfile, shared: passingShared.table, rowsSeen: p.rowsSeen,
                rowsIgnored: p.rowsIgnored)
        }
        if (table.blockDisagreements > 0 || (passings?.blockDisagreements ?? 0) > 0) && threads > 1 {
            // Some location has rows in different blocks, read by different workers: which block
            // came first is only known to a single reader going through the files in order. Never
            // seen in FCC data (a fabric location lies in one block), so simply read again. Without such a
            // location the providers' areas (a provider's block at a location) do not depend on the order.
            return try classifyOnce(
                files: files, profile: profile, passingProfile: passingProfile,
                landscape: landscape, threads: 1, progress: nil)
        }
        return (table, summary.unknownTechnologyRows, passings, summary.rowsByTechnology, fold.landscape)
    }

    /// The legacy FCC Form 477 classification (`form477-25-3`): blocks, not locations, per area.
    /// - Throws: the reader's errors (file, line and column).
    public static func runForm477(files: [String], level: AreaLevel) throws -> AreaClassification {
        guard !files.isEmpty else { throw LastmileError.usage("no Form 477 files given") }
        var table = Form477BlockTable()
        for file in files {
            try Form477Reader.read(path: file) {
                table.add(
                    blockCode: $0.blockCode, technology: $0.technology, consumer: $0.consumer,
                    download: $0.download, upload: $0.upload)
            }
        }
        let counts = table.counts(by: level)
        var profile = PolicyProfile.bead2022
        profile.name = Form477BlockTable.profileName
        return AreaClassification(
            level: level, profile: profile,
            rows: counts.keys.sorted().map { Row(area: $0, counts: counts[$0]!) },
            totals: table.totals, rowsRead: table.rowsSeen, rowsIgnored: table.rowsWithBadBlock,
            unknownTechnologyRows: 0, unit: "blocks")
    }

    /// CSV: a header `area,locations,unserved,underserved,served,unserved_share,underserved_share`, one row per area.
    public func csv() -> String {
        var out = "area,\(unit),unserved,underserved,served,unserved_share,underserved_share\n"
        for r in rows {
            let c = r.counts
            out +=
                "\(r.area),\(c.locations),\(c.unserved),\(c.underserved),\(c.served),"
                + "\(Self.format(c.unservedShare)),\(Self.format(c.underservedShare))\n"
        }
        return out
    }

    /// JSON: an array of objects with `area`, `locations`, `unserved`, `underserved`, `served` (integers) and shares.
    public func json() -> String {
        let objects: [[String: Any]] = rows.map { r in
            [
                "area": r.area.rawValue, "level": level.rawValue,
                unit: r.counts.locations, "unserved": r.counts.unserved,
                "underserved": r.counts.underserved, "served": r.counts.served,
                "unserved_share": r.counts.unservedShare ?? NSNull(),
                "underserved_share": r.counts.underservedShare ?? NSNull(),
            ]
        }
        let data = try! JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A share with six decimals, or empty when undefined.
    static func format(_ share: Double?) -> String {
        guard let share else { return "" }
        return String(format: "%.6f", share)
    }
}
