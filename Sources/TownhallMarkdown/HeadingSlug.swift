import Foundation

/// GitHub-style heading ids: lowercase, letters and digits kept, spaces and hyphens become
/// `-`, other punctuation dropped. Stable across builds and across tools.
public enum HeadingSlug {
    public static func make(_ text: String) -> String {
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
