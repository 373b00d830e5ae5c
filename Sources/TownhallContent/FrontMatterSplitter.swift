import TownhallDiagnostics

/// Splits a Markdown file into its YAML front matter and body.
public struct SplitSource: Sendable, Hashable {
    /// The YAML between the fences, or nil when the file has no front matter.
    public var yaml: String?
    public var body: String
    /// Lines before the body starts (fences and YAML), to turn body lines into file lines.
    public var bodyLineOffset: Int
}

public enum FrontMatterSplitter {
    public static func split(_ text: String, file: String) -> Result<SplitSource, Diagnostic> {
        if text.hasPrefix("+++\n") || text == "+++" {
            return .failure(.error(
                "TOML front matter (+++) is not supported; expected YAML between --- lines",
                at: SourceLocation(file: file, line: 1, column: 1),
                notes: ["convert the front matter to YAML: `key = \"value\"` becomes `key: value`"]
            ))
        }
        guard text.hasPrefix("---\n") || text == "---" else {
            return .success(SplitSource(yaml: nil, body: text, bodyLineOffset: 0))
        }
        // Find a closing line that is exactly `---` (or `...`, YAML's document end).
        var line = 1
        var index = text.index(text.startIndex, offsetBy: 4, limitedBy: text.endIndex) ?? text.endIndex
        let yamlStart = index
        // Lines are found on the UTF-8 bytes (a line feed is always a `Character` of its own).
        let bytes = text.utf8
        while index < text.endIndex {
            line += 1
            let lineEnd = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex
            let content = bytes[index..<lineEnd]
            if content.elementsEqual("---".utf8) || content.elementsEqual("...".utf8) {
                let yaml = String(text[yamlStart..<index])
                let bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
                return .success(SplitSource(yaml: yaml, body: String(text[bodyStart...]), bodyLineOffset: line))
            }
            index = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
        }
        return .failure(.error(
            "front matter opened with --- is never closed; expected a line with only ---",
            at: SourceLocation(file: file, line: 1, column: 1)
        ))
    }
}
