import GeoModel

/// One reading thread's share of a classification: it takes the rows the thread reads, keeps those
/// whose business/residential code the rule counts, and folds them a batch at a time into the
/// location table all threads share. Merging two folds only adds their row counts.
public struct LocationFold: Sendable {
    /// The table every thread folds into.
    public let shared: SharedLocationTable
    /// Which business/residential codes take part.
    @usableFromInline let rule: ServiceRule
    /// Rows seen, and rows left out by the business/residential filter.
    @usableFromInline private(set) var seen = 0
    @usableFromInline private(set) var ignored = 0
    public var rowsSeen: Int { seen }
    public var rowsIgnored: Int { ignored }
    @usableFromInline var batch: LocationBatch

    /// A fold into `shared` under `rule`; `batchCapacity` is the number of rows usually folded at once.
    public init(shared: SharedLocationTable, rule: ServiceRule, batchCapacity: Int = 0) {
        self.shared = shared
        self.rule = rule
        batch = LocationBatch(capacity: batchCapacity)
    }

    /// Whether rows with this business/residential code are counted.
    @inlinable
    public func counts(_ code: BusinessResidentialCode) -> Bool { rule.counts(code) }

    /// Takes one row: its location, block GEOID as an integer, business/residential code, and the class
    /// the rule gives it (not looked at when the code is not counted).
    @inlinable
    public mutating func add(
        location: Int64, block: UInt64, businessResidential: BusinessResidentialCode,
        serviceClass: ServiceClass
    ) {
        seen += 1
        guard rule.counts(businessResidential) else {
            ignored += 1
            return
        }
        batch.append(location: location, block: block, serviceClass: serviceClass)
    }

    /// Folds the rows taken since the last flush into the shared table. `chunk` is any number that
    /// changes from one flush to the next (it spreads the threads over the table's locks).
    public mutating func flush(chunk: Int) {
        guard !batch.isEmpty else { return }
        shared.add(&batch, chunk: chunk)
    }

    /// Adds another thread's row counts (its rows are in the shared table already).
    public mutating func merge(_ other: LocationFold) {
        seen += other.seen
        ignored += other.ignored
    }
}
