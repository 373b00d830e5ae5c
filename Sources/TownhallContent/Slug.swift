/// URL segments made from titles, tags and file names.
public enum Slug {
    /// `Repair Cafés & Tea` → `repair-cafés-tea`: lowercase, letters and digits, single hyphens.
    public static func make(_ text: String) -> String {
        // ASCII text (each byte a `Character`) on its bytes: tags are slugged on every page
        // that shows them, a percent of a 10,000-page build the `Character` way.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            var pendingHyphen = false
            for b in text.utf8 {
                let lower: UInt8
                switch b {
                case 0x30...0x39, 0x61...0x7A: lower = b
                case 0x41...0x5A: lower = b + 32
                default:
                    pendingHyphen = true
                    continue
                }
                if pendingHyphen && !bytes.isEmpty { bytes.append(0x2D) }
                bytes.append(lower)
                pendingHyphen = false
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = ""
        var pendingHyphen = false
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                out.append(ch)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return out
    }

    /// A slug from front matter must stay one path segment inside the output.
    public static func isValid(_ slug: String) -> Bool {
        !slug.isEmpty && slug != "." && slug != ".." && !slug.contains("/") && !slug.contains("\\")
            && !slug.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }
}
