import Foundation

/// One line of run history (`lastmile runs list`): the run and its location totals over all areas.
public struct RunSummary: Hashable, Sendable {
    public var id: RunID
    public var studyName: String
    public var startedAt: Date
    public var finishedAt: Date?
    public var status: RunStatus
    public var error: String?
    /// Number of stored area results.
    public var areaCount: Int
    /// Sums over the run's area results (0 when none are stored).
    public var locations: Int
    public var unserved: Int
    public var underserved: Int
    public var served: Int

    public init(
        id: RunID, studyName: String, startedAt: Date, finishedAt: Date?, status: RunStatus, error: String?,
        areaCount: Int, locations: Int, unserved: Int, underserved: Int, served: Int
    ) {
        self.id = id; self.studyName = studyName; self.startedAt = startedAt; self.finishedAt = finishedAt
        self.status = status; self.error = error; self.areaCount = areaCount; self.locations = locations
        self.unserved = unserved; self.underserved = underserved; self.served = served
    }
}
