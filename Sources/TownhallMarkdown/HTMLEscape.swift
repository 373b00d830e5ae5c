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
    /// are found a byte at a time.
    static func append(_ s: String, to out: inout [UInt8]) {
        for b in s.utf8 {
            switch b {
            case 38: out += "&amp;".utf8
            case 60: out += "&lt;".utf8
            case 62: out += "&gt;".utf8
            case 34: out += "&quot;".utf8
            case 39: out += "&#39;".utf8
            default: out.append(b)
            }
        }
    }
}
