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
    /// location table does). Several builders, each over part of the records, can be merged: the details
    /// are those of one builder over all records in file order, provided each record comes with the
    /// number of its chunk (a number that grows in file order, each chunk read by one builder).
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
            /// Chunks of the record that gave the best class, and of the first record with an H3 cell.
            var bestChunk = 0, h3Chunk = 0
        }
        private var entries: [Int64: Entry] = [:]
        /// The texts that H3 cells written in another form than the FCC's refer to (see `H3CellCode`).
        private var texts: [String] = [""]

        /// `expectedLocations`: about how many locations this builder will hold, reserved at once (0: grow
        /// as needed).
        public init(profile: PolicyProfile, expectedLocations: Int = 0) {
            if expectedLocations > 0 { entries.reserveCapacity(expectedLocations) }
            servedDown = profile.servedDownload.mbps
            servedUp = profile.servedUpload.mbps
        }

        /// Folds one record in, with the class the rule gives it.
        public mutating func add(_ r: AvailabilityRecord, serviceClass: ServiceClass) {
            let provider = Int64(r.providerID) ?? -1
            let down = r.download?.mbps
            let up = r.upload?.mbps
            let cls = UInt8(serviceClass.rawValue)
            // Mutated in place through the subscript: no copy of the entry's array or text per record.
            Self.fold(
                &entries[r.locationID, default: Entry()], r, cls: cls, down: down, up: up, provider: provider,
                servedDown: servedDown, servedUp: servedUp)
        }

        /// The texts that the H3 codes of the following records refer to (a table that only grows).
        public mutating func use(texts: [String]) { self.texts = texts }

        /// Folds one record given by its parts (speeds in Mbps; `provider` the provider id as a number,
        /// -1 when it is none; `h3Cell` an `H3CellCode` of `use(texts:)`'s texts), read in chunk `chunk`.
        public mutating func add(
            location: Int64, technology: Int, download: Double?, upload: Double?,
            businessResidential: BusinessResidentialCode, provider: Int64, h3Cell: UInt64,
            serviceClass: ServiceClass, chunk: Int
        ) {
            let cls = UInt8(serviceClass.rawValue)
            Self.fold(
                &entries[location, default: Entry()], technology: technology, code: businessResidential,
                cls: cls, down: download, up: upload, provider: provider, servedDown: servedDown,
                servedUp: servedUp, chunk: chunk, h3: h3Cell, texts: texts)
        }

        /// Folds another builder's records in (the same profile).
        public mutating func merge(_ other: Builder) {
            entries.reserveCapacity(max(entries.count, other.entries.count))
            for (id, o) in other.entries {
                guard var e = entries[id] else {
                    entries[id] = o
                    continue
                }
                // The best class; among equals the fastest download; among equals the earlier record.
                let better =
                    o.cls > e.cls
                    || (o.cls == e.cls && (o.down > e.down || (o.down == e.down && o.bestChunk < e.bestChunk)))
                if better {
                    (e.cls, e.technology, e.down, e.up, e.bestChunk) = (o.cls, o.technology, o.down, o.up, o.bestChunk)
                }
                for p in o.providers where !e.providers.contains(p) { e.providers.append(p) }
                e.codes |= o.codes
                e.gigabit = e.gigabit || o.gigabit
                if !o.h3.isEmpty && (e.h3.isEmpty || o.h3Chunk < e.h3Chunk) { (e.h3, e.h3Chunk) = (o.h3, o.h3Chunk) }
                entries[id] = e
            }
        }

        private static func fold(
            _ e: inout Entry, _ r: AvailabilityRecord, cls: UInt8, down: Double?, up: Double?,
            provider: Int64, servedDown: Double, servedUp: Double
        ) {
            fold(
                &e, technology: r.technology.code, code: r.businessResidential, cls: cls, down: down, up: up,
                provider: provider, servedDown: servedDown, servedUp: servedUp, chunk: 0, h3: H3CellCode.none,
                texts: [])
            if e.h3.isEmpty { e.h3 = r.h3Cell }
        }

        private static func fold(
            _ e: inout Entry, technology: Int, code: BusinessResidentialCode, cls: UInt8,
            down: Double?, up: Double?, provider: Int64, servedDown: Double, servedUp: Double,
            chunk: Int, h3: UInt64, texts: [String]
        ) {
            if h3 != H3CellCode.none && e.h3.isEmpty {
                // 15 digits fit in a small String: no allocation.
                e.h3 = H3CellCode.written(h3, texts: texts)
                e.h3Chunk = chunk
            }
            if e.technology < 0 || cls > e.cls || (cls == e.cls && (down ?? 0) > e.down) {
                e.cls = cls
                e.technology = Int32(technology)
                e.down = down ?? 0
                e.up = up ?? 0
                e.bestChunk = chunk
            }
            if (down ?? 0) >= servedDown && (up ?? 0) >= servedUp && !e.providers.contains(provider) {
                e.providers.append(provider)
            }
            // A served record (reliable technology, low latency) at gigabit symmetrical speeds.
            if cls == UInt8(ServiceClass.served.rawValue) && (down ?? 0) >= 1000 && (up ?? 0) >= 1000 {
                e.gigabit = true
            }
            switch code {
            case .residential: e.codes |= 1
            case .business: e.codes |= 2
            case .both: e.codes |= 4
            }
        }

        public func finish() -> LocationDetails {
            LocationDetails(
                byLocation: entries.mapValues { e in
                    let codes = [(1, "R"), (2, "B"), (4, "X")].filter { e.codes & UInt8($0.0) != 0 }.map(\.1).joined(
                        separator: " ")
                    return Detail(
                        bestTechnology: Int(e.technology), bestDownload: e.down, bestUpload: e.up,
                        providersAt100x20: e.providers.count, businessResidential: codes, h3Cell: e.h3,
                        gigabitSymmetric: e.gigabit)
                })
        }
    }
}
