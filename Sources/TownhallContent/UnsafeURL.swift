/// Front-matter values may end up in `href` or `src` attributes of a site's own templates,
/// where escaping does not stop `javascript:`. Such values are removed before templates
/// ever see them.
public enum UnsafeURL {
    static let schemes = ["javascript:", "vbscript:", "data:text/html", "data:application", "data:image/svg"]

    /// True when the text, as a browser would read it in an attribute (leading spaces and
    /// control characters ignored, any case, tabs and newlines inside removed), starts
    /// with a script-capable scheme.
    public static func isUnsafe(_ text: String) -> Bool {
        let folded = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })).lowercased()
        return schemes.contains { folded.hasPrefix($0) }
    }

    /// The value with unsafe strings replaced by null; `report` gets the path of each.
    static func strip(_ value: FrontMatterValue, path: [String] = [], report: ([String]) -> Void) -> FrontMatterValue {
        switch value {
        case .string(let s) where isUnsafe(s):
            report(path)
            return .null
        case .list(let items):
            return .list(items.enumerated().map { strip($0.element, path: path + [String($0.offset)], report: report) })
        case .map(let pairs):
            return .map(pairs.map { (key: $0.key, value: strip($0.value, path: path + [$0.key], report: report)) })
        default:
            return value
        }
    }
}
