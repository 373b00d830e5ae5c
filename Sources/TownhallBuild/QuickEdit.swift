import Foundation
import TownhallContent
import TownhallDiagnostics
import TownhallMarkdown
import TownhallRender
import TownhallTemplates

/// The rebuild after an edit to the bodies of a few pages, without loading the site.
///
/// When nothing but the contents of some pages' sources changed (`InputSignature.rest`),
/// and each page read again shows the rest of the site exactly what it showed before (its
/// `Surface`), then no other page's output changes, and the page's own output is the old
/// one with the values its body makes (content, word count, reading time) put in the
/// places its last rendering recorded (`PageSplice`). The search index changes in the
/// page's line only. Anything else (a new page, a retitle, a link added, a warning, a
/// figure, a page drawn from the data) makes `apply` decline, and the build runs whole.
/// The result is the same bytes and the same cache a whole build would make: the tests
/// compare the two after each kind of edit.
enum QuickEdit {
    /// More changed pages than this are cheaper to build with the whole site.
    static let maxPages = 16

    /// The build's result, or nil when the edit needs the whole site. `previous` reads a
    /// file of the last build's output (by output path), checked against the cache's
    /// manifest unless `previousIsExact`; `incremental` says whether that output is intact.
    static func apply(
        options: BuildOptions, cache: BuildCache, listing: [FileTree.Entry], templates: UInt64, signature: UInt64,
        incremental: () -> Bool, previous: (String) -> Data?, previousIsExact: Bool = false
    ) -> BuildResult? {
        guard let index = cache.edits, index.entries.allSatisfy({ $0.listingIndex < listing.count }),
              InputSignature.rest(options, content: listing, templates: templates, pages: index.entries.map(\.listingIndex)) == index.rest
        else { return nil }
        var changed: [(entry: Int, signature: UInt64)] = []
        for (k, entry) in index.entries.enumerated() {
            let signature = listing[entry.listingIndex].signature
            guard signature != entry.signature else { continue }
            guard changed.count < maxPages, signature != 0 else { return nil }
            changed.append((k, signature))
        }
        guard !changed.isEmpty else { return nil }

        let loader = ContentLoader(root: options.content, displayRoot: options.contentDisplay, includeDrafts: options.includeDrafts)
        let markdown = MarkdownOptions(unsafe: index.unsafe, smart: index.smart)
        let bits = loader.signatureBits(markdown)
        var edits: [(entry: Int, signature: UInt64, detail: EditIndex.Detail, page: Page, values: TemplateObject)] = []
        for (k, signature) in changed {
            guard let bytes = index.detail(k), let detail = EditIndex.decode(bytes) else { return nil }
            let read = loader.readPage(detail.sourcePath, options: markdown)
            guard var page = read.page, read.diagnostics.isEmpty, Surface.of(page) == detail.recording.surface,
                  let values = detail.recording.splice.values(of: page) else { return nil }
            // As the site placed it (a README beside an _index.md is a plain page elsewhere).
            page.kind = .page
            page.url = detail.url
            edits.append((k, signature, detail, page, values))
        }
        guard incremental() else { return nil }

        // The old bytes of an output file, if they are what the last build wrote.
        func old(_ path: String) -> Data? {
            guard let data = previous(path) else { return nil }
            return previousIsExact || cache.manifest.entries[path] == OutputManifest.fingerprint(.init(path: path, contents: .data(data))) ? data : nil
        }
        var next = cache
        next.inputSignature = signature
        var edited = index
        var files: [OutputFile] = []
        var searchLines: [SearchIndex.Replacement] = []
        for edit in edits {
            guard let bytes = old(edit.detail.outputPath),
                  let (html, slots) = splice(bytes, slots: edit.detail.recording.splice.slots, values: edit.values) else { return nil }
            files.append(OutputFile(path: edit.detail.outputPath, contents: .data(html)))
            let renderKey = SiteRenderer.renderKey(
                body: PageKeys.key(signature: edit.signature ^ bits, fields: edit.detail.fields), context: edit.detail.context)
            next.renderKeys[edit.detail.outputPath] = renderKey
            var detail = edit.detail
            detail.recording.renderKey = renderKey
            detail.recording.splice.slots = slots
            edited.update(edit.entry, signature: edit.signature, detail: detail)
            let position = detail.searchPosition
            if position >= 0, position < index.searchLineHashes.count {
                let text = SearchIndex.line(SearchIndex.entry(edit.page, section: detail.sectionTitle))
                var hash = KeyHash()
                hash.add(text)
                if hash.value != edited.searchLineHashes[position] {
                    searchLines.append(.init(position: position, text: text, oldHash: edited.searchLineHashes[position]))
                    edited.updateLine(position, hash: hash.value)
                }
            }
        }
        if !searchLines.isEmpty {
            guard let bytes = old(SearchIndex.path), let script = SearchIndex.replacing(searchLines, in: bytes) else { return nil }
            files.append(OutputFile(path: SearchIndex.path, contents: .data(script)))
            var key = KeyHash()
            for hash in edited.searchLineHashes { key.add(hash) }
            next.renderKeys[SearchIndex.path] = key.value
        }
        next.edits = edited
        let written = Set(files.map(\.path))
        return BuildResult(
            files: files.sorted { $0.path < $1.path }, diagnostics: cache.warnings, pageCount: cache.pageCount,
            copiedCount: 0, asOf: index.asOf, asOfSource: index.asOfSource, data: cache.data, basePath: index.basePath,
            kept: cache.manifest.entries.keys.filter { !written.contains($0) },
            rendered: edits.map(\.detail.outputPath).sorted(),
            generated: searchLines.isEmpty ? [] : [SearchIndex.path], inPlace: true, cache: next, quickEdit: true)
    }

    /// `old` with each slot's bytes replaced by its new value, and the slots where they now
    /// are; nil when the old output does not match the slots, a value would be laid out
    /// differently (see `TemplateSlot.sameLayout`), or a value has characters the output
    /// drops (see `OutputFile.text`).
    static func splice(_ old: Data, slots: [TemplateSlot], values: TemplateObject) -> (Data, [TemplateSlot])? {
        var out = Data()
        out.reserveCapacity(old.count + 4096)
        var moved: [TemplateSlot] = []
        var cursor = 0
        for slot in slots {
            guard let value = values[slot.name], slot.offset >= cursor, slot.offset + slot.length <= old.count else { return nil }
            let text = TemplateSlot.text(value, escaped: slot.escaped)
            guard TemplateSlot.sameLayout(text, old[old.startIndex + slot.offset..<old.startIndex + slot.offset + slot.length]),
                  !OutputFile.hasControlCharacters(text) else { return nil }
            out.append(old[old.startIndex + cursor..<old.startIndex + slot.offset])
            var placed = slot
            placed.offset = out.count
            placed.length = text.utf8.count
            out.append(contentsOf: text.utf8)
            moved.append(placed)
            cursor = slot.offset + slot.length
        }
        out.append(old[old.startIndex + cursor..<old.endIndex])
        return (out, moved)
    }
}
