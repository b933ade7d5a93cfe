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

/// What went wrong, in the categories the command line maps to exit codes (README, "Exit codes"):
/// bad input data → 65, cannot read or write → 74, bad usage or parameter → 64.
public enum LastmileError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The input is readable but not what was expected (exit 65).
    case badInput(SourceLocation, String)
    /// A file cannot be opened, read or written (exit 74).
    case io(path: String, String)
    /// A command-line option or study parameter is invalid (exit 64).
    case usage(String)
    /// Processing failed for another reason (exit 1).
    case failed(String)

    /// The message, with control characters from the data escaped (`\x1B`): a file name or field
    /// holding terminal escapes must not reach a terminal (or the run store) raw. Line breaks stay.
    public var description: String {
        let text = switch self {
        case .badInput(let at, let what): "\(at): \(what)"
        case .io(let path, let what): "\(path): \(what)"
        case .usage(let what): what
        case .failed(let what): what
        }
        return Self.escapingControlCharacters(text)
    }

    /// `text` with every C0 control but the line feed, DEL and every C1 control written as `\xHH`.
    public static func escapingControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isEscaped) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isEscaped(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\x" + (hex.count < 2 ? "0" : "") + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isEscaped(_ s: Unicode.Scalar) -> Bool {
        (s.value < 0x20 && s != "\n") || (0x7F...0x9F).contains(s.value)
    }

    /// The process exit code for this error (the README's table).
    public var exitCode: Int32 {
        switch self {
        case .badInput: 65
        case .io: 74
        case .usage: 64
        case .failed: 1
        }
    }
}
