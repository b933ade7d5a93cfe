import Analysis
import GeoModel
import Ingest

/// One reading thread's share of what a run takes from the availability files in a single read: the
/// location table and, when the business case counts other business/residential codes as passings,
/// the passings table (both shared by every thread); with `landscape`, who offers service where and
/// each location's details. Merging adds the threads' row counts and merges their landscapes.
struct AvailabilityFold: AvailabilityAccumulator {
    /// The study's rule (the class of a row does not depend on the business/residential filter).
    let rule: ServiceRule
    var locations: LocationFold
    /// Locations with a record of a passing code; nil when they are the location table's.
    var passings: LocationFold?
    var landscape: LandscapeFold?

    init(
        rule: ServiceRule, locations: SharedLocationTable,
        passings: (table: SharedLocationTable, rule: ServiceRule)?, landscape: LandscapeFold? = nil
    ) {
        self.landscape = landscape
        self.rule = rule
        let capacity = BDCReader.rowsPerBatch
        self.locations = LocationFold(shared: locations, rule: rule, batchCapacity: capacity)
        self.passings = passings.map { LocationFold(shared: $0.table, rule: $0.rule, batchCapacity: capacity) }
    }

    mutating func add(_ rows: [AvailabilityRow], chunk: Int, texts: [String]) {
        landscape?.use(texts: texts)
        var start = 0
        while start < rows.count {
            let end = min(start + LandscapeFold.window, rows.count)
            landscape?.touch(rows[start..<end])
            add(rows[start..<end], chunk: chunk, texts: texts)
            start = end
        }
        locations.flush(chunk: chunk)
        passings?.flush(chunk: chunk)
    }

    private mutating func add(_ rows: ArraySlice<AvailabilityRow>, chunk: Int, texts: [String]) {
        for r in rows {
            let counted = locations.counts(r.businessResidential) || passings?.counts(r.businessResidential) == true
            // One class per row for every table; rows no table counts are not classified.
            let cls =
                counted
                ? rule.serviceClass(
                    technology: r.technology, download: r.download, upload: r.upload,
                    lowLatency: r.lowLatency, provider: r.providerID, location: r.locationID)
                : .unserved
            locations.add(
                location: r.locationID, block: r.block, businessResidential: r.businessResidential,
                serviceClass: cls)
            passings?.add(
                location: r.locationID, block: r.block, businessResidential: r.businessResidential,
                serviceClass: cls)
            if landscape != nil && locations.counts(r.businessResidential) {
                landscape!.add(r, serviceClass: cls, rule: rule, chunk: chunk, texts: texts)
            }
        }
    }

    mutating func merge(_ other: consuming AvailabilityFold) {
        locations.merge(other.locations)
        if let theirs = other.passings { passings?.merge(theirs) }
        if let theirs = other.landscape { landscape?.merge(theirs) }
    }
}

/// One reading thread's provider landscape and location details (providers.csv, locations.csv).
struct LandscapeFold: Sendable {
    var providers: ProviderLandscape.Builder
    var details: LocationDetails.Builder
    /// The provider id of each provider text as a number (-1: not a number), as the record-by-record
    /// reader takes it; filled as texts are first met.
    private var providerNumbers: [Int64] = []

    /// `expectedRows`: about how many rows this thread will fold (0: unknown), to size its tables once.
    init(profile: PolicyProfile, expectedRows: Int = 0) {
        providers = ProviderLandscape.Builder(profile: profile, expectedOffers: expectedRows)
        details = LocationDetails.Builder(expectedLocations: expectedRows / LandscapeFold.rowsPerLocation)
    }

    /// Rows per location in a state's BDC files, for sizing (the bench state: 4.95 M rows, 1.0 M
    /// locations; Maine June 2022: 1.07 M rows, 0.59 M locations).
    static let rowsPerLocation = 3

    mutating func use(texts: [String]) {
        providers.use(texts: texts)
        details.use(texts: texts)
    }

    /// Rows whose table slots are loaded ahead of folding them: enough for their cache misses to
    /// overlap, few enough that the lines stay in cache until the rows are folded.
    static let window = 256
    /// Written by `touch`, so that its loads are not optimised away.
    private var touched: UInt64 = 0

    /// Loads the slots the rows will fold into (`KeyedTable.touch`).
    mutating func touch(_ rows: ArraySlice<AvailabilityRow>) {
        var sink: UInt64 = 0
        for r in rows {
            sink &+= providers.touch(location: r.locationID, providerText: r.providerText)
            sink &+= details.touch(location: r.locationID)
        }
        touched &+= sink
    }

    /// Folds one row the location table counts, with the class the rule gives it.
    @inline(__always)
    mutating func add(
        _ r: AvailabilityRow, serviceClass: ServiceClass, rule: ServiceRule, chunk: Int,
        texts: [String]
    ) {
        let t = Int(r.providerText)
        if t >= providerNumbers.count {
            for i in providerNumbers.count...t { providerNumbers.append(Int64(texts[i]) ?? -1) }
        }
        let provider = providerNumbers[t]
        // The text's number and the parsed id differ only for ids such as "+190047"; the class then
        // follows the text, as providers.csv and locations.csv always have.
        let cls =
            provider == r.providerID
            ? serviceClass
            : rule.serviceClass(
                technology: r.technology, download: r.download, upload: r.upload,
                lowLatency: r.lowLatency, provider: provider, location: r.locationID)
        providers.add(
            location: r.locationID, technology: r.technology, download: r.download,
            upload: r.upload, providerText: r.providerText, brandText: r.brandText, serviceClass: cls)
        details.add(
            location: r.locationID, block: r.block, technology: r.technology, download: r.download,
            upload: r.upload, businessResidential: r.businessResidential, h3Cell: r.h3Cell, serviceClass: cls,
            chunk: chunk)
    }

    mutating func merge(_ other: LandscapeFold) {
        providers.merge(other.providers)
        details.merge(other.details)
    }

    /// The provider landscape per area of `grouping` and the location details (see
    /// `ProviderLandscape.Builder.finish`).
    consuming func finish(grouping: AreaGrouping, universe: [Int64: UInt64]?) -> (
        providers: ProviderLandscape, details: LocationDetails
    ) {
        providers.finish(grouping: grouping, details: &details, universe: universe)
    }
}
