import Foundation
import LastmileKit
import Synchronization

/// Progress on stderr: one redrawn status line on a terminal (studies done / total, current stage,
/// elapsed, ETA), plain log lines otherwise.
final class BatchProgressDisplay: Sendable {
    let terminal: Bool
    let enabled: Bool
    let verbose: Bool
    private let state = Mutex<(startFinished: Int, stages: [String: String])>((0, [:]))

    init(terminal: Bool, enabled: Bool, verbose: Bool) {
        self.terminal = terminal
        self.enabled = enabled
        self.verbose = verbose
    }

    func show(_ e: BatchEvent) {
        guard enabled else { return }
        let line: String? = state.withLock { s in
            switch e.kind {
            case .started:
                s.startFinished = e.finished
                return "lastmile: batch of \(e.total): \(e.message)"
            case .stage:
                s.stages[e.name] = e.message
                return terminal ? nil : (verbose ? "lastmile: [\(e.finished)/\(e.total)] \(e.name): \(e.message)" : nil)
            case .studyDone, .studyFailed:
                s.stages[e.name] = nil
                let what = e.kind == .studyDone ? "done (\(e.message))" : "FAILED: \(e.message)"
                return "lastmile: [\(e.finished)/\(e.total)] \(e.name) \(what)"
            }
        }
        let status: String? =
            terminal
            ? state.withLock { s in
                let ranHere = e.finished - s.startFinished
                let remaining = e.total - e.finished
                let eta = ranHere > 0 ? Self.duration(e.elapsed / Double(ranHere) * Double(remaining)) : "…"
                let current = s.stages.sorted { $0.key < $1.key }.first.map { "\($0.key): \($0.value)" } ?? ""
                return "[\(e.finished)/\(e.total)] \(current) · elapsed \(Self.duration(e.elapsed)) · ETA \(eta)"
            } : nil
        var text = ""
        if terminal { text += "\r\u{1B}[K" }
        if let line, e.kind != .stage || !terminal { text += line + "\n" }
        if let status { text += String(status.prefix(150)) }
        if !text.isEmpty { Console.standardError(text) }
    }

    func finish() {
        if enabled && terminal { Console.standardError("\r\u{1B}[K") }
    }

    static func duration(_ s: Double) -> String {
        let t = Int(s.rounded())
        return t >= 3600
            ? "\(t / 3600)h\(String(format: "%02d", t % 3600 / 60))m"
            : t >= 60 ? "\(t / 60)m\(String(format: "%02d", t % 60))s" : "\(t)s"
    }
}
