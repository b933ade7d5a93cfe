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
    /// Providers per study area (`AreaGrouping`), most locations first.
    public var byArea: [AreaID: [Provider]]

    public init(study: [Provider], byArea: [AreaID: [Provider]]) { self.study = study; self.byArea = byArea }

    /// Number of providers serving at least one location of `area` at 100/20 under the rule.
    public func providersServing(_ area: AreaID) -> Int {
        (byArea[area] ?? []).filter { $0.locationsServed > 0 }.count
    }

    /// Collects availability records, then `finish(grouping:details:)` gives the landscape. Several
    /// builders, each over part of the records, can be merged: the landscape does not depend on how the
    /// records were split. A provider's locations are counted in each location's block as the location
    /// details give it (the block of its first record).
    public struct Builder: Sendable {
        let thresholds: (minimumDown: Double, minimumUp: Double, servedDown: Double, servedUp: Double)
        /// Provider ids in order of first appearance; their index keys everything else.
        private var providerIDs: [String] = []
        private var providerIndex: [String: Int] = [:]
        private var brandRows: [[String: Int]] = []
        /// Per (provider index, location): what the provider's records at that location give.
        private var offers: KeyedTable<Offer>
        /// For records given by text numbers: the texts, each text number's provider index (-1: not
        /// seen yet), and the current run of records of one provider (index) and brand (text number).
        private var texts: [String] = [""]
        private var providerOfText: [Int32] = []
        private var run = (provider: -1, brand: Int32(0), records: 0)

        /// What one provider's records at one location give, in eight bytes; its key in `offers` is the
        /// provider index shifted left by 40 bits over the location id (FCC location ids are far below 2⁴⁰).
        struct Offer: Sendable {
            /// Bits 0–9 the technologies (`bit`), 10–12 at 25/3, at 100/20, served under the rule; bit 13
            /// set when the top speeds are kept apart (`Builder.exactSpeeds`); bits 14–38 and 39–63 the top
            /// download and upload in kbps.
            var bits: UInt64 = 0

            static let apart: UInt64 = 1 << 13
            static let downShift: UInt64 = 14, upShift: UInt64 = 39
            static let speedMask: UInt64 = 1 << 25 - 1

            var technologies: UInt32 { UInt32(truncatingIfNeeded: bits & 0x3FF) }
            var flags: UInt8 { UInt8(truncatingIfNeeded: bits >> 10 & 7) }
            var speedsApart: Bool { bits & Self.apart != 0 }
            var packedDown: Double { Double(bits >> Self.downShift & Self.speedMask) / 1000 }
            var packedUp: Double { Double(bits >> Self.upShift & Self.speedMask) / 1000 }

            /// A speed in Mbps as whole kbps, when that is exact and fits (up to 33,554 Mbps; else the
            /// speed is kept apart at full precision).
            @inline(__always)
            static func kbps(_ mbps: Double) -> UInt64? {
                let k = (mbps * 1000).rounded()
                guard k >= 0, k <= Double(speedMask), k / 1000 == mbps else { return nil }
                return UInt64(k)
            }

            /// Raises the packed top speeds to `down` and `up` kbps.
            @inline(__always)
            mutating func raise(down: UInt64, up: UInt64) {
                let d = max(bits >> Self.downShift & Self.speedMask, down)
                let u = max(bits >> Self.upShift & Self.speedMask, up)
                bits = bits & (1 << Self.downShift - 1) | d << Self.downShift | u << Self.upShift
            }
        }
        /// The top speeds of offers whose speeds do not pack into `Offer` (a fraction of a kbps, or
        /// above 33,554 Mbps), by offer key.
        private var exactSpeeds: [UInt64: (down: Double, up: Double)] = [:]

        static let locationBits: UInt64 = 40
        /// Provider indices (below 2²⁰) and area indices share one key of the per-area tallies.
        static let providerLimit = 1 << 20

        /// `expectedOffers`: about how many (provider, location) pairs this builder will hold, reserved at
        /// once so that the table does not grow step by step (0: grow as needed).
        public init(profile: PolicyProfile, expectedOffers: Int = 0) {
            offers = KeyedTable(expected: expectedOffers, empty: Offer())
            thresholds = (
                profile.minimumDownload.mbps, profile.minimumUpload.mbps,
                profile.servedDownload.mbps, profile.servedUpload.mbps
            )
        }

        /// The texts that the text numbers of the following records refer to (a table that only grows).
        public mutating func use(texts: [String]) { self.texts = texts }

        /// Folds one record given by its parts: provider id and brand as numbers of texts of
        /// `use(texts:)`, speeds in Mbps; see `add(_:serviceClass:)`.
        @inline(__always)
        public mutating func add(
            location: Int64, technology: Int, download: Double?, upload: Double?,
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
            guard index < Self.providerLimit else { return }
            if run.provider == index && run.brand == brandText {
                run.records += 1
            } else {
                endRun()
                run = (index, brandText, 1)
            }
            fold(
                index: index, location: location, technology: technology, down: download ?? 0, up: upload ?? 0,
                served: cls == .served)
        }

        /// Loads the slot of a record's offer (see `KeyedTable.touch`); 0 for a provider not seen yet.
        @inline(__always)
        public func touch(location: Int64, providerText: Int32) -> UInt64 {
            let t = Int(providerText)
            guard t < providerOfText.count, providerOfText[t] >= 0, location >= 0 else { return 0 }
            return offers.touch(UInt64(providerOfText[t]) << Self.locationBits | UInt64(location))
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
            offers.reserve(offers.count + other.offers.count)
            other.offers.forEach { key, o in
                let provider = indices[Int(key >> Self.locationBits)]
                guard provider < Self.providerLimit else { return }
                let mine = UInt64(provider) << Self.locationBits | key & (1 << Self.locationBits - 1)
                let i = offers.slot(mine)
                var e = offers[slot: i]
                e.bits |= o.bits & (Offer.apart - 1)
                if !e.speedsApart && !o.speedsApart {
                    e.raise(
                        down: o.bits >> Offer.downShift & Offer.speedMask, up: o.bits >> Offer.upShift & Offer.speedMask
                    )
                } else {
                    let theirs = other.topSpeeds(key, o)
                    keepApart(&e, mine, down: theirs.down, up: theirs.up)
                }
                offers[slot: i] = e
            }
        }

        /// An offer's top download and upload in Mbps.
        func topSpeeds(_ key: UInt64, _ o: Offer) -> (down: Double, up: Double) {
            o.speedsApart ? exactSpeeds[key] ?? (0, 0) : (o.packedDown, o.packedUp)
        }

        /// Raises an offer's top speeds kept apart at full precision (moving them apart first).
        private mutating func keepApart(_ o: inout Offer, _ key: UInt64, down: Double, up: Double) {
            let now = topSpeeds(key, o)
            exactSpeeds[key] = (max(now.down, down), max(now.up, up))
            o.bits = o.bits & (Offer.apart - 1) | Offer.apart
        }

        /// Folds one record in, with the class the rule gives it (the caller leaves out records whose
        /// business/residential code the rule does not count; a block that is not 15 digits is left out
        /// here, as in the location counts).
        public mutating func add(_ r: AvailabilityRecord, serviceClass cls: ServiceClass) {
            guard r.locationID >= 0, r.locationID < 1 << 40, UInt64(r.blockGEOID) != nil, r.blockGEOID.utf8.count == 15
            else { return }
            endRun()
            let index = self.index(of: r.providerID)
            guard index < Self.providerLimit else { return }
            brandRows[index][r.brandName, default: 0] += 1
            fold(
                index: index, location: r.locationID, technology: r.technology.code, down: r.download?.mbps ?? 0,
                up: r.upload?.mbps ?? 0, served: cls == .served)
        }

        @inline(__always)
        private mutating func fold(index: Int, location: Int64, technology: Int, down: Double, up: Double, served: Bool)
        {
            let t = thresholds
            let i = offers.slot(UInt64(index) << Self.locationBits | UInt64(location))
            var flags: UInt64 = 0
            if down >= t.minimumDown && up >= t.minimumUp { flags |= 1 }
            if down >= t.servedDown && up >= t.servedUp { flags |= 2 }
            if served { flags |= 4 }
            let key = UInt64(index) << Self.locationBits | UInt64(location)
            var o = offers[slot: i]
            o.bits |= UInt64(Self.bit(technology)) | UInt64(flags) << 10
            if !o.speedsApart, let d = Offer.kbps(down), let u = Offer.kbps(up) {
                o.raise(down: d, up: u)
            } else {
                keepApart(&o, key, down: down, up: up)
            }
            offers[slot: i] = o
        }

        /// The landscape over the study and per area of `grouping`, and the location details with the
        /// providers advertising 100/20 Mbps counted at each location (distinct provider ids as numbers,
        /// as the FCC writes them: `+7` is provider 7). With `universe` (a locations file's location ids
        /// and blocks) only its locations count, each in its block there.
        public func finish(
            grouping: AreaGrouping, details: inout LocationDetails.Builder, universe: [Int64: UInt64]? = nil
        ) -> (providers: ProviderLandscape, details: LocationDetails) {
            var all = self
            all.endRun()
            let providers = all.landscape(grouping: grouping, details: &details, universe: universe)
            return (providers, details.finish())
        }

        private struct Tally: Sendable {
            var locations: Int32 = 0, at25x3: Int32 = 0, at100x20: Int32 = 0, served: Int32 = 0
            var technologies: UInt32 = 0
            var maxDown = 0.0, maxUp = 0.0
            mutating func add(_ o: Offer, speeds: (down: Double, up: Double)) {
                locations += 1
                if o.flags & 1 != 0 { at25x3 += 1 }
                if o.flags & 2 != 0 { at100x20 += 1 }
                if o.flags & 4 != 0 { served += 1 }
                technologies |= o.technologies
                maxDown = max(maxDown, speeds.down)
                maxUp = max(maxUp, speeds.up)
            }
        }

        private func landscape(
            grouping: AreaGrouping, details: inout LocationDetails.Builder, universe: [Int64: UInt64]?
        ) -> ProviderLandscape {
            var study = [Tally](repeating: Tally(), count: providerIDs.count)
            // Areas (their grouping keys) by index, and the tallies by area index and provider index.
            var areaIndex = KeyedTable<Int32>(expected: 4096, empty: -1)
            var areaKeys: [UInt64] = []
            var tallies = KeyedTable<Tally>(expected: 4096 * 8, empty: Tally())
            // Providers written as the same number (`7`, `+7`) count once at a location.
            let numbers = providerIDs.map { Int64($0) ?? -1 }
            var first: [Int64: Int] = [:]
            let canonical = numbers.indices.map { i in
                if let j = first[numbers[i]] { return j }
                first[numbers[i]] = i
                return i
            }
            let aliased = Set(canonical.indices.filter { canonical[$0] != $0 }.map { canonical[$0] })
            var counted = Set<UInt64>()
            func tally(_ key: UInt64, _ offer: Offer) {
                let location = Int64(key & (1 << Self.locationBits - 1))
                let provider = Int(key >> Self.locationBits)
                if offer.flags & 2 != 0 {
                    let c = canonical[provider]
                    if !aliased.contains(c)
                        || counted.insert(UInt64(c) << Self.locationBits | UInt64(location)).inserted
                    {
                        details.countProviderAt100x20(location)
                    }
                }
                let block: UInt64
                if let universe {
                    guard let listed = universe[location] else { return }
                    block = listed
                } else {
                    guard let b = details.block(of: location) else { return }
                    block = b
                }
                let speeds = topSpeeds(key, offer)
                study[provider].add(offer, speeds: speeds)
                guard let areaKey = grouping.key(location: location, block: block) else { return }
                let a = areaIndex.slot(areaKey)
                if areaIndex[slot: a] < 0 {
                    areaIndex[slot: a] = Int32(areaKeys.count)
                    areaKeys.append(areaKey)
                }
                let t = tallies.slot(UInt64(areaIndex[slot: a]) << 20 | UInt64(provider))
                tallies[slot: t].add(offer, speeds: speeds)
            }
            // Offers come in table order, their locations' details scattered: a window of them has its
            // details' slots loaded first, so that the cache misses overlap.
            var window: [(UInt64, Offer)] = []
            window.reserveCapacity(256)
            func flush() {
                for (key, _) in window { details.load(location: Int64(key & (1 << Self.locationBits - 1))) }
                for (key, offer) in window { tally(key, offer) }
                window.removeAll(keepingCapacity: true)
            }
            offers.forEach { key, offer in
                window.append((key, offer))
                if window.count == 256 { flush() }
            }
            flush()
            func provider(_ index: Int, _ t: Tally) -> Provider {
                let brands = brandRows[index].sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                    .map(\.key)
                return Provider(
                    id: providerIDs[index], label: brands.first ?? providerIDs[index], brands: brands,
                    technologies: Self.codes(t.technologies), locations: Int(t.locations),
                    locationsAt25x3: Int(t.at25x3), locationsAt100x20: Int(t.at100x20), locationsServed: Int(t.served),
                    maxDownload: t.maxDown, maxUpload: t.maxUp)
            }
            func ranked(_ list: [Provider]) -> [Provider] {
                list.sorted { $0.locations != $1.locations ? $0.locations > $1.locations : $0.id < $1.id }
            }
            var perArea = [[Provider]](repeating: [], count: areaKeys.count)
            tallies.forEach { key, t in perArea[Int(key >> 20)].append(provider(Int(key & (1 << 20 - 1)), t)) }
            var byArea: [AreaID: [Provider]] = [:]
            for (a, areaKey) in areaKeys.enumerated() { byArea[grouping.id(areaKey)] = ranked(perArea[a]) }
            return ProviderLandscape(
                study: ranked(study.indices.filter { study[$0].locations > 0 }.map { provider($0, study[$0]) }),
                byArea: byArea)
        }

        /// Technology codes as bits (the FCC's codes mapped to bits 0…8, any other code to bit 9).
        static let knownCodes = [0, 10, 40, 50, 60, 61, 70, 71, 72]
        static func bit(_ code: Int) -> UInt32 {
            knownCodes.firstIndex(of: code).map { 1 << UInt32($0) } ?? 1 << 9
        }
        static func codes(_ bits: UInt32) -> [Int] {
            knownCodes.indices.filter { bits & (1 << UInt32($0)) != 0 }.map { knownCodes[$0] }
        }
    }
}
