/// A body rendered during the first pass, while its tree is parsed anyway, with a marker
/// where each link that may be rewritten writes its destination. Where those links lead is
/// only known once every page is read; `Markdown.fill` then writes them in, so a page's
/// Markdown is parsed once per build instead of twice.
public struct PrerenderedBody: Sendable {
    /// The HTML as `Markdown.render` writes it, but for the markers.
    let html: [UInt8]
    /// The links `render` passes to its `rewrite`, in that order, as indices into the
    /// analysis' links (a dropped leading title's links are not among them).
    public let links: [Int]
    let markers: [Marker]

    /// A marker stands for the destination of `links[link]`: bytes `start..<end` of `html`.
    struct Marker: Sendable {
        let start: Int
        let end: Int
        let link: Int
        /// For a citation (`[§](…)`), where its `§` is: the rewrite may give it text.
        let citation: Int?
    }

    /// Bytes in a marker's place before its number: U+0001 as cmark writes it in a URL.
    /// Only links that the first pass sets get it, as a page whose own links hold `%01` or
    /// U+0001 is not prerendered.
    static let prefix = Array("%01".utf8)
}

/// The body is made from the page's source, which pages compare by: two pages that are
/// equal otherwise have the same rendering, so it takes no part in comparing them.
extension PrerenderedBody: Hashable {
    public static func == (_: PrerenderedBody, _: PrerenderedBody) -> Bool { true }
    public func hash(into _: inout Hasher) {}
}
