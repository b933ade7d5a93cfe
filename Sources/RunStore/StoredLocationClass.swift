import GeoModel

/// One location's class in one run, with the area it was counted in: what `runs diff` compares.
public struct StoredLocationClass: Hashable, Sendable {
    /// The FCC Fabric location id.
    public var locationID: Int64
    /// The study area (GEOID at the study's level) the location was counted in.
    public var areaID: String
    public var serviceClass: ServiceClass

    public init(locationID: Int64, areaID: String, serviceClass: ServiceClass) {
        self.locationID = locationID
        self.areaID = areaID
        self.serviceClass = serviceClass
    }
}

extension RunStore {
    /// Records every location's class for a run (one transaction).
    ///
    /// Location-level data stay in the local run store: they are never part of a public output
    /// (the FCC Fabric licence forbids republishing them).
    public func recordLocationClasses(_ locations: [StoredLocationClass], for run: RunID) throws {
        try database.transaction {
            let insert = try database.prepare(
                "INSERT INTO location_classes (run_id, location_id, area_id, class) VALUES (?, ?, ?, ?)")
            for l in locations {
                insert.reset()
                try insert.bind([.text(run.rawValue), .integer(l.locationID), .text(l.areaID),
                                 .integer(Int64(l.serviceClass.rawValue))])
                while try insert.step() {}
            }
        }
    }

    /// The run's location classes, ordered by location id.
    public func locationClasses(_ run: RunID) throws -> [StoredLocationClass] {
        try database.query("SELECT location_id, area_id, class FROM location_classes WHERE run_id = ? ORDER BY location_id",
                           [.text(run.rawValue)]) { row in
            StoredLocationClass(locationID: row.integer(0) ?? 0, areaID: row.text(1) ?? "",
                                serviceClass: try serviceClass(row.integer(2)))
        }
    }

    /// Number of location classes stored for a run (0 for runs made before they were stored).
    public func locationClassCount(_ run: RunID) throws -> Int {
        Int(try database.query("SELECT count(*) FROM location_classes WHERE run_id = ?", [.text(run.rawValue)]) {
            $0.integer(0) ?? 0
        }.first ?? 0)
    }

    /// Locations whose class differs between run `a` and run `b` (including new and vanished ones),
    /// counted per area and transition, ordered by area, then from-class, then to-class. A location
    /// is counted in its area of run `b` (of run `a` when it vanished).
    public func locationTransitions(from a: RunID, to b: RunID) throws -> [LocationTransition] {
        try database.query("""
            SELECT coalesce(nb.area_id, na.area_id) AS area, na.class, nb.class, count(*)
            FROM (SELECT location_id, area_id, class FROM location_classes WHERE run_id = ?) na
            FULL OUTER JOIN (SELECT location_id, area_id, class FROM location_classes WHERE run_id = ?) nb
                ON na.location_id = nb.location_id
            WHERE na.class IS NOT nb.class
            GROUP BY area, na.class, nb.class
            ORDER BY area, coalesce(na.class, -1), coalesce(nb.class, -1)
            """, [.text(a.rawValue), .text(b.rawValue)]) { row in
            LocationTransition(areaID: row.text(0) ?? "",
                               from: row.isNull(1) ? nil : try serviceClass(row.integer(1)),
                               to: row.isNull(2) ? nil : try serviceClass(row.integer(2)),
                               count: Int(row.integer(3) ?? 0))
        }
    }

    private func serviceClass(_ value: Int64?) throws -> ServiceClass {
        guard let value, let c = ServiceClass(rawValue: Int(value)) else {
            throw LastmileError.badInput(SourceLocation(file: path, column: "location_classes.class"),
                                         "0, 1 or 2, found \(value.map(String.init) ?? "NULL")")
        }
        return c
    }
}
