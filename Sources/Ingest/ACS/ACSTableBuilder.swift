import Foundation
import GeoModel

/// Turns ACS header and data rows (from CSV or API JSON) into an `ACSTable`: finds the geography
/// key, skips a data.census.gov label row, classifies cells and removes duplicate rows.
struct ACSTableBuilder {
    /// How the GEOID of a row is found.
    enum Key {
        /// `GEO_ID`/`ucgid` (`1400000US23023010100`); a `GEOID` column, when also present, must agree.
        case geoID(Int, geoid: Int?)
        /// A `GEOID` column holding the digits.
        case geoid(Int)
        /// Census API geography columns, concatenated in order (state, county, tract, block group).
        case components([Int])
    }

    /// Census "special value" sentinels that stand for a missing estimate (Census Bureau, "Notes on
    /// ACS API Variable Types": -999999999, -888888888, -666666666, -555555555, -333333333, -222222222).
    static let sentinels: Set<Double> = [
        -999_999_999, -888_888_888, -666_666_666, -555_555_555, -333_333_333, -222_222_222,
    ]
    /// Placeholder text data.census.gov and the API write where there is no estimate
    /// ("Explanation of symbols" in data.census.gov table notes); any run of `*` counts too.
    static let placeholders: Set<String> = ["-", "(X)", "N", "null", "NULL"]

    let header: [String]
    let source: String
    let key: Key
    /// Column index of each variable present, and of its margin of error when the table has one.
    let variableColumns: [(variable: ACSVariable, index: Int)]
    let marginColumns: [(variable: ACSVariable, estimate: Int, index: Int)]
    /// Columns whose placeholders and sentinels are counted (estimate and margin-of-error codes).
    let countedColumns: [Int]
    private var seen: [AreaID: (line: Int, rowHash: Int)] = [:]
    private(set) var table: ACSTable

    init(header rawHeader: [String], source: String, layout: ACSTable.Layout) throws {
        header = rawHeader
        self.source = source
        let names = rawHeader.map(KnownSchema.normalize)
        func column(_ n: String) -> Int? { names.firstIndex(of: n.lowercased()) }
        if let g = column("GEO_ID") ?? column("ucgid") {
            key = .geoID(g, geoid: column("GEOID"))
        } else if let g = column("GEOID") {
            key = .geoid(g)
        } else if let state = column("state") {
            key = .components([state] + ["county", "tract", "block group"].compactMap(column))
        } else {
            // An ACS variable code: table, 3-digit line, E (estimate) or M (margin), e.g. B19013_001E.
            let sharesAColumn =
                rawHeader.contains { $0.wholeMatch(of: /[A-Z][0-9]{5}[A-Z0-9]*_[0-9]{3}[A-Z]*/) != nil }
                || names.contains("name")
            if let foreign = ForeignHeader.error(
                file: source, fieldCount: rawHeader.count, sharesAColumn: sharesAColumn,
                kind: "an ACS table", column: "an ACS variable code, NAME or a geography column",
                expected: ["GEO_ID", "NAME", "variable codes such as B01003_001E"])
            {
                throw foreign
            }
            throw LastmileError.badInput(
                SourceLocation(file: source, line: 1, column: "GEO_ID"),
                "no geography column: expected GEO_ID, GEOID or Census API columns state/county/tract/block group; the header has: \(rawHeader.joined(separator: ", "))"
            )
        }
        variableColumns = ACSVariable.allCases.compactMap { v in column(v.code).map { (v, $0) } }
        marginColumns = variableColumns.compactMap { v, e in v.marginCode.flatMap(column).map { (v, e, $0) } }
        countedColumns = names.indices.filter { Self.isVariableCode(names[$0]) }
        table = ACSTable(
            layout: layout, source: source, profiles: [:], geoids: [],
            variablesPresent: variableColumns.map(\.variable),
            dataRows: 0, duplicateRows: 0, labelRowSkipped: false, placeholderCells: 0, sentinelCells: 0,
            topCodedCells: 0)
    }

    /// Whether `normalized` is an estimate or margin-of-error code such as `b28002_013m`, `s2802_c03_001e`.
    static func isVariableCode(_ normalized: String) -> Bool {
        guard let last = normalized.last, last == "e" || last == "m" else { return false }
        let estimate = String(normalized.dropLast()) + "e"
        return KnownSchema.NamePattern.detailedTableEstimate.matches(estimate)
            || KnownSchema.NamePattern.subjectTableEstimate.matches(estimate)
    }

    /// Adds one data row (or recognises line 2 as data.census.gov's label row).
    mutating func add(row: [String], line: Int) throws {
        // Trailing empty cells beyond the header (a trailing comma) carry nothing.
        var row = row
        while row.count > header.count, row.last?.isEmpty == true { row.removeLast() }
        guard row.count == header.count else {
            throw LastmileError.badInput(
                SourceLocation(file: source, line: line),
                "expected \(header.count) fields as in the header, found \(row.count)")
        }
        let isFirstRow = table.dataRows == 0 && !table.labelRowSkipped
        let geoid: String
        do {
            geoid = try self.geoid(of: row, line: line)
        } catch let error as LastmileError {
            guard isFirstRow, table.layout == .csv, line == 2, looksLikeLabels(row) else { throw error }
            try checkLabels(row, line: line)
            table.labelRowSkipped = true
            return
        }
        table.dataRows += 1

        for i in countedColumns {
            switch Self.classify(row[i]) {
            case .placeholder: table.placeholderCells += 1
            case .sentinel: table.sentinelCells += 1
            case .number(_, let topCoded): if topCoded { table.topCodedCells += 1 }
            case .empty, .invalid: break
            }
        }

        var profile = DemographicProfile(geoid: AreaID(geoid))
        for (variable, i) in variableColumns {
            try variable.store(value(row[i], variable, line: line, column: header[i]), in: &profile)
        }
        // A margin is kept only beside an estimate.
        for (variable, e, i) in marginColumns {
            guard case .number = Self.classify(row[e]),
                let margin = try self.margin(row[i], line: line, column: header[i])
            else { continue }
            profile.marginsOfError[variable.code] = margin
        }

        let id = AreaID(geoid)
        var hasher = Hasher()
        hasher.combine(row)
        let rowHash = hasher.finalize()
        if let first = seen[id] {
            guard first.rowHash == rowHash, table.profiles[id] == profile else {
                throw LastmileError.badInput(
                    SourceLocation(file: source, line: line, column: header[keyColumn]),
                    "GEOID \(geoid) appears again with different values (first on line \(first.line)); expected one row per area"
                )
            }
            table.duplicateRows += 1
            return
        }
        seen[id] = (line, rowHash)
        table.profiles[id] = profile
        table.geoids.append(id)
    }

    private var keyColumn: Int {
        switch key {
        case .geoID(let i, _), .geoid(let i): i
        case .components(let c): c[0]
        }
    }

    /// The GEOID of a row.
    private func geoid(of row: [String], line: Int) throws -> String {
        func bad(_ i: Int, _ what: String) -> LastmileError {
            LastmileError.badInput(
                SourceLocation(file: source, line: line, column: header[i]),
                what + ", found \"\(row[i].prefix(40))\"")
        }
        func isDigits(_ s: Substring) -> Bool { !s.isEmpty && s.utf8.allSatisfy { $0 &- 48 < 10 } }
        switch key {
        case .geoID(let i, let g):
            let cell = row[i].trimmingSpaces
            guard let us = cell.range(of: "US"), isDigits(cell[us.upperBound...]) else {
                throw bad(i, "expected a GEO_ID such as 1400000US23023010100")
            }
            let digits = String(cell[us.upperBound...])
            if let g, row[g].trimmingSpaces != digits {
                throw bad(g, "GEOID does not match GEO_ID \(cell)")
            }
            return digits
        case .geoid(let i):
            let cell = row[i].trimmingSpaces
            guard isDigits(Substring(cell)) else { throw bad(i, "expected a GEOID of digits such as 23023010100") }
            return cell
        case .components(let columns):
            var id = ""
            for i in columns {
                let cell = row[i].trimmingSpaces
                guard isDigits(Substring(cell)) else { throw bad(i, "expected a geography code of digits") }
                id += cell
            }
            return id
        }
    }

    /// Whether a row is data.census.gov's label row: `Geography` under GEO_ID, or text under every variable.
    private func looksLikeLabels(_ row: [String]) -> Bool {
        if row[keyColumn].trimmingSpaces == "Geography" { return true }
        return !variableColumns.isEmpty && variableColumns.allSatisfy { Self.classify(row[$0.index]) == .invalid }
    }

    /// Line 2 of a data.census.gov file holds labels; checks they describe the variables read.
    private func checkLabels(_ row: [String], line: Int) throws {
        for (variable, i) in variableColumns {
            let label = row[i].lowercased().split(whereSeparator: { $0 == " " }).joined(separator: " ")
            for words in variable.expectedLabelWords where !label.contains(words) {
                throw LastmileError.badInput(
                    SourceLocation(file: source, line: line, column: header[i]),
                    "the label \"\(row[i])\" does not mention \"\(words)\"; expected \(variable.code) to be \(variable.expectedLabelWords.joined(separator: " / ")) (has the table layout changed?)"
                )
            }
        }
    }

    /// What a cell holds.
    enum Cell: Equatable {
        case empty, placeholder, sentinel, invalid
        case number(Double, topCoded: Bool)
    }

    static func classify(_ raw: String) -> Cell {
        let s = raw.trimmingSpaces
        if s.isEmpty { return .empty }
        if placeholders.contains(s) || s.allSatisfy({ $0 == "*" }) { return .placeholder }
        var text = Substring(s)
        var topCoded = false
        // "250,000+" (upper interval) and "2,500-" (lower interval) for medians.
        if text.count > 1, let last = text.last, last == "+" || last == "-",
            let before = text.dropLast().last, before.isNumber
        {
            text = text.dropLast()
            topCoded = true
        }
        let plain = text.filter { $0 != "," }
        guard plain.utf8.allSatisfy({ ($0 &- 48 < 10) || $0 == 46 || $0 == 45 }), let v = Double(plain) else {
            return .invalid
        }
        if sentinels.contains(v) { return .sentinel }
        return .number(v, topCoded: topCoded)
    }

    /// A margin of error: nil when not published (`**`, `-`, empty, a sentinel), 0 for `*****` (a
    /// controlled estimate: data.census.gov "Explanation of symbols").
    private func margin(_ raw: String, line: Int, column: String) throws -> Double? {
        switch Self.classify(raw) {
        case .empty, .sentinel: return nil
        case .placeholder: return raw.trimmingSpaces == "*****" ? 0 : nil
        case .invalid:
            throw LastmileError.badInput(
                SourceLocation(file: source, line: line, column: column),
                "expected a margin of error (a number or a placeholder such as **), found \"\(raw.prefix(40))\"")
        case .number(let v, _):
            guard v >= 0 else {
                throw LastmileError.badInput(
                    SourceLocation(file: source, line: line, column: column),
                    "expected a margin of error of 0 or more, found \"\(raw.prefix(40))\"")
            }
            return v
        }
    }

    /// The value of a recognised variable's cell: nil for empty, placeholders and sentinels.
    private func value(_ raw: String, _ variable: ACSVariable, line: Int, column: String) throws -> Double? {
        func bad(_ what: String) -> LastmileError {
            LastmileError.badInput(
                SourceLocation(file: source, line: line, column: column),
                what + ", found \"\(raw.prefix(40))\"")
        }
        switch Self.classify(raw) {
        case .empty, .placeholder, .sentinel:
            return nil
        case .invalid:
            throw bad("expected a number, a placeholder (-, **, ***, (X), N, null) or an empty cell")
        case .number(let v, _):
            guard v >= 0 else { throw bad("expected an estimate of 0 or more") }
            switch variable.kind {
            case .count:
                guard v == v.rounded(), v <= Double(Int32.max) else { throw bad("expected a whole count") }
            case .percent:
                guard v <= 100 else { throw bad("expected a percent from 0 to 100") }
            case .dollars:
                break
            }
            return v
        }
    }
}

extension String {
    /// The text without surrounding spaces and tabs.
    fileprivate var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
