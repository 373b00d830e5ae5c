import TownhallContent
import TownhallRender

/// A page as the rest of the site sees it: everything read from its file but the body and
/// what only its own output shows of the body (word count, search words, source
/// positions, which only diagnostics show and an editable page has none of). Two reads
/// with the same surface differ only in the values `PageSplice` replaces.
enum Surface {
    static func of(_ page: Page) -> UInt64 {
        var w = ByteWriter()
        PageCodec.write(&w, page, surface: true)
        var h = KeyHash()
        h.add(w.bytes)
        return h.value
    }
}
