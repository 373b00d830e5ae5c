/// A request to show a named figure, chart or table, read from the cmark tree (never from
/// text run through a template engine):
///
/// - a fenced code block whose info string is `chart`, `table` or `figure`, with one name
///   per line (a `figure` block with several names shows them together);
/// - an inline code span that is exactly `{{name}}`, for a single value in a sentence.
///
/// Names are letters, digits, `_` and `.` (`members.total`). Whether a name exists is for
/// the caller to decide; this module only finds the requests and, when rendering, puts
/// the caller's HTML in their place.
public struct MarkdownEmbed: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case chart, table, figure
        /// `{{name}}` in running text.
        case inline
    }

    public var kind: Kind
    /// The names, in order, with the line and column each was written at (lines of the body).
    public var names: [Name]
    /// Where the block or span starts (lines of the body).
    public var line: Int
    public var column: Int

    public struct Name: Sendable, Hashable {
        public var name: String
        public var line: Int
        public var column: Int

        public init(name: String, line: Int, column: Int) {
            self.name = name
            self.line = line
            self.column = column
        }
    }

    public init(kind: Kind, names: [Name], line: Int = 0, column: Int = 0) {
        self.kind = kind
        self.names = names
        self.line = line
        self.column = column
    }

    /// The block kinds, by info string.
    static func blockKind(info: String) -> Kind? {
        let word = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
        switch word {
        case "chart": return .chart
        case "table": return .table
        case "figure": return .figure
        default: return nil
        }
    }

    /// `{{ members.total }}` → `members.total`; nil for any other code span.
    static func inlineName(_ code: String) -> String? {
        guard code.hasPrefix("{{"), code.hasSuffix("}}"), code.count > 4 else { return nil }
        let inner = code.dropFirst(2).dropLast(2).trimmingSpaces()
        guard !inner.isEmpty, inner.allSatisfy(isNameCharacter) else { return nil }
        return String(inner)
    }

    static func isNameCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "." || c == "-")
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s = s.dropLast() }
        return s
    }
}
