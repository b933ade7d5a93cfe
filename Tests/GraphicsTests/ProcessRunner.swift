import Foundation

/// The value of a `Key:   value` line in pdfinfo output.
func pdfinfoField(_ info: String, _ key: String) -> String? {
    for line in info.split(separator: "\n") where line.hasPrefix(key + ":") {
        return line.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)
    }
    return nil
}
