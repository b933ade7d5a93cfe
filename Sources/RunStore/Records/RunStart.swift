import Foundation

/// What is known when a run begins: the study, when, and which tool version runs it.
public struct RunStart: Hashable, Sendable {
    /// The run's id; `RunStore.beginRun` generates one from `startedAt` when nil.
    public var id: RunID?
    public var studyName: String
    /// Path of the study file as given on the command line.
    public var studyPath: String
    public var startedAt: Date
    public var toolVersion: String
    /// The study file's TOML text, kept so a run can be reproduced after the file changes.
    public var studyText: String
    /// The folder the run writes its report and data outputs to.
    public var outputDirectory: String

    public init(
        id: RunID? = nil, studyName: String, studyPath: String, startedAt: Date = Date(),
        toolVersion: String, studyText: String, outputDirectory: String
    ) {
        self.id = id; self.studyName = studyName; self.studyPath = studyPath; self.startedAt = startedAt
        self.toolVersion = toolVersion; self.studyText = studyText; self.outputDirectory = outputDirectory
    }
}
