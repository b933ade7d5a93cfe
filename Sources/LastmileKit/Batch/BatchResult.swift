import Foundation
import RunStore

/// One study's outcome in a batch.
public struct BatchResult: Sendable, Hashable {
    public var folder: String
    /// The folder's name: its outputs are under `<out>/<name>/`.
    public var name: String
    public var status: BatchJob.Status
    public var runID: String?
    public var outputDirectory: String?
    public var error: String?
    /// True when the study was already done with the same inputs and was not run again.
    public var skipped: Bool
    public var seconds: Double
    /// The other lastmile process running the study (status `running`): this batch left it to it.
    public var runningElsewhere: Int32? = nil
}
