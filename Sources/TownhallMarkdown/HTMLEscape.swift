/// Escaping for HTML text and attribute values.
public enum HTMLEscape {
    public static func text(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        append(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public static func attribute(_ s: String) -> String { text(s) }

    /// `text(s)` appended as UTF-8 bytes: the five characters it escapes are ASCII, so they
    /// are found a byte at a time, and the runs between them are copied whole (appending a
    /// byte at a time was most of the cost of a page's heading anchors).
    static func append(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { append($0, to: &out) }
    }

    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var run = 0
        for (i, b) in bytes.enumerated() {
            let entity: StaticString
            switch b {
            case 38: entity = "&amp;"
            case 60: entity = "&lt;"
            case 62: entity = "&gt;"
            case 34: entity = "&quot;"
            case 39: entity = "&#39;"
            default: continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
            out.append(literal: entity)
            run = i + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
    }
}

extension Array where Element == UInt8 {
    /// Appends a literal's UTF-8 bytes in one copy.
    @inline(__always)
    mutating func append(literal: StaticString) {
        literal.withUTF8Buffer { append(contentsOf: $0) }
    }
}
