/// A heading of a Markdown document, with the id and number the renderer gives it.
public struct Heading: Sendable, Hashable {
    public var level: Int
    /// The heading's text without markup and without a trailing `{#id}`.
    public var text: String
    /// Unique within the document: explicit `{#id}` or a slug of the text.
    public var id: String
    /// `3.2` on numbered pages for `##`/`###` headings, else nil.
    public var number: String?
    /// `s3-2`, a second anchor for the rule number, else nil.
    public var numberAnchor: String?
    /// 1-based line in the Markdown body.
    public var line: Int

    public init(level: Int, text: String, id: String, number: String? = nil, numberAnchor: String? = nil, line: Int) {
        self.level = level
        self.text = text
        self.id = id
        self.number = number
        self.numberAnchor = numberAnchor
        self.line = line
    }

    /// `§3.2 Title` for numbered headings, the plain text otherwise.
    public var citation: String {
        if let number { return "§\(number) \(text)" }
        return text
    }
}
