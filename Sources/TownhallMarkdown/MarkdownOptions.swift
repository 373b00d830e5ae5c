/// What the site lets Markdown do. Raw HTML is off unless `unsafe` is set.
public struct MarkdownOptions: Sendable, Hashable {
    /// Pass raw HTML and unsafe URLs (`javascript:`) through. Off by default.
    public var unsafe: Bool
    /// Curly quotes, en and em dashes, ellipses.
    public var smart: Bool
    /// Number `##` and `###` headings as §N and §N.M (handbook rules).
    public var numbered: Bool
    /// Leave out a leading `#` heading that already serves as the page title.
    public var dropLeadingTitle: Bool

    public init(unsafe: Bool = false, smart: Bool = true, numbered: Bool = false, dropLeadingTitle: Bool = false) {
        self.unsafe = unsafe
        self.smart = smart
        self.numbered = numbered
        self.dropLeadingTitle = dropLeadingTitle
    }
}
