/// URL segments made from titles, tags and file names.
public enum Slug {
    /// `Repair Cafés & Tea` → `repair-cafés-tea`: lowercase, letters and digits, single hyphens.
    public static func make(_ text: String) -> String {
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
