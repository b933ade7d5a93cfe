/// Number parsing straight from CSV field bytes, so numeric columns never become `String`s.
enum FieldParsing {
    /// Powers of ten that are exact in a `Double` (10^0 … 10^22).
    private static let exactPowersOfTen: [Double] = (0...22).map { k in
        var v = 1.0
        for _ in 0..<k { v *= 10 }
        return v
    }

    /// An optionally signed decimal integer (`-12`, `1102830633`); nil for anything else or on overflow.
    @inline(__always)
    static func int64(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        var i = 0
        let n = bytes.count
        guard n > 0 else { return nil }
        var negative = false
        if bytes[0] == UInt8(ascii: "-") {
            negative = true
            i = 1
        }
        guard i < n else { return nil }
        var value: Int64 = 0
        if n - i <= 18 {
            // 18 digits cannot overflow an Int64 (max 9,223,372,036,854,775,807).
            while i < n {
                let d = bytes[i] &- 48
                guard d < 10 else { return nil }
                value = value &* 10 &+ Int64(d)
                i += 1
            }
            return negative ? -value : value
        }
        while i < n {
            let d = bytes[i] &- 48
            guard d < 10 else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int64(d))
            guard !o1, !o2 else { return nil }
            value = s
            i += 1
        }
        return negative ? -value : value
    }

    /// The result of reading a plain decimal number.
    enum Decimal: Equatable {
        case value(Double)
        case negative
        case notANumber
    }

    /// A plain decimal (`100`, `0.2`, `.5`, `-3`): digits with an optional fraction and an optional
    /// leading minus. No exponent, no spaces, no thousands separators.
    ///
    /// Up to 15 significant digits are combined into an exact integer and divided once by an exact
    /// power of ten, so the result is the correctly rounded `Double` (the same as `strtod`).
    @inline(__always)
    static func decimal(_ bytes: UnsafeRawBufferPointer) -> Decimal {
        let n = bytes.count
        var i = 0
        var negative = false
        if n > 0, bytes[0] == UInt8(ascii: "-") {
            negative = true
            i = 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var seenPoint = false
        while i < n {
            let c = bytes[i]
            if c == UInt8(ascii: ".") {
                guard !seenPoint else { return .notANumber }
                seenPoint = true
            } else {
                let d = c &- 48
                guard d < 10 else { return .notANumber }
                guard digits < 15 else { return slowDecimal(bytes) }
                mantissa = mantissa * 10 + UInt64(d)
                digits += 1
                if seenPoint { fractionDigits += 1 }
            }
            i += 1
        }
        guard digits > 0 else { return .notANumber }
        if negative { return mantissa == 0 ? .value(0) : .negative }
        return .value(fractionDigits == 0 ? Double(mantissa) : Double(mantissa) / exactPowersOfTen[fractionDigits])
    }

    /// A plain decimal with an optional leading minus (`-91.4191292`, a longitude), correctly rounded as
    /// `decimal` gives it; nil for anything else.
    @inline(__always)
    static func signedDecimal(_ bytes: UnsafeRawBufferPointer) -> Double? {
        if bytes.count > 1, bytes[0] == UInt8(ascii: "-") {
            guard case .value(let v) = decimal(UnsafeRawBufferPointer(rebasing: bytes[1...])) else { return nil }
            return -v
        }
        guard case .value(let v) = decimal(bytes) else { return nil }
        return v
    }

    /// Numbers with more than 15 significant digits: rare, left to the standard library.
    private static func slowDecimal(_ bytes: UnsafeRawBufferPointer) -> Decimal {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 45 }),
            let v = Double(text)
        else { return .notANumber }
        return v < 0 ? .negative : .value(v)
    }

    /// Whether every byte is an ASCII digit and there are exactly `count` of them.
    @inline(__always)
    static func isDigits(_ bytes: UnsafeRawBufferPointer, count: Int) -> Bool {
        guard bytes.count == count else { return false }
        for b in bytes where b &- 48 >= 10 { return false }
        return true
    }

    /// A field's text for an error message, shortened so a broken line cannot flood the terminal.
    static func quoted(_ bytes: UnsafeRawBufferPointer) -> String {
        let limit = 40
        let text = String(decoding: bytes.prefix(limit), as: UTF8.self)
        return "\"" + text + (bytes.count > limit ? "…" : "") + "\""
    }
}
