/// Adds a content stream in front of pages of a PDF that cairo wrote, as a PDF incremental update
/// (ISO 32000-1 §7.5.6): the new stream objects, a new version of each such page object whose
/// `/Contents` is `[new cairo's]`, a cross-reference section for them and a trailer with `/Prev`.
/// Cairo's bytes stay as they are.
struct PDFIncrementalUpdate {
    /// The bytes to append to `pdf` (cairo 1.16's output) putting `streams[page index]` (deflated
    /// content, for `/FlateDecode`) before that page's own content, or nil when `pdf` is not laid out
    /// as expected (then the caller draws those pages with cairo alone).
    static func appendix(to pdf: [UInt8], streams: [Int: [UInt8]]) -> [UInt8]? {
        guard !streams.isEmpty else { return [] }
        // The last trailer and startxref: /Size, /Root, /Info and the previous cross-reference offset.
        guard let trailerAt = lastIndex(of: "trailer", in: pdf),
            let startAt = lastIndex(of: "startxref", in: pdf), startAt > trailerAt
        else { return nil }
        let trailer = String(decoding: pdf[trailerAt..<startAt], as: UTF8.self)
        guard let size = integer(after: "/Size", in: trailer), let root = reference(after: "/Root", in: trailer),
            let prev = Int(
                String(decoding: pdf[(startAt + 9)...], as: UTF8.self)
                    .split(whereSeparator: \.isWhitespace).first ?? "")
        else { return nil }
        let info = reference(after: "/Info", in: trailer)

        var out: [UInt8] = [10]
        var offsets: [(Int, Int)] = []
        var next = size
        for page in streams.keys.sorted() {
            // cairo 1.16 writes each page as "N 0 obj\n<< /Type /Page % <page number>\n … /Contents K 0 R …>>\nendobj".
            guard let (number, body) = pageObject(page + 1, in: pdf),
                let contents = body.range(of: "/Contents "),
                let end = body[contents.upperBound...].range(of: " 0 R")
            else { return nil }
            let old = body[contents.upperBound..<end.lowerBound]
            guard Int(old) != nil, let stream = streams[page] else { return nil }
            let streamNumber = next
            next += 1
            offsets.append((streamNumber, pdf.count + out.count))
            out += Array(
                "\(streamNumber) 0 obj\n<< /Length \(stream.count)\n   /Filter /FlateDecode\n>>\nstream\n".utf8)
            out += stream
            out += Array("\nendstream\nendobj\n".utf8)
            let page = body.replacingCharacters(
                in: contents.lowerBound..<end.upperBound, with: "/Contents [ \(streamNumber) 0 R \(old) 0 R ]")
            offsets.append((number, pdf.count + out.count))
            out += Array("\(number) 0 obj\n\(page)\nendobj\n".utf8)
        }
        let xref = pdf.count + out.count
        var table = "xref\n"
        for (number, offset) in offsets.sorted(by: { $0.0 < $1.0 }) {
            let digits = String(offset)
            table += "\(number) 1\n" + String(repeating: "0", count: max(0, 10 - digits.count)) + digits + " 00000 n \n"
        }
        table += "trailer\n<< /Size \(next)\n   /Root \(root)\n"
        if let info { table += "   /Info \(info)\n" }
        table += "   /Prev \(prev)\n>>\nstartxref\n\(xref)\n%%EOF\n"
        out += Array(table.utf8)
        return out
    }

    /// The object number and dictionary text (from "<<" to its ">>") of page `n` (1-based).
    static func pageObject(_ n: Int, in pdf: [UInt8]) -> (Int, String)? {
        guard let start = firstIndex(of: "<< /Type /Page % \(n)\n", in: pdf),
            let end = firstIndex(of: ">>\nendobj", in: pdf, from: start)
        else { return nil }
        // "N 0 obj\n" just before.
        var i = start - 1
        guard i > 0, pdf[i] == 10 else { return nil }
        let header = String(decoding: pdf[max(0, start - 24)..<i], as: UTF8.self)
        guard let line = header.split(separator: "\n").last, line.hasSuffix(" 0 obj"),
            let number = Int(line.dropLast(6))
        else { return nil }
        i = end + 2
        return (number, String(decoding: pdf[start..<i], as: UTF8.self))
    }

    static func integer(after key: String, in text: String) -> Int? {
        guard let r = text.range(of: key + " ") else { return nil }
        return Int(text[r.upperBound...].prefix { $0.isNumber })
    }

    /// "N 0 R" after `key`.
    static func reference(after key: String, in text: String) -> String? {
        guard let r = text.range(of: key + " "), let end = text[r.upperBound...].range(of: " R") else { return nil }
        let ref = text[r.upperBound..<end.upperBound]
        let parts = ref.split(separator: " ")
        guard parts.count == 3, Int(parts[0]) != nil, Int(parts[1]) != nil else { return nil }
        return String(ref)
    }

    static func firstIndex(of needle: String, in bytes: [UInt8], from: Int = 0) -> Int? {
        let n = Array(needle.utf8)
        guard let first = n.first, bytes.count >= n.count else { return nil }
        var i = from
        while i <= bytes.count - n.count {
            if bytes[i] == first, bytes[i..<i + n.count].elementsEqual(n) { return i }
            i += 1
        }
        return nil
    }

    static func lastIndex(of needle: String, in bytes: [UInt8]) -> Int? {
        let n = Array(needle.utf8)
        guard bytes.count >= n.count else { return nil }
        var i = bytes.count - n.count
        while i >= 0 {
            if bytes[i] == n[0], bytes[i..<i + n.count].elementsEqual(n) { return i }
            i -= 1
        }
        return nil
    }
}
