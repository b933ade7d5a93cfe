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

    /// One location's state as the builder keeps it: fixed size, no text (one slot of a `KeyedTable`).
    struct Entry: Sendable {
        var down = -1.0, up = -1.0
        /// The H3 cell (`H3CellCode`; `Entry.writtenCell` when the text is in `cellTexts`).
        var h3: UInt64 = H3CellCode.none
        /// The block of the location's first record (15-digit GEOID as an integer).
        var block: UInt64 = 0
        /// Chunks of the record that gave the best class, and of the first record with an H3 cell.
        var bestChunk: Int32 = 0, h3Chunk: Int32 = 0
        var technology: Int16 = -1
        var cls: UInt8 = 0
        /// Business/residential codes seen (R 1, B 2, X 4) and 8 for a gigabit symmetrical record.
        var flags: UInt8 = 0
        var providersAt100x20: UInt16 = 0

        /// The code of an H3 cell written in another form than the FCC's, its text kept apart.
        static let writtenCell: UInt64 = 3 << 60
        static let gigabit: UInt8 = 8
    }

    private let entries: KeyedTable<Entry>
    /// H3 cells written in another form than the FCC's, by location.
    private let cellTexts: [Int64: String]

    init(entries: KeyedTable<Entry>, cellTexts: [Int64: String]) {
        self.entries = entries
        self.cellTexts = cellTexts
    }

    /// No location.
    public static let none = LocationDetails(entries: KeyedTable(empty: Entry()), cellTexts: [:])

    /// Number of locations with details.
    public var count: Int { entries.count }

    /// One location's details; nil when no record counted for it.
    public subscript(location: Int64) -> Detail? {
        guard location >= 0, let i = entries.existingSlot(UInt64(location)) else { return nil }
        return detail(UInt64(location), entries[slot: i])
    }

    /// Every location's details by id (builds a dictionary: for tests and small tables).
    public var byLocation: [Int64: Detail] {
        var out: [Int64: Detail] = [:]
        entries.forEach { key, e in out[Int64(key)] = detail(key, e) }
        return out
    }

    /// The business/residential codes of each combination of the R (1), B (2) and X (4) bits.
    static let codes = (0..<8).map { bits in
        [(1, "R"), (2, "B"), (4, "X")].filter { bits & $0.0 != 0 }.map(\.1).joined(separator: " ")
    }

    private func detail(_ key: UInt64, _ e: Entry) -> Detail {
        let cell = e.h3 == Entry.writtenCell ? cellTexts[Int64(key)] ?? "" : H3CellCode.written(e.h3, texts: [])
        return Detail(
            bestTechnology: Int(e.technology), bestDownload: e.down, bestUpload: e.up,
            providersAt100x20: Int(e.providersAt100x20), businessResidential: Self.codes[Int(e.flags & 7)],
            h3Cell: cell, gigabitSymmetric: e.flags & Entry.gigabit != 0)
    }

    /// Collects availability records (those whose business/residential code the rule counts, as the
    /// location table does). Several builders, each over part of the records, can be merged: the details
    /// are those of one builder over all records in file order, provided each record comes with the
    /// number of its chunk (a number that grows in file order, each chunk read by one builder).
    /// The providers at 100/20 are counted when the provider landscape finishes
    /// (`ProviderLandscape.Builder.finish`), from its offers.
    public struct Builder: Sendable {
        private(set) var entries: KeyedTable<Entry>
        private(set) var cellTexts: [Int64: String] = [:]
        /// The texts that H3 cells written in another form than the FCC's refer to (see `H3CellCode`).
        private var texts: [String] = [""]

        /// `expectedLocations`: about how many locations this builder will hold, reserved at once (0: grow
        /// as needed).
        public init(expectedLocations: Int = 0) {
            entries = KeyedTable(expected: expectedLocations, empty: Entry())
        }

        /// Folds one record in, with the class the rule gives it.
        public mutating func add(_ r: AvailabilityRecord, serviceClass: ServiceClass) {
            guard r.locationID >= 0 else { return }
            var code = H3CellCode.none
            if !r.h3Cell.isEmpty {
                code =
                    r.h3Cell.utf8.withContiguousStorageIfAvailable { H3CellCode.hexValue(UnsafeRawBufferPointer($0)) }
                    .flatMap { $0 }.map(H3CellCode.hex) ?? H3CellCode.text(Int32(texts.count))
                if code >> 60 == 2 { texts.append(r.h3Cell) }
            }
            add(
                location: r.locationID, block: LocationTable.blockNumber(r.blockGEOID) ?? 0,
                technology: r.technology.code, download: r.download?.mbps, upload: r.upload?.mbps,
                businessResidential: r.businessResidential, h3Cell: code, serviceClass: serviceClass, chunk: 0)
        }

        /// The texts that the H3 codes of the following records refer to (a table that only grows).
        public mutating func use(texts: [String]) { self.texts = texts }

        /// Folds one record given by its parts (speeds in Mbps; `block` the 15-digit GEOID as an integer;
        /// `h3Cell` an `H3CellCode` of `use(texts:)`'s texts), read in chunk `chunk`.
        @inline(__always)
        public mutating func add(
            location: Int64, block: UInt64, technology: Int, download: Double?, upload: Double?,
            businessResidential: BusinessResidentialCode, h3Cell: UInt64, serviceClass: ServiceClass, chunk: Int
        ) {
            guard location >= 0 else { return }
            let cls = UInt8(serviceClass.rawValue)
            let i = entries.slot(UInt64(location))
            let chunk = Int32(truncatingIfNeeded: chunk)
            let fresh = entries[slot: i].technology < 0
            // A record without a valid block (0) leaves the block to a later record.
            if entries[slot: i].block == 0 { entries[slot: i].block = block }
            if h3Cell != H3CellCode.none && entries[slot: i].h3 == H3CellCode.none {
                if h3Cell >> 60 == 2 {
                    cellTexts[location] = H3CellCode.written(h3Cell, texts: texts)
                    entries[slot: i].h3 = Entry.writtenCell
                } else {
                    entries[slot: i].h3 = h3Cell
                }
                entries[slot: i].h3Chunk = chunk
            }
            let down = download ?? 0
            let up = upload ?? 0
            let e = entries[slot: i]
            if fresh || cls > e.cls || (cls == e.cls && down > e.down) {
                entries[slot: i].cls = cls
                entries[slot: i].technology = Int16(truncatingIfNeeded: technology)
                entries[slot: i].down = down
                entries[slot: i].up = up
                entries[slot: i].bestChunk = chunk
            }
            var flags = e.flags
            // A served record (reliable technology, low latency) at gigabit symmetrical speeds.
            if cls == UInt8(ServiceClass.served.rawValue) && down >= 1000 && up >= 1000 { flags |= Entry.gigabit }
            switch businessResidential {
            case .residential: flags |= 1
            case .business: flags |= 2
            case .both: flags |= 4
            }
            entries[slot: i].flags = flags
        }

        /// Loads the slot of a location (see `KeyedTable.touch`).
        @inline(__always)
        public func touch(location: Int64) -> UInt64 { location >= 0 ? entries.touch(UInt64(location)) : 0 }

        /// Written by `load`, so that its loads are not optimised away.
        private var loaded: UInt64 = 0

        /// Loads the slot of a location ahead of its use (`touch`, kept).
        @inline(__always)
        mutating func load(location: Int64) { loaded &+= touch(location: location) }

        /// Folds another builder's records in (the same profile).
        public mutating func merge(_ other: Builder) {
            entries.reserve(max(entries.count, other.entries.count))
            other.entries.forEach { key, o in
                let i = entries.slot(key)
                var e = entries[slot: i]
                guard e.technology >= 0 else {
                    entries[slot: i] = o
                    if o.h3 == Entry.writtenCell { cellTexts[Int64(key)] = other.cellTexts[Int64(key)] }
                    return
                }
                // The best class; among equals the fastest download; among equals the earlier record.
                let better =
                    o.cls > e.cls
                    || (o.cls == e.cls && (o.down > e.down || (o.down == e.down && o.bestChunk < e.bestChunk)))
                if better {
                    (e.cls, e.technology, e.down, e.up, e.bestChunk) = (o.cls, o.technology, o.down, o.up, o.bestChunk)
                }
                e.flags |= o.flags
                if o.h3 != H3CellCode.none && (e.h3 == H3CellCode.none || o.h3Chunk < e.h3Chunk) {
                    (e.h3, e.h3Chunk) = (o.h3, o.h3Chunk)
                    if o.h3 == Entry.writtenCell {
                        cellTexts[Int64(key)] = other.cellTexts[Int64(key)]
                    } else {
                        cellTexts[Int64(key)] = nil
                    }
                }
                entries[slot: i] = e
            }
        }

        /// The block of a location (its first record's), nil when it has none here.
        func block(of location: Int64) -> UInt64? {
            guard location >= 0, let i = entries.existingSlot(UInt64(location)) else { return nil }
            return entries[slot: i].block
        }

        /// Counts one more provider advertising 100/20 Mbps at `location`.
        mutating func countProviderAt100x20(_ location: Int64) {
            guard location >= 0, let i = entries.existingSlot(UInt64(location)) else { return }
            entries[slot: i].providersAt100x20 &+= 1
        }

        /// The details, with the providers at 100/20 Mbps as counted so far.
        public func finish() -> LocationDetails { LocationDetails(entries: entries, cellTexts: cellTexts) }
    }
}
