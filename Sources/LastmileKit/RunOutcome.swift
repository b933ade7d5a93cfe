import Analysis

/// What a finished run produced: where its files are and the numbers a planner reads first.
public struct RunOutcome: Sendable {
    public var runID: String
    public var studyName: String
    public var outputDirectory: String
    public var reportPath: String
    public var totals: ClassCounts
    public var results: [AreaResult]
    public var diagnostics: [String]
    /// Files written in the run folder, relative to it.
    public var files: [String]
}
