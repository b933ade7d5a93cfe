import Foundation
import GeoIO
import GeoModel
import Ingest

/// What a file is: how it is stored, its layers and fields, how many rows, and which known public
/// schema (BDC, ACS, TIGER, Ookla) it matches.
public struct Inspection: Codable, Sendable {
    public struct Layer: Codable, Sendable {
        public var name: String
        public var geometryType: String?
        public var crs: String?
        public var fields: [Field]
        /// Features, or data rows after the header for a CSV.
        public var count: Int
        public var schema: String?
        public var schemaStatus: String
        public var missingFields: [String]
        /// For a BDC availability file: which published layout its header is (`nov2022` or `current`).
        public var layout: String?
    }

    public struct Field: Codable, Sendable {
        public var name: String
        public var type: String
    }

    public var path: String
    public var driver: String
    public var sizeBytes: Int64
    public var layers: [Layer]

    /// Inspects a file. CSV files (plain, `.gz`, or members of a `.zip`) are read by Lastmile's own
    /// scanner (GDAL's CSV driver is slow on BDC-sized files); everything else through GDAL.
    /// - Throws: `.io` when the file does not exist, `.badInput` when no reader understands it.
    public static func inspect(path: String) throws -> Inspection {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw LastmileError.io(path: path, "no such file")
        }
        if let reason = FileKind.notRegularReason(path: path) {
            throw LastmileError.io(path: path, "cannot read: \(reason)")
        }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") || lower.hasSuffix(".csv.gz") || lower.hasSuffix(".zip") {
            let members = try VirtualPath.csvMembers(of: path)
            let layers = try members.map { m -> Layer in
                let scan = try CSVScan.scan(m)
                return layer(
                    name: (m.displayName as NSString).lastPathComponent, geometryType: nil, crs: nil,
                    fields: scan.header.map { Field(name: $0, type: "String") }, count: scan.dataRows)
            }
            return Inspection(
                path: path,
                driver: lower.hasSuffix(".zip") ? "CSV in ZIP" : (lower.hasSuffix(".gz") ? "CSV (gzip)" : "CSV"),
                sizeBytes: size, layers: layers)
        }
        let d = try VectorSource.describe(path: path)
        return Inspection(
            path: path, driver: d.driver, sizeBytes: size,
            layers: d.layers.map { l in
                layer(
                    name: l.name, geometryType: l.geometryType, crs: l.crs?.identifier ?? l.crs?.name,
                    fields: l.fields.map { Field(name: $0.name, type: $0.type) }, count: l.featureCount)
            })
    }

    static func layer(name: String, geometryType: String?, crs: String?, fields: [Field], count: Int) -> Layer {
        let match = KnownSchema.match(fieldNames: fields.map(\.name))
        let status: String
        switch match {
        case .matches: status = "matches"
        case .almost: status = "almost"
        case .none: status = "none"
        }
        let layout = match.schema == .bdcFixedAvailability ? BDCLayout.of(fieldNames: fields.map(\.name)) : nil
        return Layer(
            name: name, geometryType: geometryType, crs: crs, fields: fields, count: count,
            schema: match.schema?.displayName, schemaStatus: status, missingFields: match.missingFields,
            layout: layout?.rawValue)
    }

    /// A readable summary.
    public func text() -> String {
        var out = "\(path)\n  driver: \(driver)\n  size: \(sizeBytes) bytes\n"
        for l in layers {
            out += "  layer \(l.name): \(l.count) \(l.geometryType == nil ? "rows" : "features")"
            if let g = l.geometryType { out += ", \(g)" }
            if let c = l.crs { out += ", \(c)" }
            out += "\n"
            switch l.schemaStatus {
            case "matches": out += "    schema: \(l.schema ?? "")\n"
            case "almost":
                out += "    schema: almost \(l.schema ?? ""), missing \(l.missingFields.joined(separator: ", "))\n"
            default: out += "    schema: no known schema\n"
            }
            if let layout = l.layout.flatMap(BDCLayout.init(rawValue:)) { out += "    layout: \(layout.displayName)\n" }
            out +=
                "    fields (\(l.fields.count)): " + l.fields.map { "\($0.name) (\($0.type))" }.joined(separator: ", ")
                + "\n"
        }
        return out
    }

    public func json() -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try! enc.encode(self), as: UTF8.self) + "\n"
    }
}

/// Header and row count of a CSV stream, scanning bytes for line ends outside quotes.
enum CSVScan {
    static func scan(_ member: VirtualPath.Member) throws -> (header: [String], dataRows: Int) {
        let stream = try ByteStream(vsiPath: member.vsiPath, displayName: member.displayName)
        defer { stream.close() }
        let capacity = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var headerBytes: [UInt8] = []
        var inHeader = true
        var inQuotes = false
        var lines = 0
        var last: UInt8 = 10
        var total = 0
        while true {
            let n = try stream.read(into: buffer)
            if n == 0 { break }
            total += n
            for i in 0..<n {
                let b = buffer[i]
                if b == 34 { inQuotes.toggle() }
                if b == 10 && !inQuotes {
                    lines += 1
                    inHeader = false
                } else if inHeader {
                    guard headerBytes.count < CSVLimits.maximumLineLength else {
                        throw LastmileError.badInput(
                            SourceLocation(file: member.displayName, line: 1), CSVLimits.tooLong)
                    }
                    headerBytes.append(b)
                }
                last = b
            }
        }
        if total > 0 && last != 10 { lines += 1 }
        guard lines > 0 else {
            throw LastmileError.badInput(SourceLocation(file: member.displayName), "the file is empty")
        }
        var header = String(decoding: headerBytes, as: UTF8.self)
        if header.hasPrefix("\u{FEFF}") { header.removeFirst() }
        if header.hasSuffix("\r") { header.removeLast() }
        let names = splitHeader(header)
        return (names, lines - 1)
    }

    static func splitHeader(_ line: String) -> [String] {
        var fields: [String] = []
        var cur = ""
        var quoted = false
        var chars = line.makeIterator()
        while let c = chars.next() {
            if c == "\"" {
                quoted.toggle()
            } else if c == "," && !quoted {
                fields.append(cur)
                cur = ""
            } else {
                cur.append(c)
            }
        }
        fields.append(cur)
        while let l = fields.last, l.isEmpty, fields.count > 1 { fields.removeLast() }
        return fields.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
