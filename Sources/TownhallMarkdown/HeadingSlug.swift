import Foundation

/// GitHub-style heading ids: lowercase, letters and digits kept, spaces and hyphens become
/// `-`, other punctuation dropped. Stable across builds and across tools.
public enum HeadingSlug {
    public static func make(_ text: String) -> String {
        // Most headings are ASCII: their slug is made on bytes (each byte a `Character`),
        // the same as below; by `Character` it was 2 % of a 10,000-page build.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for b in text.utf8 {
                switch b {
                case 0x30...0x39, 0x61...0x7A, 0x5F: bytes.append(b)
                case 0x41...0x5A: bytes.append(b + 32)
                case 0x20, 0x2D: bytes.append(0x2D)
                default: break
                }
            }
            return bytes.isEmpty ? "section" : String(decoding: bytes, as: UTF8.self)
        }
        var out = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber || ch == "_" {
                out.append(ch)
            } else if ch == " " || ch == "-" {
                out.append("-")
            }
        }
        return out.isEmpty ? "section" : out
    }

    /// Splits `Title {#custom-id}` into the title and the explicit id.
    static func explicitID(in text: String) -> (text: String, id: String)? {
        guard text.hasSuffix("}"), let open = text.range(of: "{#", options: .backwards) else { return nil }
        let id = String(text[open.upperBound..<text.index(before: text.endIndex)])
        guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || "-_.:".contains($0) }) else { return nil }
        let title = text[..<open.lowerBound]
        return (String(title.reversed().drop(while: { $0 == " " }).reversed()), id)
    }
}
