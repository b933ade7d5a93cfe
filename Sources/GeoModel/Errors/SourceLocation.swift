/// Where in an input a problem was found: file, and where known line (1-based, header = 1),
/// feature, and column. Used by every reader so that errors name the place a planner can open.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var feature: Int?
    public var column: String?

    public init(file: String, line: Int? = nil, feature: Int? = nil, column: String? = nil) {
        self.file = file; self.line = line; self.feature = feature; self.column = column
    }

    public var description: String {
        var s = file
        if let line { s += ", line \(line)" }
        if let feature { s += ", feature \(feature)" }
        if let column { s += ", column '\(column)'" }
        return s
    }
}
