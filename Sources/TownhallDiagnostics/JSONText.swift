/// Minimal JSON string quoting, shared by every module that writes JSON by hand so that
/// key order and number formats stay under our control (deterministic output).
public enum JSONText {
    public static func quote(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 2)
        append(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `quote(s)` appended as UTF-8 bytes.
    public static func append(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        appendEscaped(s, to: &out)
        out.append(0x22)
    }

    /// The inside of `quote(s)`: `"` and `\` escaped, control characters written as escapes,
    /// and `<`, `>` and `&` as `\u` escapes so JSON embedded in a <script> cannot close it,
    /// as can U+2028 and U+2029, which end a line in older JavaScript. Every character it
    /// escapes is ASCII but those two, found by their three bytes: a loop over the
    /// characters was half of writing the search index, whose excerpts hold curly quotes.
    public static func appendEscaped(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { bytes in
            let n = bytes.count
            var run = 0
            var i = 0
            while i < n {
                let c = bytes[i]
                if c >= 0x20, c != 0x22, c != 0x5C, c != 0x3C, c != 0x3E, c != 0x26, c != 0xE2 {
                    i += 1
                    continue
                }
                let width: Int
                let escape: String
                switch c {
                case 0xE2 where i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    (width, escape) = (3, bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                case 0xE2:
                    i += 1
                    continue
                case 0x22: (width, escape) = (1, "\\\"")
                case 0x5C: (width, escape) = (1, "\\\\")
                case 0x0A: (width, escape) = (1, "\\n")
                case 0x0D: (width, escape) = (1, "\\r")
                case 0x09: (width, escape) = (1, "\\t")
                case 0x3C: (width, escape) = (1, "\\u003c")
                case 0x3E: (width, escape) = (1, "\\u003e")
                case 0x26: (width, escape) = (1, "\\u0026")
                default:
                    let hex = String(c, radix: 16)
                    (width, escape) = (1, "\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                out.append(contentsOf: escape.utf8)
                i += width
                run = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<n]))
        }
    }
}
