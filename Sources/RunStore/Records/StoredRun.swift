import Foundation

/// One run as kept in the store: the study, its timing and outcome.
public struct StoredRun: Hashable, Sendable {
    public var id: RunID
    public var studyName: String
    public var studyPath: String
    public var startedAt: Date
    /// Nil while the run is still running (or if the process died before finishing).
    public var finishedAt: Date?
    public var status: RunStatus
    /// The error message of a failed run.
    public var error: String?
    public var toolVersion: String
    public var studyText: String
    public var outputDirectory: String

    public init(
        id: RunID, studyName: String, studyPath: String, startedAt: Date, finishedAt: Date?,
        status: RunStatus, error: String?, toolVersion: String, studyText: String, outputDirectory: String
    ) {
        self.id = id; self.studyName = studyName; self.studyPath = studyPath; self.startedAt = startedAt
        self.finishedAt = finishedAt; self.status = status; self.error = error; self.toolVersion = toolVersion
        self.studyText = studyText; self.outputDirectory = outputDirectory
    }
}
