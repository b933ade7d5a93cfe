import GeoModel

/// Who serves the study's areas today: every provider in the availability files, by FCC provider
/// id (one provider files under several brands, and brand spellings vary — `Bee Line Cable` and
/// `NBee Line CableULL` are provider 190047 — so the id is the key and the most frequent brand the
/// label), with the locations it offers service to, at which speeds and technologies.
public struct ProviderLandscape: Sendable {
    /// One provider, over the study or over one area.
    public struct Provider: Hashable, Sendable, Codable {
        /// FCC provider id as written (`provider_id`).
        public var id: String
        /// The brand on most of its rows (ties: the first in alphabetical order).
        public var label: String
        /// Every brand it files under, most frequent first.
        public var brands: [String]
        /// FCC technology codes of its rows, ascending.
        public var technologies: [Int]
        /// Distinct locations it lists, and those where it advertises at least 25/3 and 100/20 Mbps
        /// (on any technology, latency aside: what it says it offers).
        public var locations: Int
        public var locationsAt25x3: Int
        public var locationsAt100x20: Int
        /// Distinct locations its records serve under the study's rule (reliable technology, low
        /// latency, 100/20): the ones that count for BEAD.
        public var locationsServed: Int
        /// Its highest advertised speeds, in Mbps.
        public var maxDownload: Double
        public var maxUpload: Double
    }

    /// Providers over the whole study, most locations first (ties by id).
    public var study: [Provider]
    /// Providers per area (GEOID prefix at the study's level), most locations first.
    public var byArea: [AreaID: [Provider]]

    public init(study: [Provider], byArea: [AreaID: [Provider]]) { self.study = study; self.byArea = byArea }

    /// Number of providers serving at least one location of `area` at 100/20 under the rule.
    public func providersServing(_ area: AreaID) -> Int {
        (byArea[area] ?? []).filter { $0.locationsServed > 0 }.count
    }

    /// Collects availability records, then `finish(level:)` gives the landscape. Several builders, each
    /// over part of the records, can be merged: the landscape does not depend on how the records were
    /// split, provided a location's records all name one block (else the block of the first record
    /// seen by each builder is kept).
    public struct Builder: Sendable {
        let thresholds: (minimumDown: Double, minimumUp: Double, servedDown: Double, servedUp: Double)
        /// Provider ids in order of first appearance; their index keys everything else.
        private var providerIDs: [String] = []
        private var providerIndex: [String: Int] = [:]
        private var brandRows: [[String: Int]] = []
        /// Per (provider index, location): what the provider's records at that location give.
        private var offers: [Offer.Key: Offer] = [:]
        /// For records given by text numbers: the texts, each text number's provider index (-1: not
        /// seen yet), and the current run of records of one provider (index) and brand (text number).
        private var texts: [String] = [""]
        private var providerOfText: [Int32] = []
        private var run = (provider: -1, brand: Int32(0), records: 0)

        struct Offer {
            /// Provider index << 40 | location id (FCC location ids are far below 2⁴⁰).
            typealias Key = UInt64
            var block: UInt64
            var technologies: UInt32 = 0
            var at25x3 = false, at100x20 = false, served = false
            var maxDown = 0.0, maxUp = 0.0
        }

        /// `expectedOffers`: about how many (provider, location) pairs this builder will hold, reserved at
        /// once so that the table does not grow step by step (0: grow as needed).
        public init(profile: PolicyProfile, expectedOffers: Int = 0) {
            if expectedOffers > 0 { offers.reserveCapacity(expectedOffers) }
            thresholds = (
                profile.minimumDownload.mbps, profile.minimumUpload.mbps,
                profile.servedDownload.mbps, profile.servedUpload.mbps
            )
        }

        /// The texts that the text numbers of the following records refer to (a table that only grows).
        public mutating func use(texts: [String]) { self.texts = texts }

        /// Folds one record given by its parts: provider id and brand as numbers of texts of
        /// `use(texts:)`, `block` the 15-digit GEOID as an integer, speeds in Mbps; see `add(_:serviceClass:)`.
        public mutating func add(
            location: Int64, block: UInt64, technology: Int, download: Double?, upload: Double?,
            providerText: Int32, brandText: Int32, serviceClass cls: ServiceClass
        ) {
            guard location >= 0, location < 1 << 40 else { return }
            let t = Int(providerText)
            let index: Int
            if t < providerOfText.count, providerOfText[t] >= 0 {
                index = Int(providerOfText[t])
            } else {
                while providerOfText.count <= t { providerOfText.append(-1) }
                index = self.index(of: texts[t])
                providerOfText[t] = Int32(index)
            }
            if run.provider == index && run.brand == brandText {
                run.records += 1
            } else {
                endRun()
                run = (index, brandText, 1)
            }
            let key = UInt64(index) << 40 | UInt64(location)
            Self.fold(
                &offers[key, default: Offer(block: block)], technology: technology, down: download ?? 0,
                up: upload ?? 0, served: cls == .served, thresholds: thresholds)
        }

        /// The index of a provider id, registering it when new.
        private mutating func index(of id: String) -> Int {
            if let i = providerIndex[id] { return i }
            let i = providerIDs.count
            providerIndex[id] = i
            providerIDs.append(id)
            brandRows.append([:])
            return i
        }

        /// Counts the current run's records under its brand.
        private mutating func endRun() {
            guard run.provider >= 0, run.records > 0 else { return }
            brandRows[run.provider][texts[Int(run.brand)], default: 0] += run.records
            run.records = 0
        }

        /// Folds another builder's records in (the same profile).
        public mutating func merge(_ other: Builder) {
            var other = other
            other.endRun()
            endRun()
            let indices = other.providerIDs.map { index(of: $0) }
            for (j, brands) in other.brandRows.enumerated() {
                brandRows[indices[j]].merge(brands, uniquingKeysWith: +)
            }
            offers.reserveCapacity(offers.count + other.offers.count)
            for (key, o) in other.offers {
                let mine = UInt64(indices[Int(key >> 40)]) << 40 | key & (1 << 40 - 1)
                if var e = offers[mine] {
                    e.technologies |= o.technologies
                    e.maxDown = max(e.maxDown, o.maxDown)
                    e.maxUp = max(e.maxUp, o.maxUp)
                    e.at25x3 = e.at25x3 || o.at25x3
                    e.at100x20 = e.at100x20 || o.at100x20
                    e.served = e.served || o.served
                    offers[mine] = e
                } else {
                    offers[mine] = o
                }
            }
        }

        /// Folds one record in, with the class the rule gives it (the caller leaves out records whose
        /// business/residential code the rule does not count; a block that is not 15 digits is left out
        /// here, as in the location counts).
        public mutating func add(_ r: AvailabilityRecord, serviceClass cls: ServiceClass) {
            guard r.locationID >= 0, r.locationID < 1 << 40,
                let block = UInt64(r.blockGEOID), r.blockGEOID.utf8.count == 15
            else { return }
            endRun()
            let index = self.index(of: r.providerID)
            brandRows[index][r.brandName, default: 0] += 1
            let down = r.download?.mbps ?? 0
            let up = r.upload?.mbps ?? 0
            let key = UInt64(index) << 40 | UInt64(r.locationID)
            let t = thresholds
            // Mutated in place through the subscript.
            Self.fold(
                &offers[key, default: Offer(block: block)], technology: r.technology.code, down: down, up: up,
                served: cls == .served, thresholds: t)
        }

        private static func fold(
            _ offer: inout Offer, technology: Int, down: Double, up: Double, served: Bool,
            thresholds t: (minimumDown: Double, minimumUp: Double, servedDown: Double, servedUp: Double)
        ) {
            offer.technologies |= bit(technology)
            offer.maxDown = max(offer.maxDown, down)
            offer.maxUp = max(offer.maxUp, up)
            if down >= t.minimumDown && up >= t.minimumUp { offer.at25x3 = true }
            if down >= t.servedDown && up >= t.servedUp { offer.at100x20 = true }
            if served { offer.served = true }
        }

        /// The landscape over the study and per area at `level`. With `universe` (a locations file's
        /// location ids and blocks) only its locations count, each in its block there.
        public func finish(level: AreaLevel, universe: [Int64: UInt64]? = nil) -> ProviderLandscape {
            var all = self
            all.endRun()
            return all.landscape(level: level, universe: universe)
        }

        private func landscape(level: AreaLevel, universe: [Int64: UInt64]?) -> ProviderLandscape {
            struct Tally {
                var locations = 0, at25x3 = 0, at100x20 = 0, served = 0
                var technologies: UInt32 = 0
                var maxDown = 0.0, maxUp = 0.0
                mutating func add(_ o: Offer) {
                    locations += 1
                    if o.at25x3 { at25x3 += 1 }
                    if o.at100x20 { at100x20 += 1 }
                    if o.served { served += 1 }
                    technologies |= o.technologies
                    maxDown = max(maxDown, o.maxDown)
                    maxUp = max(maxUp, o.maxUp)
                }
            }
            var study = [Tally](repeating: Tally(), count: providerIDs.count)
            var areas: [UInt64: [Int: Tally]] = [:]
            var divisor: UInt64 = 1
            for _ in 0..<(15 - level.geoidLength) { divisor *= 10 }
            for (key, offer) in offers {
                var block = offer.block
                if let universe {
                    guard let listed = universe[Int64(key & (1 << 40 - 1))] else { continue }
                    block = listed
                }
                let index = Int(key >> 40)
                study[index].add(offer)
                areas[block / divisor, default: [:]][index, default: Tally()].add(offer)
            }
            func provider(_ index: Int, _ t: Tally) -> Provider {
                let brands = brandRows[index].sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                    .map(\.key)
                return Provider(
                    id: providerIDs[index], label: brands.first ?? providerIDs[index], brands: brands,
                    technologies: Self.codes(t.technologies), locations: t.locations,
                    locationsAt25x3: t.at25x3, locationsAt100x20: t.at100x20, locationsServed: t.served,
                    maxDownload: t.maxDown, maxUpload: t.maxUp)
            }
            func ranked(_ list: [Provider]) -> [Provider] {
                list.sorted { $0.locations != $1.locations ? $0.locations > $1.locations : $0.id < $1.id }
            }
            var byArea: [AreaID: [Provider]] = [:]
            for (prefix, tallies) in areas {
                byArea[AreaID(LocationTable.format(prefix, digits: level.geoidLength))] = ranked(
                    tallies.map { provider($0.key, $0.value) })
            }
            return ProviderLandscape(
                study: ranked(study.indices.filter { study[$0].locations > 0 }.map { provider($0, study[$0]) }),
                byArea: byArea)
        }

        /// Technology codes as bits (the FCC's codes mapped to 0…9).
        static let knownCodes = [0, 10, 40, 50, 60, 61, 70, 71, 72]
        static func bit(_ code: Int) -> UInt32 {
            knownCodes.firstIndex(of: code).map { 1 << UInt32($0) } ?? 1 << 31
        }
        static func codes(_ bits: UInt32) -> [Int] {
            knownCodes.indices.filter { bits & (1 << UInt32($0)) != 0 }.map { knownCodes[$0] }
        }
    }
}
