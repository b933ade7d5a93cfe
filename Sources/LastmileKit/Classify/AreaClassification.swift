import Foundation
import GeoModel
import Analysis
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
    public static func run(files: [String], level: AreaLevel, profile: PolicyProfile,
                           threads: Int = AreaClassification.defaultThreads,
                           progress: (@Sendable (String) -> Void)? = nil) throws -> AreaClassification {
        // Locations never cross state lines (the block GEOID gives the state), so at county level or
        // coarser a multi-state run folds one state at a time and releases its location table before
        // the next: memory is bounded by the largest state, not the nation.
        if level <= .county, let groups = stateGroups(files), groups.count > 1 {
            var counts: [AreaID: ClassCounts] = [:]
            var totals = ClassCounts(), rowsRead = 0, rowsIgnored = 0, unknown = 0
            var byTechnology: [Int: Int] = [:]
            for (state, group) in groups {
                let part = try classifyLocations(files: group, profile: profile, threads: threads, progress: progress)
                let partCounts = part.table.counts(by: level)
                if partCounts.keys.contains(where: { !$0.rawValue.hasPrefix(state) }) {
                    // A file named for one state holds another state's blocks: the grouping cannot be
                    // trusted, so fold everything together.
                    return try runTogether(files: files, level: level, profile: profile, threads: threads, progress: progress)
                }
                counts.merge(partCounts) { $0 + $1 }
                totals = totals + part.table.totals
                rowsRead += part.table.rowsSeen
                rowsIgnored += part.table.rowsIgnored
                unknown += part.unknownTechnologyRows
                byTechnology.merge(part.rowsByTechnology, uniquingKeysWith: +)
            }
            return AreaClassification(level: level, profile: profile,
                                      rows: counts.keys.sorted().map { Row(area: $0, counts: counts[$0]!) },
                                      totals: totals, rowsRead: rowsRead, rowsIgnored: rowsIgnored,
                                      unknownTechnologyRows: unknown, rowsByTechnology: byTechnology)
        }
        return try runTogether(files: files, level: level, profile: profile, threads: threads, progress: progress)
    }

    static func runTogether(files: [String], level: AreaLevel, profile: PolicyProfile, threads: Int,
                            progress: (@Sendable (String) -> Void)?) throws -> AreaClassification {
        let table = try classifyLocations(files: files, profile: profile, threads: threads, progress: progress)
        let counts = table.table.counts(by: level)
        let rows = counts.keys.sorted().map { Row(area: $0, counts: counts[$0]!) }
        return AreaClassification(level: level, profile: profile, rows: rows, totals: table.table.totals,
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
    /// business case's denominator).
    /// - Throws: `.badInput` when the files hold a header but no rows (a truncated or filtered download).
    static func classifyLocations(files: [String], profile: PolicyProfile,
                                  passingCodes: Set<BusinessResidentialCode>? = nil,
                                  threads: Int = AreaClassification.defaultThreads,
                                  progress: (@Sendable (String) -> Void)? = nil) throws
        -> (table: LocationTable, unknownTechnologyRows: Int, passings: LocationTable?, rowsByTechnology: [Int: Int]) {
        let (table, unknown, byTechnology) = try classifyOnce(files: files, profile: profile, threads: threads, progress: progress)
        if table.rowsSeen == 0 {
            throw LastmileError.badInput(SourceLocation(file: files.count == 1 ? files[0] : files.joined(separator: ", "), line: 2),
                                         "no availability rows: the file\(files.count == 1 ? " holds" : "s hold") a header but no data (a truncated or filtered-out download?)")
        }
        var passings: LocationTable?
        if let passingCodes {
            if passingCodes == profile.businessResidential {
                passings = table
            } else {
                var passingProfile = profile
                passingProfile.businessResidential = passingCodes
                passings = try classifyOnce(files: files, profile: passingProfile, threads: threads, progress: nil).table
            }
        }
        return (table, unknown, passings, byTechnology)
    }

    static func classifyOnce(files: [String], profile: PolicyProfile, threads: Int,
                             progress: (@Sendable (String) -> Void)?) throws
        -> (table: LocationTable, unknownTechnologyRows: Int, rowsByTechnology: [Int: Int]) {
        guard !files.isEmpty else { throw LastmileError.usage("no availability files given") }
        guard threads >= 1 else { throw LastmileError.usage("threads must be at least 1, got \(threads)") }
        let threads = min(threads, maximumThreads)
        if #available(macOS 15.0, *) {
            let shared = SharedLocationTable()
            let rule = ServiceRule(profile)
            var report: (@Sendable (BDCReadProgress) -> Void)?
            if let progress { report = { p in progress(p.line) } }
            let (fold, summary) = try BDCReader.fold(paths: files, threads: threads, progress: report) {
                LocationFold(shared: shared, rule: rule)
            }
            let table = LocationTable(profile: profile, shared: shared, rowsSeen: fold.rowsSeen, rowsIgnored: fold.rowsIgnored)
            if table.blockDisagreements > 0 && threads > 1 {
                // Some location has rows in different blocks, read by different workers: which block
                // came first is only known to a single reader going through the files in order. Never
                // seen in FCC data (a fabric location lies in one block), so simply read again.
                return try classifyOnce(files: files, profile: profile, threads: 1, progress: nil)
            }
            return (table, summary.unknownTechnologyRows, summary.rowsByTechnology)
        }
        return try classifyLocationsRecordByRecord(files: files, profile: profile)
    }

    /// The reference path: one record at a time through `BDCReader.read` on the calling thread.
    static func classifyLocationsRecordByRecord(files: [String], profile: PolicyProfile) throws
        -> (table: LocationTable, unknownTechnologyRows: Int, rowsByTechnology: [Int: Int]) {
        guard !files.isEmpty else { throw LastmileError.usage("no availability files given") }
        var table = LocationTable(profile: profile)
        var unknown = 0
        var byTechnology: [Int: Int] = [:]
        for file in files {
            let summary = try BDCReader.read(path: file) { table.add($0) }
            unknown += summary.unknownTechnologyRows
            byTechnology.merge(summary.rowsByTechnology, uniquingKeysWith: +)
        }
        return (table, unknown, byTechnology)
    }

    /// The legacy FCC Form 477 classification (`form477-25-3`): blocks, not locations, per area.
    /// - Throws: the reader's errors (file, line and column).
    public static func runForm477(files: [String], level: AreaLevel) throws -> AreaClassification {
        guard !files.isEmpty else { throw LastmileError.usage("no Form 477 files given") }
        var table = Form477BlockTable()
        for file in files {
            try Form477Reader.read(path: file) {
                table.add(blockCode: $0.blockCode, technology: $0.technology, consumer: $0.consumer,
                          download: $0.download, upload: $0.upload)
            }
        }
        let counts = table.counts(by: level)
        var profile = PolicyProfile.bead2022
        profile.name = Form477BlockTable.profileName
        return AreaClassification(level: level, profile: profile,
                                  rows: counts.keys.sorted().map { Row(area: $0, counts: counts[$0]!) },
                                  totals: table.totals, rowsRead: table.rowsSeen, rowsIgnored: table.rowsWithBadBlock,
                                  unknownTechnologyRows: 0, unit: "blocks")
    }

    /// CSV: a header `area,locations,unserved,underserved,served,unserved_share,underserved_share`, one row per area.
    public func csv() -> String {
        var out = "area,\(unit),unserved,underserved,served,unserved_share,underserved_share\n"
        for r in rows {
            let c = r.counts
            out += "\(r.area),\(c.locations),\(c.unserved),\(c.underserved),\(c.served),"
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

/// One worker's share of a classification for the parallel reader: it classifies its rows and folds
/// them, a batch at a time, into the table all workers share; merging only adds the row counts.
struct LocationFold: AvailabilityAccumulator {
    let shared: SharedLocationTable
    let rule: ServiceRule
    var rowsSeen = 0
    var rowsIgnored = 0
    /// Scratch for one batch, grouped by partition: ids, blocks, classes, and each row's partition.
    private var locations: [Int64] = []
    private var blocks: [UInt64] = []
    private var classes: [UInt8] = []
    private var partitionOfRow: [UInt8] = []
    private var starts = [Int](repeating: 0, count: SharedLocationTable.partitionCount + 1)

    init(shared: SharedLocationTable, rule: ServiceRule) {
        self.shared = shared
        self.rule = rule
    }

    mutating func add(_ rows: [AvailabilityRow], chunk: Int) {
        let parts = SharedLocationTable.partitionCount
        let ignored = UInt8.max
        if locations.count < rows.count {
            locations = Array(repeating: 0, count: rows.count)
            blocks = Array(repeating: 0, count: rows.count)
            classes = Array(repeating: 0, count: rows.count)
            partitionOfRow = Array(repeating: 0, count: rows.count)
        }
        for p in starts.indices { starts[p] = 0 }
        rowsSeen += rows.count
        // Counting sort by partition: count, prefix sums, place.
        for (i, r) in rows.enumerated() {
            guard rule.counts(r.businessResidential) else {
                rowsIgnored += 1
                partitionOfRow[i] = ignored
                continue
            }
            let p = SharedLocationTable.partition(of: r.locationID)
            partitionOfRow[i] = UInt8(p)
            starts[p + 1] += 1
        }
        for p in 0..<parts { starts[p + 1] += starts[p] }
        var next = starts
        for (i, r) in rows.enumerated() where partitionOfRow[i] != ignored {
            let p = Int(partitionOfRow[i])
            let at = next[p]
            next[p] = at + 1
            locations[at] = r.locationID
            blocks[at] = r.block
            classes[at] = UInt8(rule.serviceClass(technology: r.technology, download: r.download, upload: r.upload,
                                                  lowLatency: r.lowLatency, provider: r.providerID,
                                                  location: r.locationID).rawValue)
        }
        // Visit partitions from a place that changes with the chunk, so workers rarely meet on one lock;
        // a partition another worker holds is left for later rather than waited for (that worker may
        // have been descheduled while holding it).
        let first = (chunk &* 37) & (parts - 1)
        locations.withUnsafeBufferPointer { l in
            blocks.withUnsafeBufferPointer { b in
                classes.withUnsafeBufferPointer { c in
                    var busy: [Int] = []
                    func fold(_ p: Int, waiting: Bool) -> Bool {
                        let range = starts[p]..<starts[p + 1]
                        if range.isEmpty { return true }
                        let (ls, bs, cs) = (UnsafeBufferPointer(rebasing: l[range]), UnsafeBufferPointer(rebasing: b[range]),
                                            UnsafeBufferPointer(rebasing: c[range]))
                        if waiting {
                            shared.add(partition: p, locations: ls, blocks: bs, classes: cs)
                            return true
                        }
                        return shared.addIfAvailable(partition: p, locations: ls, blocks: bs, classes: cs)
                    }
                    for k in 0..<parts {
                        let p = (first + k) & (parts - 1)
                        if !fold(p, waiting: false) { busy.append(p) }
                    }
                    while !busy.isEmpty {
                        // Another pass without waiting, then wait for the first one still busy.
                        busy = busy.filter { !fold($0, waiting: false) }
                        if let p = busy.first {
                            _ = fold(p, waiting: true)
                            busy.removeFirst()
                        }
                    }
                }
            }
        }
    }

    mutating func merge(_ other: consuming LocationFold) {
        rowsSeen += other.rowsSeen
        rowsIgnored += other.rowsIgnored
    }
}
