import Foundation
import TownhallContent
import TownhallDiagnostics
import TownhallMarkdown

/// `ByteWriter`/`ByteReader` forms of the cached page model. Field order is the format:
/// change it together with `BuildCache.formatVersion`.
enum PageCodec {
    static func write(_ w: inout ByteWriter, _ e: PageCacheEntry) {
        w.int(Int(bitPattern: UInt(e.signature)))
        write(&w, e.page)
        w.array(e.diagnostics) { w, d in write(&w, d) }
    }

    static func readEntry(_ r: inout ByteReader) throws -> PageCacheEntry {
        let signature = UInt64(UInt(bitPattern: try r.int()))
        let page = try readPage(&r)
        let diagnostics = try r.array { try readDiagnostic(&$0) }
        return PageCacheEntry(signature: signature, page: page, diagnostics: diagnostics)
    }

    /// With `surface`, the page as `Surface.of` sees it: the bytes of a copy with its body,
    /// word count, source positions and search words cleared, written without that copy.
    static func write(_ w: inout ByteWriter, _ p: Page, surface: Bool = false) {
        w.string(p.kind.rawValue)
        w.string(p.sourcePath)
        w.string(p.displayPath)
        w.string(p.sectionPath)
        write(&w, p.frontMatter)
        w.string(p.title)
        w.string(p.description)
        w.string(surface ? "" : p.body)
        w.int(p.bodyLineOffset)
        w.string(p.url)
        let o = p.markdownOptions
        for flag in [o.unsafe, o.smart, o.numbered, o.dropLeadingTitle] { w.bool(flag) }
        let a = p.analysis
        w.array(a.headings) { w, h in
            w.int(h.level); w.string(h.text); w.string(h.id)
            w.optional(h.number) { $0.string($1) }
            w.optional(h.numberAnchor) { $0.string($1) }
            w.int(surface ? 0 : h.line)
        }
        w.array(a.links) { w, l in
            w.string(l.url); w.bool(l.isImage); w.bool(l.isCitation); w.int(surface ? 0 : l.line); w.int(surface ? 0 : l.column)
        }
        w.optional(a.leadingTitle) { $0.string($1) }
        w.optional(a.firstParagraph) { $0.string($1) }
        w.int(surface ? 0 : a.wordCount)
        w.array(a.embeds) { w, e in
            w.string(e.kind.rawValue); w.int(e.line); w.int(e.column)
            w.array(e.names) { w, n in w.string(n.name); w.int(n.line); w.int(n.column) }
        }
        w.optional(p.frontMatterYAML) { $0.string($1) }
        w.optional(surface ? nil : p.searchKeywords) { w, k in
            w.string(k.title); w.string(k.description); w.string(k.text)
        }
    }

    static func readPage(_ r: inout ByteReader) throws -> Page {
        guard let kind = Page.Kind(rawValue: try r.string()) else { throw ByteReader.Corrupt() }
        let sourcePath = try r.string(), displayPath = try r.string(), sectionPath = try r.string()
        let fm = try readFrontMatter(&r)
        let title = try r.string(), description = try r.string(), body = try r.string()
        let offset = try r.int()
        let url = try r.string()
        let options = MarkdownOptions(unsafe: try r.bool(), smart: try r.bool(), numbered: try r.bool(), dropLeadingTitle: try r.bool())
        let headings = try r.array { r in
            Heading(level: try r.int(), text: try r.string(), id: try r.string(),
                    number: try r.optional { try $0.string() }, numberAnchor: try r.optional { try $0.string() }, line: try r.int())
        }
        let links = try r.array { r in
            MarkdownLink(url: try r.string(), isImage: try r.bool(), isCitation: try r.bool(), line: try r.int(), column: try r.int())
        }
        let leadingTitle = try r.optional { try $0.string() }
        let firstParagraph = try r.optional { try $0.string() }
        let wordCount = try r.int()
        let embeds = try r.array { r -> MarkdownEmbed in
            guard let kind = MarkdownEmbed.Kind(rawValue: try r.string()) else { throw ByteReader.Corrupt() }
            let line = try r.int(), column = try r.int()
            let names = try r.array { r in MarkdownEmbed.Name(name: try r.string(), line: try r.int(), column: try r.int()) }
            return MarkdownEmbed(kind: kind, names: names, line: line, column: column)
        }
        let analysis = MarkdownAnalysis(
            headings: headings, links: links, leadingTitle: leadingTitle,
            firstParagraph: firstParagraph, wordCount: wordCount, embeds: embeds)
        let yaml = try r.optional { try $0.string() }
        let keywords = try r.optional { r in
            SearchKeywords(title: try r.string(), description: try r.string(), text: try r.string())
        }
        var page = Page(
            kind: kind, sourcePath: sourcePath, displayPath: displayPath, sectionPath: sectionPath,
            frontMatter: fm, title: title, description: description, body: body, bodyLineOffset: offset,
            url: url, markdownOptions: options, analysis: analysis, frontMatterYAML: yaml)
        page.searchKeywords = keywords
        return page
    }

    static func write(_ w: inout ByteWriter, _ fm: FrontMatter) {
        w.optional(fm.title) { $0.string($1) }
        w.optional(fm.description) { $0.string($1) }
        w.optional(fm.weight) { $0.int($1) }
        for date in [fm.date, fm.updated, fm.reviewed] { w.optional(date) { $0.string($1.description) } }
        w.bool(fm.draft)
        w.optional(fm.slug) { $0.string($1) }
        w.array(fm.tags) { $0.string($1) }
        w.optional(fm.layout) { $0.string($1) }
        w.optional(fm.toc) { $0.bool($1) }
        w.bool(fm.numbered)
        // Sorted as pairs: looking each sorted key up again hashed it a second time.
        w.array(fm.params.sorted { $0.key < $1.key }) { w, pair in w.string(pair.key); write(&w, pair.value) }
        w.array(fm.keyLocations.sorted { $0.key < $1.key }) { w, pair in w.string(pair.key); write(&w, pair.value) }
    }

    static func readFrontMatter(_ r: inout ByteReader) throws -> FrontMatter {
        var fm = FrontMatter()
        fm.title = try r.optional { try $0.string() }
        fm.description = try r.optional { try $0.string() }
        fm.weight = try r.optional { try $0.int() }
        func date(_ r: inout ByteReader) throws -> CalendarDate? {
            try r.optional { r in
                guard let d = CalendarDate(iso: try r.string()) else { throw ByteReader.Corrupt() }
                return d
            }
        }
        fm.date = try date(&r)
        fm.updated = try date(&r)
        fm.reviewed = try date(&r)
        fm.draft = try r.bool()
        fm.slug = try r.optional { try $0.string() }
        fm.tags = try r.array { try $0.string() }
        fm.layout = try r.optional { try $0.string() }
        fm.toc = try r.optional { try $0.bool() }
        fm.numbered = try r.bool()
        for (k, v) in try r.array({ r in (try r.string(), try readValue(&r)) }) { fm.params[k] = v }
        for (k, v) in try r.array({ r in (try r.string(), try readLocation(&r)) }) { fm.keyLocations[k] = v }
        return fm
    }

    static func write(_ w: inout ByteWriter, _ v: FrontMatterValue) {
        switch v {
        case .string(let s): w.int(0); w.string(s)
        case .int(let i): w.int(1); w.int(i)
        case .double(let d): w.int(2); w.double(d)
        case .bool(let b): w.int(3); w.bool(b)
        case .list(let l): w.int(4); w.array(l) { write(&$0, $1) }
        case .map(let m): w.int(5); w.array(m) { w, pair in w.string(pair.key); write(&w, pair.value) }
        case .null: w.int(6)
        }
    }

    static func readValue(_ r: inout ByteReader) throws -> FrontMatterValue {
        switch try r.int() {
        case 0: return .string(try r.string())
        case 1: return .int(try r.int())
        case 2: return .double(try r.double())
        case 3: return .bool(try r.bool())
        case 4: return .list(try r.array { try readValue(&$0) })
        case 5: return .map(try r.array { r in (key: try r.string(), value: try readValue(&r)) })
        case 6: return .null
        default: throw ByteReader.Corrupt()
        }
    }

    static func write(_ w: inout ByteWriter, _ l: SourceLocation) {
        w.string(l.file); w.int(l.line); w.int(l.column)
    }

    static func readLocation(_ r: inout ByteReader) throws -> SourceLocation {
        SourceLocation(file: try r.string(), line: try r.int(), column: try r.int())
    }

    static func write(_ w: inout ByteWriter, _ d: Diagnostic) {
        w.bool(d.severity == .error)
        w.string(d.message)
        write(&w, d.location)
        w.array(d.notes) { $0.string($1) }
    }

    static func readDiagnostic(_ r: inout ByteReader) throws -> Diagnostic {
        let severity: Diagnostic.Severity = try r.bool() ? .error : .warning
        return Diagnostic(severity, try r.string(), at: try readLocation(&r), notes: try r.array { try $0.string() })
    }

    static func write(_ w: inout ByteWriter, _ url: String, _ c: PageCheck) {
        w.string(url)
        w.int(Int(bitPattern: UInt(c.key)))
        w.array(c.diagnostics) { write(&$0, $1) }
        w.int(Int(bitPattern: UInt(c.links)))
    }

    static func readCheck(_ r: inout ByteReader) throws -> (String, PageCheck) {
        let url = try r.string()
        let key = UInt64(UInt(bitPattern: try r.int()))
        let diagnostics = try r.array { try readDiagnostic(&$0) }
        return (url, PageCheck(key: key, diagnostics: diagnostics, links: UInt64(UInt(bitPattern: try r.int()))))
    }

    static func write(_ w: inout ByteWriter, _ l: SearchLine) {
        w.string(l.url)
        w.int(Int(bitPattern: UInt(l.key)))
        w.string(l.text)
        w.int(Int(bitPattern: UInt(l.hash)))
    }

    static func readSearchLine(_ r: inout ByteReader) throws -> SearchLine {
        SearchLine(url: try r.string(), key: UInt64(UInt(bitPattern: try r.int())), text: try r.string(), hash: UInt64(UInt(bitPattern: try r.int())))
    }
}
