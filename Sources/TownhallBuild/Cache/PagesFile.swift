import Foundation
import TownhallContent

/// The `.pages` file of the build cache: the pages read from files, with each page's checks
/// and search line. Ten thousand pages are tens of megabytes, and an edit changes a few of
/// them, so a build appends what changed (and removals) to the file instead of writing it
/// again, and rewrites it whole only when appended records would outweigh the live ones.
///
/// Layout: the format version and a generation (which the main cache file names, with the
/// file's valid length), then segments, each its byte length and records. Segments decode on
/// every core and apply in order, so a later record of a key replaces an earlier one. Bytes
/// past the valid length (an append whose build then failed to save) are ignored and
/// overwritten by the next append.
struct PagesFile: Sendable {
    /// What the file holds, as the last save left it.
    var pages: [String: PageCacheEntry] = [:]
    var checks: [String: PageCheck] = [:]
    var searchLines: [String: SearchLine] = [:]
    /// Ties the file to the main cache file, which stores it with `length`.
    var generation: UInt64 = 0
    /// Valid bytes of the file.
    var length = 0
    /// Records in the file, live or replaced: the measure of when to rewrite it.
    var records = 0
    /// The file this was read from.
    var url: URL?

    private enum Kind: Int {
        case page = 0, pageRemoved, check, checkRemoved, line, lineRemoved
    }

    /// Reads the file if it is the one `generation` and `length` name; nil otherwise.
    static func read(_ url: URL, generation: UInt64, length: Int, threads: Int = 0) -> PagesFile? {
        guard let bytes = prefix(of: url, length: length) else { return nil }
        var r = ByteReader(bytes)
        guard (try? r.int()) == BuildCache.formatVersion,
              (try? r.int()).map({ UInt64(UInt(bitPattern: $0)) }) == generation else { return nil }
        var segments: [Range<Int>] = []
        while !r.atEnd {
            guard let count = try? r.int(), count >= 0, r.offset + count <= length else { return nil }
            segments.append(r.offset..<r.offset + count)
            r.skip(count)
        }
        let decoded = segments.concurrentMap(threads: threads) { range -> [Record]? in
            var r = ByteReader(bytes, range: range)
            return try? r.array { try Self.readRecord(&$0) }
        }
        var file = PagesFile(generation: generation, length: length, url: url)
        for segment in decoded {
            guard let segment else { return nil }
            for record in segment { file.apply(record) }
        }
        return file
    }

    /// The first `length` bytes of the file, read straight into one array (no `Data` and
    /// copy of tens of megabytes); nil when the file is shorter.
    private static func prefix(of url: URL, length: Int) -> [UInt8]? {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return CacheFile.read(fd, at: 0, count: length)
    }


    /// Saves `next` to `url`: appended to this file when that is sound, else written afresh
    /// under a new generation. Returns what the file then holds, for the main cache file.
    func save(_ next: PagesFile, to url: URL, appending: Bool) throws -> PagesFile {
        var saved = next
        if appending {
            let records = changes(to: next)
            let live = next.pages.count + next.checks.count + next.searchLines.count
            // Appending is for a few changes: after many (a new display root, a template
            // change that re-checks every page) a fresh file is no dearer, and smaller to read.
            if records.count <= max(64, live / 4), self.records + records.count <= 2 * live + 64 {
                saved.generation = generation
                saved.records = self.records + records.count
                saved.length = length
                guard !records.isEmpty else { return saved }
                let (segmentLength, segment) = Self.segment(records[...])
                do {
                    saved.length = try CacheFile.append(segmentLength + segment, to: url, after: length)
                    return saved
                } catch {
                    // The file went missing or cannot be appended to: write it afresh below.
                }
            }
        }
        var generator = SystemRandomNumberGenerator()
        saved.generation = generator.next()
        var head = ByteWriter()
        head.int(BuildCache.formatVersion)
        head.int(Int(bitPattern: UInt(saved.generation)))
        let records = next.allRecords()
        // Segments of a few hundred pages each, so that reading spreads over the cores. They
        // are encoded a few at a time on every core, and written out as soon as they are:
        // one buffer of tens of megabytes, grown by copying, added a hundred megabytes to a
        // full build's peak memory, and encoding on one thread was the last third of a
        // second of a 10,000-page build, with the other core idle.
        let size = max(256, records.count / 16)
        let segments = stride(from: 0, to: records.count, by: size).map { $0..<min($0 + size, records.count) }
        let batch = 2 * max(1, ProcessInfo.processInfo.activeProcessorCount)
        saved.length = try CacheFile.write(to: url) { write in
            try write(head.bytes)
            for first in stride(from: 0, to: segments.count, by: batch) {
                let encoded = Array(segments[first..<min(first + batch, segments.count)]).concurrentMap { range in
                    Self.segment(records[range])
                }
                for (length, body) in encoded {
                    try write(length)
                    try write(body)
                }
            }
        }
        saved.records = records.count
        return saved
    }

    // MARK: - Records

    private enum Record: Sendable {
        case page(PageCacheEntry)
        case pageRemoved(String)
        case check(String, PageCheck)
        case checkRemoved(String)
        case line(SearchLine)
        case lineRemoved(String)

        /// More than the bytes the record takes, as a rule: its long texts, and room for its
        /// other fields. Room reserved and not used is never touched, so it costs nothing.
        var estimatedSize: Int {
            switch self {
            case .page(let e):
                2 * (e.page.body.utf8.count + (e.page.frontMatterYAML?.utf8.count ?? 0)) + 4096
            case .pageRemoved(let path), .checkRemoved(let path), .lineRemoved(let path): path.utf8.count + 16
            case .check(let url, let c): url.utf8.count + 64 + 128 * c.diagnostics.count
            case .line(let l): l.url.utf8.count + l.text.utf8.count + 32
            }
        }
    }

    private mutating func apply(_ record: Record) {
        records += 1
        switch record {
        case .page(let e): pages[e.page.sourcePath] = e
        case .pageRemoved(let path): pages[path] = nil
        case .check(let url, let c): checks[url] = c
        case .checkRemoved(let url): checks[url] = nil
        case .line(let l): searchLines[l.url] = l
        case .lineRemoved(let url): searchLines[url] = nil
        }
    }

    /// Everything, sorted by key, for a file written afresh.
    private func allRecords() -> [Record] {
        pages.keys.sorted().map { .page(pages[$0]!) }
            + checks.keys.sorted().map { .check($0, checks[$0]!) }
            + searchLines.keys.sorted().map { .line(searchLines[$0]!) }
    }

    /// The records that turn this file's contents into `next`'s, in key order. A page entry
    /// with the same signature is the same page (it was read from the same file version).
    private func changes(to next: PagesFile) -> [Record] {
        // Only the few changed keys are sorted, not every key of ten thousand pages.
        func changed<V>(_ old: [String: V], _ new: [String: V], same: (V, V) -> Bool) -> (set: [String], removed: [String]) {
            let set = new.compactMap { key, value in old[key].map { same($0, value) } == true ? nil : key }
            let removed = old.keys.filter { new[$0] == nil }
            return (set.sorted(), removed.sorted())
        }
        var out: [Record] = []
        let p = changed(pages, next.pages) { $0.signature == $1.signature }
        out += p.set.map { .page(next.pages[$0]!) } + p.removed.map { .pageRemoved($0) }
        let c = changed(checks, next.checks, same: ==)
        out += c.set.map { .check($0, next.checks[$0]!) } + c.removed.map { .checkRemoved($0) }
        let l = changed(searchLines, next.searchLines, same: ==)
        out += l.set.map { .line(next.searchLines[$0]!) } + l.removed.map { .lineRemoved($0) }
        return out
    }

    /// A segment as its byte length and its records, two buffers written one after the other.
    /// The records' buffer is sized first: grown by doubling and then copied after its length,
    /// the segments of a full build's 70 MB file were copied three times over, and a fifth of
    /// writing it was the page faults of those copies.
    private static func segment(_ records: ArraySlice<Record>) -> (length: [UInt8], body: [UInt8]) {
        var body = ByteWriter(capacity: records.reduce(16) { $0 + $1.estimatedSize })
        body.int(records.count)
        for record in records { writeRecord(&body, record) }
        var length = ByteWriter()
        length.int(body.bytes.count)
        return (length.bytes, body.bytes)
    }

    private static func writeRecord(_ w: inout ByteWriter, _ record: Record) {
        switch record {
        case .page(let e): w.int(Kind.page.rawValue); PageCodec.write(&w, e)
        case .pageRemoved(let path): w.int(Kind.pageRemoved.rawValue); w.string(path)
        case .check(let url, let c): w.int(Kind.check.rawValue); PageCodec.write(&w, url, c)
        case .checkRemoved(let url): w.int(Kind.checkRemoved.rawValue); w.string(url)
        case .line(let l): w.int(Kind.line.rawValue); PageCodec.write(&w, l)
        case .lineRemoved(let url): w.int(Kind.lineRemoved.rawValue); w.string(url)
        }
    }

    private static func readRecord(_ r: inout ByteReader) throws -> Record {
        switch Kind(rawValue: try r.int()) {
        case .page: return .page(try PageCodec.readEntry(&r))
        case .pageRemoved: return .pageRemoved(try r.string())
        case .check:
            let (url, check) = try PageCodec.readCheck(&r)
            return .check(url, check)
        case .checkRemoved: return .checkRemoved(try r.string())
        case .line: return .line(try PageCodec.readSearchLine(&r))
        case .lineRemoved: return .lineRemoved(try r.string())
        case nil: throw ByteReader.Corrupt()
        }
    }
}
