import Foundation
import RunStore

/// Where and how a study run writes its outputs.
public struct RunOptions: Sendable {
    /// Output root: each run lands in `<outputRoot>/<study>/<run-id>/`. Default `reports`.
    public var outputRoot: String
    /// The run store (SQLite); default `<outputRoot>/runs.sqlite`.
    public var storePath: String?
    /// The run's start time (pinned in tests); also the report's date.
    public var now: Date
    /// Receives one line per stage ("reading availability…"); nil for silence.
    public var progress: (@Sendable (String) -> Void)?
    /// Turn input warnings (unknown technology codes, invalid polygons, availability areas without
    /// a shape) into errors (`--strict`, exit 65).
    public var strict = false
    /// The folder under `outputRoot` a run lands in; nil = the study name as a slug (batch: the study folder's name).
    public var studyFolderName: String?
    /// The run's id; nil = a new one from `now` (batch: chosen up front so a job knows its run).
    public var runID: RunID?
    /// Public edition (`--public`): per-area counts below this threshold are suppressed in every output
    /// (see `PublicRelease`); nil = as the study says (`report.public`), else not public.
    public var publicThreshold: Int?

    public init(
        outputRoot: String = "reports", storePath: String? = nil, now: Date = Date(),
        progress: (@Sendable (String) -> Void)? = nil
    ) {
        self.outputRoot = outputRoot; self.storePath = storePath; self.now = now; self.progress = progress
    }

    var resolvedStorePath: String { storePath ?? (outputRoot as NSString).appendingPathComponent("runs.sqlite") }
}
