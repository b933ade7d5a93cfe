/// The tool's version, written into every run record and report.
public enum LastmileVersion {
    public static let current = "0.1.0"
}
