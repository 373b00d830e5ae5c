import Foundation

/// GitHub-style heading ids: lowercase, letters and digits kept, spaces and hyphens become
/// `-`, other punctuation dropped. Stable across builds and across tools.
public enum HeadingSlug {
    public static func make(_ text: String) -> String {
        // Most headings are ASCII: their slug is made on bytes (each byte a `Character`),
        // the same as below; by `Character` it was 2 % of a 10,000-page build.
        var text = text
        if let slug = text.withUTF8({ asciiSlug($0) }) { return slug }
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

    /// The slug of ASCII text, written straight into the string; nil when the text is not
    /// all ASCII.
    private static func asciiSlug(_ text: UnsafeBufferPointer<UInt8>) -> String? {
        for b in text where b >= 0x80 { return nil }
        let slug = String(unsafeUninitializedCapacity: text.count) { out in
            var n = 0
            for b in text {
                switch b {
                case 0x30...0x39, 0x61...0x7A, 0x5F: out[n] = b
                case 0x41...0x5A: out[n] = b + 32
                case 0x20, 0x2D: out[n] = 0x2D
                default: continue
                }
                n += 1
            }
            return n
        }
        return slug.isEmpty ? "section" : slug
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
