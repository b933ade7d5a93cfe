import GeoModel

/// What the availability files say about each location beyond its class: the record that gives its
/// best class (technology and speeds), how many providers advertise 100/20 there, its
/// business/residential codes and H3 cell — the columns of locations.csv.
public struct LocationDetails: Sendable {
    /// One location's details.
    public struct Detail: Hashable, Sendable {
        /// Technology and advertised speeds (Mbps) of the record that gives the location its best class
        /// (among equals, the fastest download).
        public var bestTechnology: Int
        public var bestDownload: Double
        public var bestUpload: Double
        /// Distinct providers advertising at least 100/20 Mbps there (any technology).
        public var providersAt100x20: Int
        /// Business/residential codes over its records: R, B, X, or combinations such as "R B".
        public var businessResidential: String
        public var h3Cell: String
        /// A reliable record (a technology of the rule, low latency) advertises at least 1,000/1,000 Mbps:
        /// the BEAD benchmark for community anchor institutions (NOFO §I.C(e): 1 Gbps symmetrical).
        public var gigabitSymmetric: Bool
    }

    public var byLocation: [Int64: Detail]

    public init(byLocation: [Int64: Detail]) { self.byLocation = byLocation }

    /// Collects availability records (those whose business/residential code the rule counts, as the
    /// location table does).
    public struct Builder: Sendable {
        let servedDown: Double, servedUp: Double
        struct Entry {
            var cls: UInt8 = 0
            var technology: Int32 = -1
            var down = -1.0, up = -1.0
            var providers: [Int64] = []
            var codes: UInt8 = 0
            var h3 = ""
            var gigabit = false
        }
        private var entries: [Int64: Entry] = [:]

        public init(profile: PolicyProfile) {
            servedDown = profile.servedDownload.mbps
            servedUp = profile.servedUpload.mbps
        }

        /// Folds one record in, with the class the rule gives it.
        public mutating func add(_ r: AvailabilityRecord, serviceClass: ServiceClass) {
            let provider = Int64(r.providerID) ?? -1
            let down = r.download?.mbps, up = r.upload?.mbps
            let cls = UInt8(serviceClass.rawValue)
            // Mutated in place through the subscript: no copy of the entry's array or text per record.
            Self.fold(&entries[r.locationID, default: Entry()], r, cls: cls, down: down, up: up, provider: provider,
                      servedDown: servedDown, servedUp: servedUp)
        }

        private static func fold(_ e: inout Entry, _ r: AvailabilityRecord, cls: UInt8, down: Double?, up: Double?,
                                 provider: Int64, servedDown: Double, servedUp: Double) {
            if e.technology < 0 || cls > e.cls || (cls == e.cls && (down ?? 0) > e.down) {
                e.cls = cls
                e.technology = Int32(r.technology.code)
                e.down = down ?? 0
                e.up = up ?? 0
            }
            if (down ?? 0) >= servedDown && (up ?? 0) >= servedUp && !e.providers.contains(provider) { e.providers.append(provider) }
            // A served record (reliable technology, low latency) at gigabit symmetrical speeds.
            if cls == UInt8(ServiceClass.served.rawValue) && (down ?? 0) >= 1000 && (up ?? 0) >= 1000 { e.gigabit = true }
            switch r.businessResidential {
            case .residential: e.codes |= 1
            case .business: e.codes |= 2
            case .both: e.codes |= 4
            }
            if e.h3.isEmpty { e.h3 = r.h3Cell }
        }

        public func finish() -> LocationDetails {
            LocationDetails(byLocation: entries.mapValues { e in
                let codes = [(1, "R"), (2, "B"), (4, "X")].filter { e.codes & UInt8($0.0) != 0 }.map(\.1).joined(separator: " ")
                return Detail(bestTechnology: Int(e.technology), bestDownload: e.down, bestUpload: e.up,
                              providersAt100x20: e.providers.count, businessResidential: codes, h3Cell: e.h3,
                              gigabitSymmetric: e.gigabit)
            })
        }
    }
}
