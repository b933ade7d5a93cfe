/// Where a stored run stands: still running, finished, or failed with an error.
public enum RunStatus: String, CaseIterable, Sendable, Codable {
    case running
    case done
    case failed
}
