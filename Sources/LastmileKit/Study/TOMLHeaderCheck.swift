import Foundation
import GeoModel

/// Rejects TOML that would crash TOMLKit before the text reaches it: a table header that does not
/// start with a key (`[,x]`, `[ # c]`, `[` at the end of a line), and a `}` or `]` that does not
/// match the array or inline table it closes (`a = [ }`).
///
/// TOMLKit 0.6.0 bundles toml++ 3.x, whose `parser::parse_key()` *assumes* (TOML_ASSERT_ASSUME) that a
/// table header's first character is a bare-key character or a quote: a debug build aborts on the
/// assertion and a release build has undefined behaviour. Found by the study-file fuzzer
/// (Fuzz/StudyFileFuzz.swift, inputs `[,yutd]` and `a =[ \n}`); `parser::parse_value()` likewise
/// assumes an array value never starts with `}`. This scan follows TOML's lexical structure (strings,
/// multi-line strings, comments, array and inline-table nesting) just far enough to know which `[`
/// opens a table header.
enum TOMLHeaderCheck {
    /// - Throws: `.badInput` naming the file, line and column of the first header without a key.
    static func check(_ text: String, file: String) throws {
        let b = Array(text.utf8)
        // toml++ skips a UTF-8 byte-order mark at the start.
        var i = b.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var lineStart = i
        var open: [(bracket: UInt8, line: Int)] = []  // arrays and inline tables open in values
        var atStatementStart = true  // only whitespace since the last newline, outside any value
        func at(_ k: Int) -> UInt8 { k < b.count ? b[k] : 0 }
        func isBare(_ c: UInt8) -> Bool {
            (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x5F || c == 0x2D
        }
        func skipString(_ quote: UInt8, multiLine: Bool, escapes: Bool) {
            // i is just past the opening delimiter.
            while i < b.count {
                let c = b[i]
                if escapes && c == 0x5C {
                    i += 2
                    continue
                }
                if c == 0x0A {
                    if !multiLine { return }  // an unterminated one-line string: TOML's error, not ours
                    line += 1
                    lineStart = i + 1
                }
                if c == quote {
                    if !multiLine {
                        i += 1
                        return
                    }
                    if at(i + 1) == quote && at(i + 2) == quote {
                        i += 3
                        while at(i) == quote { i += 1 }  // up to two quotes may close the content
                        return
                    }
                }
                i += 1
            }
        }
        while i < b.count {
            let c = b[i]
            switch c {
            case 0x0A:
                line += 1
                lineStart = i + 1
                if open.isEmpty { atStatementStart = true }
                i += 1
            case 0x20, 0x09, 0x0D:
                i += 1
            case 0x23:  // '#': comment to the end of the line
                while i < b.count && b[i] != 0x0A { i += 1 }
            case 0x22, 0x27:  // '"' or "'"
                atStatementStart = false
                let multi = at(i + 1) == c && at(i + 2) == c
                i += multi ? 3 : 1
                skipString(c, multiLine: multi, escapes: c == 0x22)
            case 0x5B where open.isEmpty && atStatementStart:  // '[': a table header
                var k = i + 1
                if at(k) == 0x5B { k += 1 }
                while at(k) == 0x20 || at(k) == 0x09 { k += 1 }
                let first = at(k)
                if !(isBare(first) || first == 0x22 || first == 0x27 || first == 0x5D) || k >= b.count {
                    let shown =
                        k >= b.count || first == 0x0A || first == 0x0D
                        ? "the end of the line"
                        : "'" + String(decoding: b[k..<min(b.count, k + 1)], as: UTF8.self) + "'"
                    throw LastmileError.badInput(
                        SourceLocation(file: file, line: line),
                        "TOML syntax error at column \(k - lineStart + 1): a table header must start with a key, as in [inputs] or [\"my key\"]; found \(shown)"
                    )
                }
                // The rest of the header line (quoted keys cannot span lines).
                atStatementStart = false
                i = k
                while i < b.count && b[i] != 0x0A {
                    if b[i] == 0x22 || b[i] == 0x27 {
                        let q = b[i]
                        i += 1
                        skipString(q, multiLine: false, escapes: q == 0x22)
                    } else if b[i] == 0x23 {
                        break
                    } else {
                        i += 1
                    }
                }
            case 0x5B, 0x7B:
                open.append((c, line))
                atStatementStart = false
                i += 1
            case 0x5D, 0x7D:
                // toml++ assumes (TOML_ASSERT_ASSUME in parse_value) that an array never meets a '}':
                // a closer that does not match its opener is reported here.
                let expected: UInt8 = c == 0x5D ? 0x5B : 0x7B
                if let top = open.last, top.bracket != expected {
                    throw LastmileError.badInput(
                        SourceLocation(file: file, line: line),
                        "TOML syntax error at column \(i - lineStart + 1): '\(c == 0x5D ? "]" : "}")' does not close the '\(top.bracket == 0x5B ? "[" : "{")' opened on line \(top.line)"
                    )
                }
                if !open.isEmpty { open.removeLast() }
                i += 1
            default:
                atStatementStart = false
                i += 1
            }
        }
    }
}
