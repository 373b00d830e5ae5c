import TownhallContent
import TownhallRender

/// A page as the rest of the site sees it: everything read from its file but the body and
/// what only its own output shows of the body (word count, search words, source
/// positions, which only diagnostics show and an editable page has none of). Two reads
/// with the same surface differ only in the values `PageSplice` replaces.
enum Surface {
    static func of(_ page: Page) -> UInt64 {
        var p = page
        p.body = ""
        p.analysis.wordCount = 0
        p.analysis.headings = p.analysis.headings.map { var h = $0; h.line = 0; return h }
        p.analysis.links = p.analysis.links.map { var l = $0; l.line = 0; l.column = 0; return l }
        p.searchKeywords = nil
        var w = ByteWriter()
        PageCodec.write(&w, p)
        var h = KeyHash()
        h.add(w.bytes)
        return h.value
    }
}
