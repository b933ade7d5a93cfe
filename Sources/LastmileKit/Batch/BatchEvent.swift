import Foundation

/// Something that happened in a batch, for the progress display.
public struct BatchEvent: Sendable {
    public enum Kind: Sendable { case started, stage, studyDone, studyFailed }
    public var kind: Kind
    /// The study folder's name (empty for `started`).
    public var name: String
    public var total: Int
    /// Studies finished (done, failed or skipped) so far.
    public var finished: Int
    public var message: String
    /// Seconds since the batch started.
    public var elapsed: Double
}
