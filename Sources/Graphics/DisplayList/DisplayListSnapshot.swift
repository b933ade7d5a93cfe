/// A textual snapshot of a display list, one command per line, for cheap exact tests
/// (the cheapest, exact tier of the golden tests). Coordinates are printed with two decimals; paths as their bounding
/// box and number of sub-paths.
extension DisplayList {
    public var snapshot: String {
        var lines = ["canvas \(Self.num(size.width))x\(Self.num(size.height))"]
        for c in commands { lines.append(Self.describe(c)) }
        return lines.joined(separator: "\n")
    }

    static func num(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        if r == r.rounded() { return String(Int(r)) }
        var s = String(format2: r)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }

    static func box(_ p: Path) -> String {
        guard let b = p.bounds else { return "empty" }
        return "[\(num(b.x)),\(num(b.y)) \(num(b.width))x\(num(b.height))] subpaths=\(p.subpathCount)"
    }

    static func describe(_ c: DrawCommand) -> String {
        switch c {
        case .fill(let p, let color, let rule):
            "fill \(color.hex) \(rule == .evenOdd ? "evenodd" : "nonzero") \(box(p))"
        case .stroke(let p, let s): "stroke \(s.color.hex) w=\(num(s.width)) \(box(p))"
        case .text(let string, let o, let w, let st):
            "text \"\(string)\" at \(num(o.x)),\(num(o.y)) width=\(w.map(num) ?? "-") \(st.family) \(num(st.size))"
                + "\(st.weight == .bold ? " bold" : "")\(st.italic ? " italic" : "") \(st.alignment) \(st.color.hex)"
        case .save: "save"
        case .restore: "restore"
        case .clip(let p, _): "clip \(box(p))"
        case .bookmark(let t, let level): "bookmark \"\(t)\" level=\(level)"
        }
    }
}

extension String {
    /// Two-decimal fixed formatting without Foundation.
    init(format2 v: Double) {
        let cents = Int((abs(v) * 100).rounded())
        let frac = cents % 100
        self = (v < 0 ? "-" : "") + String(cents / 100) + "." + (frac < 10 ? "0" : "") + String(frac)
    }
}
