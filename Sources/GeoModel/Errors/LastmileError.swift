/// What went wrong, in the categories the command line maps to exit codes (README, "Exit codes").
///
/// | case        | exit | meaning                                                        |
/// |-------------|------|----------------------------------------------------------------|
/// | `badInput`  | 65   | the input is readable but not what was expected (file, line, column) |
/// | `io`        | 74   | a file cannot be opened, read or written (path, the system's reason) |
/// | `usage`     | 64   | a command-line option or study parameter is invalid           |
/// | `failed`    | 1    | processing failed for another reason                           |
///
/// Each C boundary converts its library's errors into these once: GDAL in `GeoIO` (`GDALRuntime`),
/// Cairo and Pango in `Graphics` (`GraphicsError.lastmileError`), SQLite in `RunStore` (`Database`).
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
        let text =
            switch self {
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
