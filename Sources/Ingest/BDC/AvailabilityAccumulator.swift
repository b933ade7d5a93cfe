/// Per-worker state that the parallel BDC reader folds rows into (see `BDCReader.fold`).
///
/// Each worker has its own accumulator; at the end they are merged. For the result not to depend
/// on the number of workers or on which worker read which chunk, `merge` must be commutative and
/// associative, and anything that depends on row order ("the first block seen") must be decided by
/// the chunk number passed to `add`, which grows in file order.
public protocol AvailabilityAccumulator: Sendable {
    /// Folds the rows of (part of) one chunk, in file order. `chunk` numbers chunks in reading order
    /// over all files and members of the read. `texts` are the texts the rows' `providerText`,
    /// `brandText` and `h3Cell` refer to: the reading thread's, the same for every call on this
    /// accumulator and only ever growing (a number keeps its text).
    mutating func add(_ rows: [AvailabilityRow], chunk: Int, texts: [String])
    /// Folds another worker's state into this one.
    mutating func merge(_ other: consuming Self)
}
