import TownhallContent

/// A figure as it may be published: privacy already applied, written the same way on
/// pages, in CSV and in JSON.
///
/// | value | page | CSV | JSON |
/// | --- | --- | --- | --- |
/// | `integer(1204)` | `1,204` | `1204` | `1204` |
/// | `fraction(0.5714)` | `57%` | `0.5714` | `0.5714` |
/// | `decimal(4.25, 1)` | `4.3` | `4.3` | `4.3` |
/// | `date` | `2026-10-31` | `2026-10-31` | `"2026-10-31"` |
/// | `text` | as is | as is | a string |
/// | `withheld` | `fewer than 5` | `fewer than 5` | `"fewer than 5"` |
/// | `undefined` (0/0, nothing counted) | `—` | `—` | `null` |
/// | `blank` (not yet: a cohort too young) | empty | empty | `null` |
public enum FigureValue: Sendable, Hashable {
    case integer(Int)
    /// A share or rate, 0…1 (may exceed 1: capacity fill of an overbooked event).
    case fraction(Double)
    case decimal(Double, places: Int)
    case date(CalendarDate)
    case text(String)
    /// A figure about fewer people than `min_group_size`.
    case withheld
    /// No value: a division by zero, or nothing to count.
    case undefined
    /// A cell with nothing in it yet.
    case blank

    /// How a page writes it. `k` is the privacy threshold, for "fewer than k".
    public func pageText(k: Int) -> String {
        switch self {
        case .integer(let n): return Self.grouped(n)
        case .fraction(let v): return Self.fixed(v * 100, places: 0) + "%"
        case .decimal(let v, let places): return Self.fixed(v, places: places)
        case .date(let d): return d.description
        case .text(let s): return s
        case .withheld: return "fewer than \(k)"
        case .undefined: return "—"
        case .blank: return ""
        }
    }

    /// How a CSV cell writes it: plain digits, fractions with four decimals.
    public func csvText(k: Int) -> String {
        switch self {
        case .integer(let n): return String(n)
        case .fraction(let v): return Self.fixed(v, places: 4)
        case .decimal(let v, let places): return Self.fixed(v, places: places)
        case .date, .text, .withheld, .undefined, .blank: return pageText(k: k)
        }
    }

    /// A JSON literal (strings quoted and escaped).
    public func json(k: Int) -> String {
        switch self {
        case .integer(let n): return String(n)
        case .fraction(let v): return Self.fixed(v, places: 4)
        case .decimal(let v, let places): return Self.fixed(v, places: places)
        case .date(let d): return JSONText.string(d.description)
        case .text(let s): return JSONText.string(s)
        case .withheld: return JSONText.string("fewer than \(k)")
        case .undefined, .blank: return "null"
        }
    }

    /// The number, if it is one (for charts).
    public var number: Double? {
        switch self {
        case .integer(let n): return Double(n)
        case .fraction(let v), .decimal(let v, _): return v
        default: return nil
        }
    }

    /// `value` rounded half away from zero to `places` decimals, with no exponent, no "-0"
    /// and no locale: the same bytes on every machine.
    public static func fixed(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "—" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 9e15 else { return String(Int(value)) }
        let n = Int(scaled)
        let digits = String(n.magnitude)
        let sign = n < 0 ? "-" : ""
        guard places > 0 else { return sign + digits }
        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        return sign + padded.dropLast(places) + "." + padded.suffix(places)
    }

    /// Thousands separated by commas: `1,204`. Made on the digits' bytes: tables of the
    /// statistics pages hold tens of thousands of numbers.
    public static func grouped(_ n: Int) -> String {
        let digits = Array(String(n.magnitude).utf8)
        var out: [UInt8] = n < 0 ? [UInt8(ascii: "-")] : []
        out.reserveCapacity(digits.count + digits.count / 3 + 1)
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(UInt8(ascii: ",")) }
            out.append(digit)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// JSON string literals.
public enum JSONText {
    public static func string(_ s: String) -> String {
        // Most strings need no escape: check the bytes once and copy them whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) { return "\"" + s + "\"" }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// HTML text and attribute escaping.
enum HTML {
    /// Text without `& < > " '` is returned as it is, found on its bytes: going through
    /// every `Character` of every cell was most of the time of the statistics pages.
    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return s }
        // By `Character`, as always: one that joins a mark to `&` is not escaped.
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
