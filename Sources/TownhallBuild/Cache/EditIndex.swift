import Foundation
import TownhallContent
import TownhallMarkdown
import TownhallRender
import TownhallTemplates

/// What the next build needs to apply an edit to a few pages' bodies without loading the
/// site (see `QuickEdit`): for every page that can be edited so, where its source is in
/// the content listing and the source's signature, and, read only for the pages an edit
/// touched, a `Detail`: where its output is, its keys, its search line's place, and the
/// `PageSplice` its last rendering recorded. Kept in an `.edits` file beside the cache file
/// (see `EditIndexFile`), which names its generation and length.
struct EditIndex: Sendable {
    struct Entry: Sendable, Equatable {
        /// The place of the page's source in the content listing (`FileTree.list`): `rest`
        /// covers every path of the listing in order, so an equal `rest` means the same place.
        var listingIndex: Int
        /// The listing's `FileSignature` of the source when it was last read.
        var signature: UInt64
    }

    struct Detail: Sendable, Equatable {
        var sourcePath: String
        var outputPath: String
        var url: String
        /// `PageKeys.fields` and `SiteRenderer.contextKey` of the page: its render key is
        /// made from them and its source signature.
        var fields: UInt64
        var context: UInt64
        /// The page's place in the search index (reading order), -1 when it has none.
        var searchPosition: Int
        var sectionTitle: String
        var recording: Recording
    }

    /// What a rendering recorded, valid as long as the page renders under the same key.
    struct Recording: Sendable, Equatable {
        var renderKey: UInt64
        /// `Surface.of` the page as read.
        var surface: UInt64
        var splice: PageSplice
    }

    /// `InputSignature.rest` of the build: everything it read but these pages' sources.
    var rest: UInt64 = 0
    var unsafe = false
    var smart = false
    var asOf = ""
    var asOfSource = ""
    var basePath = "/"
    /// Each search line's hash, in reading order (empty when the site has no search).
    var searchLineHashes: [UInt64] = []
    /// By listing index.
    var entries: [Entry] = []
    /// Encoded details held in memory (all of them for an index a build made; those an edit
    /// changed for one read from its file), by entry.
    var details: [ArraySlice<UInt8>?] = []
    /// The file the index was read from, which holds the details not in memory.
    var file: EditIndexFile?
    /// What changed since it was read: appended to its file on save.
    var changedEntries: [Int] = []
    var changedLines: [Int] = []

    static func location(forCache url: URL) -> URL {
        url.deletingPathExtension().appendingPathExtension("edits")
    }

    /// Entry `k`'s detail, encoded.
    func detail(_ k: Int) -> ArraySlice<UInt8>? {
        if let bytes = details[k] { return bytes }
        return file?.detail(at: k)
    }

    /// Every entry's detail, encoded; nil when the file cannot be read.
    func allDetails() -> [ArraySlice<UInt8>]? {
        guard details.contains(where: { $0 == nil }) else { return details.map { $0! } }
        guard let area = file?.details() else { return nil }
        return entries.indices.map { k in details[k] ?? area[k] }
    }

    mutating func update(_ k: Int, signature: UInt64, detail: Detail) {
        entries[k].signature = signature
        details[k] = Self.encode(detail)
        changedEntries.append(k)
    }

    mutating func updateLine(_ position: Int, hash: UInt64) {
        searchLineHashes[position] = hash
        changedLines.append(position)
    }

    // MARK: - Details

    static func encode(_ d: Detail) -> ArraySlice<UInt8> {
        var w = ByteWriter()
        w.string(d.sourcePath); w.string(d.outputPath); w.string(d.url)
        for n in [d.fields, d.context] { w.int(Int(bitPattern: UInt(n))) }
        w.int(d.searchPosition); w.string(d.sectionTitle)
        w.blob(encode(d.recording))
        return w.bytes[...]
    }

    static func decode(_ bytes: ArraySlice<UInt8>) -> Detail? {
        var r = ByteReader(Array(bytes))
        return try? Detail(
            sourcePath: r.string(), outputPath: r.string(), url: r.string(),
            fields: UInt64(UInt(bitPattern: r.int())), context: UInt64(UInt(bitPattern: r.int())),
            searchPosition: r.int(), sectionTitle: r.string(), recording: decodeRecording(r.blob()))
    }

    static func encode(_ rec: Recording) -> [UInt8] {
        var w = ByteWriter()
        for n in [rec.renderKey, rec.surface] { w.int(Int(bitPattern: UInt(n))) }
        w.array(rec.splice.slots) { w, s in w.string(s.name); w.int(s.offset); w.int(s.length); w.bool(s.escaped) }
        w.array(rec.splice.links) { w, l in
            w.string(l.url); w.bool(l.isImage); w.bool(l.isCitation)
            w.optional(l.rewrite) { w, r in w.string(r.url); w.optional(r.citationText) { $0.string($1) } }
        }
        return w.bytes
    }

    static func decodeRecording(_ bytes: [UInt8]) throws -> Recording {
        var r = ByteReader(bytes)
        let renderKey = UInt64(UInt(bitPattern: try r.int())), surface = UInt64(UInt(bitPattern: try r.int()))
        let slots = try r.array { r in
            TemplateSlot(name: try r.string(), offset: try r.int(), length: try r.int(), escaped: try r.bool())
        }
        let links = try r.array { r in
            PageSplice.Link(
                url: try r.string(), isImage: try r.bool(), isCitation: try r.bool(),
                rewrite: try r.optional { r in LinkRewrite(url: try r.string(), citationText: try r.optional { try $0.string() }) })
        }
        return Recording(renderKey: renderKey, surface: surface, splice: PageSplice(slots: slots, links: links))
    }
}

extension EditIndex {
    /// A page an edit may be applied to alone, as read from its file.
    struct Editable: Sendable {
        var page: Page
        /// Its signature in the pages cache (`FileSignature` mixed with the read options).
        var signature: UInt64
    }

    /// For each page of the site, whether `QuickEdit` may apply an edit to it: a plain page
    /// read from a file, with no warnings, no figures, not drawn from the data.
    static func editable(
        _ site: SiteContent, renderer: SiteRenderer, read: [String: PageCacheEntry], checks: [PageCheck], threads: Int
    ) -> [Editable?] {
        Array(site.pages.indices).concurrentMap(threads: threads) { i in
            let page = site.pages[i]
            guard page.kind == .page, !page.sourcePath.isEmpty, let entry = read[page.sourcePath],
                  entry.diagnostics.isEmpty, checks[i].diagnostics.isEmpty, page.analysis.embeds.isEmpty,
                  !renderer.isFromData(i) else { return nil }
            return Editable(page: entry.page, signature: entry.signature)
        }
    }

    /// The index after a build: the editable pages with a recording, this build's (`recorded`,
    /// by page index) or the last build's when the page kept its render key.
    static func make(
        _ site: SiteContent, editable: [Editable?], recorded: [Int: Recording], previous: EditIndex?,
        keys: [UInt64], contexts: [UInt64], searchLines: [SearchLine],
        options: BuildOptions, listing: [FileTree.Entry], templates: UInt64, asOf: (date: String, source: String)
    ) -> EditIndex {
        let config = site.config
        var index = EditIndex()
        (index.unsafe, index.smart, index.basePath) = (config.markdownUnsafe, config.markdownSmart, config.basePath)
        (index.asOf, index.asOfSource) = asOf
        let bits = ContentLoader(root: options.content, displayRoot: options.contentDisplay)
            .signatureBits(MarkdownOptions(unsafe: config.markdownUnsafe, smart: config.markdownSmart))
        index.searchLineHashes = searchLines.map(\.hash)
        var position: [Int: Int] = [:]
        if !searchLines.isEmpty {
            for (p, i) in site.readingOrder.enumerated() { position[i] = p }
        }
        var listed: [String: Int] = [:]
        for (i, entry) in listing.enumerated() { listed[entry.path] = i }
        // The last build's recordings, by source path.
        var old: [String: Recording] = [:]
        for bytes in previous?.allDetails() ?? [] {
            if let detail = decode(bytes) { old[detail.sourcePath] = detail.recording }
        }
        var made: [(entry: Entry, detail: ArraySlice<UInt8>)] = []
        for i in site.pages.indices {
            guard let item = editable[i], let at = listed[site.pages[i].sourcePath] else { continue }
            let page = site.pages[i]
            guard let recording = recorded[i] ?? old[page.sourcePath].flatMap({ $0.renderKey == keys[i] ? $0 : nil }) else { continue }
            let detail = Detail(
                sourcePath: page.sourcePath, outputPath: page.url + "index.html", url: page.url,
                fields: PageKeys.fields(page), context: contexts[i],
                searchPosition: position[i] ?? -1, sectionTitle: SearchIndex.sectionTitle(site, page), recording: recording)
            made.append((Entry(listingIndex: at, signature: item.signature ^ bits), encode(detail)))
        }
        made.sort { $0.entry.listingIndex < $1.entry.listingIndex }
        index.entries = made.map(\.entry)
        index.details = made.map(\.detail)
        index.rest = InputSignature.rest(options, content: listing, templates: templates, pages: index.entries.map(\.listingIndex))
        return index
    }
}
