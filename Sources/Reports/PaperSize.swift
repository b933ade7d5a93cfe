import Graphics

/// The paper a report is laid out for.
public enum PaperSize: String, Hashable, Sendable, Codable, CaseIterable {
    /// US Letter, 8.5 × 11 in (the default: US planning offices print on Letter).
    case letter
    /// ISO A4, 210 × 297 mm.
    case a4
    /// Tabloid, 11 × 17 in (large wall maps and wide tables).
    case tabloid

    public var size: PageSize {
        switch self {
        case .letter: .letter
        case .a4: .a4
        case .tabloid: .tabloid
        }
    }
}
