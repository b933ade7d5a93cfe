import GeoModel

/// One location's class in one run, with the area it was counted in: what `runs diff` compares.
public struct StoredLocationClass: Hashable, Sendable {
    /// The FCC Fabric location id.
    public var locationID: Int64
    /// The study area (GEOID at the study's level) the location was counted in.
    public var areaID: String
    public var serviceClass: ServiceClass

    public init(locationID: Int64, areaID: String, serviceClass: ServiceClass) {
        self.locationID = locationID; self.areaID = areaID; self.serviceClass = serviceClass
    }
}

/// One location of one run as the run store keeps it: its class and area (what `runs diff` compares)
/// and the rest of its locations.csv row (nil where unknown: no availability record, or a run stored
/// before the store kept them).
public struct StoredLocation: Hashable, Sendable {
    public var location: StoredLocationClass
    /// The 15-digit 2020 census block.
    public var blockGEOID: String?
    public var h3Cell: String?
    /// FCC technology code of the best record, and the best advertised speeds (Mbps).
    public var bestTechnology: Int?
    public var bestDownload: Double?
    public var bestUpload: Double?
    public var providersAt100x20: Int?
    /// In a funded-locations list (an enforceable commitment), with its program when the list names one.
    public var funded = false
    public var fundedProgram: String?
    /// A community anchor institution's location.
    public var anchor = false
    /// BDC business/residential codes of its records ("R", "B X", …).
    public var businessResidential: String?

    public init(_ location: StoredLocationClass) { self.location = location }
}

extension RunStore {
    /// Records every location of a run (one transaction).
    ///
    /// Location-level data stay in the local run store: they are never part of a public output
    /// (the FCC Fabric licence forbids republishing them).
    public func recordLocations(_ locations: [StoredLocation], for run: RunID) throws {
        try recordLocations(count: locations.count, for: run) { locations[$0] }
    }

    /// Records `count` locations, the `i`th made by `location(i)` when it is written (a state's million
    /// rows are never all held as `StoredLocation`s at once), in one transaction.
    public func recordLocations(count: Int, for run: RunID, _ location: (Int) -> StoredLocation) throws {
        try database.execute("PRAGMA cache_size = -65536")
        try database.transaction {
            // Rows go in by statements of `rowsPerInsert` rows: SQLite sets up each statement's run
            // (among it an ephemeral table for the CHECK … IN lists of the table) once per statement,
            // which one row at a time cost five times the insert itself.
            let full = try database.prepare(Self.insertLocations(rows: Self.rowsPerInsert))
            var start = 0
            while start < count {
                let end = min(start + Self.rowsPerInsert, count)
                let insert =
                    end - start == Self.rowsPerInsert
                    ? full : try database.prepare(Self.insertLocations(rows: end - start))
                try bind((start..<end).map(location), run: run, to: insert)
                start = end
            }
        }
    }

    static let rowsPerInsert = 64
    static let locationColumns = 14

    static func insertLocations(rows: Int) -> String {
        let row = "(" + Array(repeating: "?", count: locationColumns).joined(separator: ", ") + ")"
        return """
            INSERT INTO locations (run_id, location_id, area_id, class, block_geoid, h3_res8_id, best_technology,
                                   best_download_mbps, best_upload_mbps, providers_at_100_20, funded,
                                   funded_program, anchor, business_residential)
            VALUES \(Array(repeating: row, count: rows).joined(separator: ", "))
            """
    }

    /// Binds the rows' values to `insert`'s parameters, row after row. Their texts are copied side by
    /// side into one buffer and bound where they lie (no copy by SQLite, no allocation per cell).
    private func bind(_ rows: [StoredLocation], run: RunID, to insert: Statement) throws {
        var texts: [UInt8] = []
        texts.reserveCapacity(rows.count * 64)
        func put(_ text: String?) -> Range<Int>? {
            guard var text else { return nil }
            let start = texts.count
            text.withUTF8 { texts.append(contentsOf: $0) }
            return start..<texts.count
        }
        typealias Texts = (
            run: Range<Int>?, area: Range<Int>?, block: Range<Int>?, h3: Range<Int>?,
            program: Range<Int>?, codes: Range<Int>?
        )
        let ranges: [Texts] = rows.map { l in
            (
                put(run.rawValue), put(l.location.areaID), put(l.blockGEOID), put(l.h3Cell), put(l.fundedProgram),
                put(l.businessResidential)
            )
        }
        try texts.withUnsafeBufferPointer { all in
            func text(_ r: Range<Int>?) -> UnsafeBufferPointer<UInt8>? {
                r.map { UnsafeBufferPointer(rebasing: all[$0]) }
            }
            for (n, (l, t)) in zip(rows, ranges).enumerated() {
                let p = Int32(n * Self.locationColumns)
                try insert.bind(staticText: text(t.run), at: p + 1)
                try insert.bind(integer: l.location.locationID, at: p + 2)
                try insert.bind(staticText: text(t.area), at: p + 3)
                try insert.bind(integer: Int64(l.location.serviceClass.rawValue), at: p + 4)
                try insert.bind(staticText: text(t.block), at: p + 5)
                try insert.bind(staticText: text(t.h3), at: p + 6)
                try insert.bind(integer: l.bestTechnology.map(Int64.init), at: p + 7)
                try insert.bind(real: l.bestDownload, at: p + 8)
                try insert.bind(real: l.bestUpload, at: p + 9)
                try insert.bind(integer: l.providersAt100x20.map(Int64.init), at: p + 10)
                try insert.bind(integer: l.funded ? 1 : 0, at: p + 11)
                try insert.bind(staticText: text(t.program), at: p + 12)
                try insert.bind(integer: l.anchor ? 1 : 0, at: p + 13)
                try insert.bind(staticText: text(t.codes), at: p + 14)
            }
            // Stepped while the texts are alive (SQLITE_STATIC).
            try insert.runBound()
        }
    }

    /// The run's location classes, ordered by location id.
    public func locationClasses(_ run: RunID) throws -> [StoredLocationClass] {
        try database.query(
            "SELECT location_id, area_id, class FROM locations WHERE run_id = ? ORDER BY location_id",
            [.text(run.rawValue)]
        ) { row in
            StoredLocationClass(
                locationID: row.integer(0) ?? 0, areaID: row.text(1) ?? "",
                serviceClass: try serviceClass(row.integer(2)))
        }
    }

    /// Number of location classes stored for a run (0 for runs made before they were stored).
    public func locationClassCount(_ run: RunID) throws -> Int {
        Int(
            try database.query("SELECT count(*) FROM locations WHERE run_id = ?", [.text(run.rawValue)]) {
                $0.integer(0) ?? 0
            }.first ?? 0)
    }

    /// Locations whose class differs between run `a` and run `b` (including new and vanished ones),
    /// counted per area and transition, ordered by area, then from-class, then to-class. A location
    /// is counted in its area of run `b` (of run `a` when it vanished).
    ///
    /// One ordered pass: both runs' rows come in location order from the primary key
    /// (run_id, location_id) and are merged, so the time is linear in the locations (a SQL
    /// FULL OUTER JOIN of the two runs scanned one side per row of the other).
    public func locationTransitions(from a: RunID, to b: RunID) throws -> [LocationTransition] {
        struct Change: Hashable {
            var area: String
            var from: Int64?
            var to: Int64?
        }
        var counts: [Change: Int] = [:]
        try forEachChange(from: a, to: b) { _, area, from, to in
            counts[Change(area: area, from: from, to: to), default: 0] += 1
        }
        return try counts.sorted {
            ($0.key.area, $0.key.from ?? -1, $0.key.to ?? -1) < ($1.key.area, $1.key.from ?? -1, $1.key.to ?? -1)
        }.map { change, count in
            LocationTransition(
                areaID: change.area, from: try change.from.map { try serviceClass($0) },
                to: try change.to.map { try serviceClass($0) }, count: count)
        }
    }

    /// One location whose class differs between two runs (nil: not in that run).
    public struct LocationChange: Hashable, Sendable {
        public var locationID: Int64
        public var areaID: String
        public var from: ServiceClass?
        public var to: ServiceClass?
    }

    /// Every location whose class differs between run `a` and run `b`, new and vanished ones included,
    /// in location-id order (the same ordered pass as `locationTransitions`).
    public func locationChanges(from a: RunID, to b: RunID) throws -> [LocationChange] {
        var out: [LocationChange] = []
        try forEachChange(from: a, to: b) { id, area, from, to in
            out.append(
                LocationChange(
                    locationID: id, areaID: area, from: try from.map { try serviceClass($0) },
                    to: try to.map { try serviceClass($0) }))
        }
        return out
    }

    /// Merges both runs' rows, which come in location order from the primary key (run_id,
    /// location_id), and calls `body` for each location whose class differs (area of run `b`, of run
    /// `a` when it vanished). Linear in the locations.
    private func forEachChange(
        from a: RunID, to b: RunID,
        _ body: (_ location: Int64, _ area: String, _ from: Int64?, _ to: Int64?) throws -> Void
    ) throws {
        let sql = "SELECT location_id, class, area_id FROM locations WHERE run_id = ? ORDER BY location_id"
        let before = try database.prepare(sql)
        let after = try database.prepare(sql)
        try before.bind([.text(a.rawValue)])
        try after.bind([.text(b.rawValue)])
        var inBefore = try before.step()
        var inAfter = try after.step()
        while inBefore || inAfter {
            let idBefore = inBefore ? before.integer(0) ?? 0 : nil
            let idAfter = inAfter ? after.integer(0) ?? 0 : nil
            if let x = idBefore, let y = idAfter, x == y {
                let from = before.integer(1)
                let to = after.integer(1)
                if from != to { try body(x, after.text(2) ?? "", from, to) }
                inBefore = try before.step()
                inAfter = try after.step()
            } else if let x = idBefore, idAfter.map({ x < $0 }) ?? true {
                try body(x, before.text(2) ?? "", before.integer(1), nil)
                inBefore = try before.step()
            } else {
                try body(idAfter!, after.text(2) ?? "", nil, after.integer(1))
                inAfter = try after.step()
            }
        }
    }

    private func serviceClass(_ value: Int64?) throws -> ServiceClass {
        guard let value, let c = ServiceClass(rawValue: Int(value)) else {
            throw LastmileError.badInput(
                SourceLocation(file: path, column: "locations.class"),
                "0, 1 or 2, found \(value.map(String.init) ?? "NULL")")
        }
        return c
    }
}
