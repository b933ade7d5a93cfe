import ArgumentParser
import LastmileKit

/// `--format` of the commands that print text for people or JSON for programs.
enum TextOrJSON: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--format` of `classify`: the counts as CSV or JSON.
enum CSVOrJSON: String, ExpressibleByArgument, CaseIterable {
    case csv, json
}

/// `--format` of `runs`: text, CSV or JSON.
extension OutputFormat: ExpressibleByArgument {}

/// `--scheme` of `map`: how values are put into classes (`equal-interval` and `natural-breaks` are
/// accepted for `equal` and `jenks`).
enum SchemeName: String, ExpressibleByArgument, CaseIterable {
    case quantile, equal, jenks, manual

    init?(argument: String) {
        switch argument.lowercased() {
        case "equal-interval": self = .equal
        case "natural-breaks": self = .jenks
        default: self.init(rawValue: argument.lowercased())
        }
    }
}

/// `--palette` of `map`: one of the ColorBrewer palettes Maps draws with.
struct PaletteName: ExpressibleByArgument {
    let name: String

    init?(argument: String) {
        guard (try? QuickMap.palette(named: argument)) != nil else { return nil }
        name = argument
    }

    static var allValueStrings: [String] { QuickMap.paletteNames }
    var defaultValueDescription: String { name }
}
