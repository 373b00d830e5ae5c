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
        // Find a closing line that is exactly `---` (or `...`, YAML's document end), on the
        // UTF-8 bytes: a line feed is always a `Character` of its own, and walking the
        // string's views was a percent of reading a page.
        var text = text
        let close = text.withUTF8 { closingFence(in: $0) }
        if let close {
            let utf8 = text.utf8
            let yaml = String(text[utf8.index(utf8.startIndex, offsetBy: 4)..<utf8.index(utf8.startIndex, offsetBy: close.start)])
            let body = String(text[utf8.index(utf8.startIndex, offsetBy: close.bodyStart)...])
            return .success(SplitSource(yaml: yaml, body: body, bodyLineOffset: close.line))
        }
        return .failure(.error(
            "front matter opened with --- is never closed; expected a line with only ---",
            at: SourceLocation(file: file, line: 1, column: 1)
        ))
    }

    /// Where the line that closes the front matter starts, where the body after it starts
    /// (byte offsets), and its line number; nil when no line closes it.
    private static func closingFence(in bytes: UnsafeBufferPointer<UInt8>) -> (start: Int, bodyStart: Int, line: Int)? {
        var line = 1
        var start = 4
        while start < bytes.count {
            line += 1
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            if end - start == 3, bytes[start] == 0x2D || bytes[start] == 0x2E,
               bytes[start + 1] == bytes[start], bytes[start + 2] == bytes[start] {
                return (start, min(end + 1, bytes.count), line)
            }
            start = end + 1
        }
        return nil
    }
}
