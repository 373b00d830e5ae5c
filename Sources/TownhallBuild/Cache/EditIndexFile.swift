import Foundation

/// The `.edits` file of the build cache (see `EditIndex`). A build that loaded the site
/// writes it whole; an edit applied by `QuickEdit` appends what it changed, so that one
/// page's edit never rewrites megabytes. The main cache file names the generation and the
/// valid length: bytes past it (an append whose build then failed to save) are ignored.
///
/// Layout: the header's length (4 bytes) and the header (format, generation, `rest`,
/// settings, counts); the search line hashes (8 bytes each); the entry table (20 bytes
/// each: listing index, signature, and the detail's offset and length); the details; then
/// the changes appended since. Fixed widths, so that reading the table decodes nothing
/// and a detail is read only when an edit touches its page.
struct EditIndexFile: Sendable {
    var url: URL
    var generation: UInt64
    /// Valid bytes of the file.
    var length: Int
    private var detailsStart = 0
    /// Each entry's detail as written whole: offset (from `detailsStart`) and length.
    private var spans: [Range<Int>] = []
    /// Bytes appended since it was written whole.
    private(set) var appended = 0

    /// Appending stops here: past it, the next build that loads the site writes it afresh.
    static let maxAppended = 256 << 10

    private enum Change: Int { case entry = 1, line }

    // MARK: - Reading

    /// The index in `url` if it is the one `generation` and `length` name; nil otherwise.
    static func read(_ url: URL, generation: UInt64, length: Int) -> EditIndex? {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        do {
            guard let size = CacheFile.read(fd, at: 0, count: 4).map(fixed32) else { return nil }
            guard let head = CacheFile.read(fd, at: 4, count: size) else { return nil }
            var r = ByteReader(head)
            guard try r.int() == BuildCache.formatVersion, UInt64(UInt(bitPattern: try r.int())) == generation else { return nil }
            var index = EditIndex()
            index.rest = UInt64(UInt(bitPattern: try r.int()))
            index.unsafe = try r.bool(); index.smart = try r.bool()
            index.asOf = try r.string(); index.asOfSource = try r.string(); index.basePath = try r.string()
            let lines = try r.int(), count = try r.int(), detailsLength = try r.int()
            guard lines >= 0, count >= 0, detailsLength >= 0 else { return nil }
            let tableStart = 4 + size
            guard let table = CacheFile.read(fd, at: tableStart, count: lines * 8 + count * 20) else { return nil }
            index.searchLineHashes = (0..<lines).map { fixed64(table, $0 * 8) }
            var file = EditIndexFile(url: url, generation: generation, length: length)
            file.detailsStart = tableStart + table.count
            index.entries.reserveCapacity(count)
            file.spans.reserveCapacity(count)
            for k in 0..<count {
                let at = lines * 8 + k * 20
                index.entries.append(EditIndex.Entry(listingIndex: Int(fixed32(table, at)), signature: fixed64(table, at + 4)))
                let offset = Int(fixed32(table, at + 12)), size = Int(fixed32(table, at + 16))
                guard offset + size <= detailsLength else { return nil }
                file.spans.append(offset..<offset + size)
            }
            index.details = Array(repeating: nil, count: count)
            let changesStart = file.detailsStart + detailsLength
            guard changesStart <= length, let changes = CacheFile.read(fd, at: changesStart, count: length - changesStart) else { return nil }
            file.appended = changes.count
            var c = ByteReader(changes)
            while !c.atEnd {
                switch Change(rawValue: try c.int()) {
                case .entry:
                    let k = try c.int()
                    guard k >= 0, k < count else { return nil }
                    index.entries[k].signature = UInt64(UInt(bitPattern: try c.int()))
                    index.details[k] = try c.blobSlice()
                case .line:
                    let p = try c.int()
                    guard p >= 0, p < lines else { return nil }
                    index.searchLineHashes[p] = UInt64(UInt(bitPattern: try c.int()))
                case nil:
                    return nil
                }
            }
            index.file = file
            return index
        } catch {
            return nil
        }
    }

    /// Entry `k`'s detail as written whole.
    func detail(at k: Int) -> ArraySlice<UInt8>? {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return CacheFile.read(fd, at: detailsStart + spans[k].lowerBound, count: spans[k].count)?[...]
    }

    /// Every entry's detail as written whole, read at once.
    func details() -> [ArraySlice<UInt8>]? {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let end = spans.map(\.upperBound).max() ?? 0
        guard let area = CacheFile.read(fd, at: detailsStart, count: end) else { return nil }
        return spans.map { area[$0] }
    }

    // MARK: - Writing

    /// Writes `index` whole under `generation`; returns the file's length.
    static func write(_ index: EditIndex, details: [ArraySlice<UInt8>], to url: URL, generation: UInt64) throws -> Int {
        var head = ByteWriter()
        head.int(BuildCache.formatVersion)
        head.int(Int(bitPattern: UInt(generation)))
        head.int(Int(bitPattern: UInt(index.rest)))
        head.bool(index.unsafe); head.bool(index.smart)
        head.string(index.asOf); head.string(index.asOfSource); head.string(index.basePath)
        head.int(index.searchLineHashes.count)
        head.int(index.entries.count)
        head.int(details.reduce(0) { $0 + $1.count })
        var w = ByteWriter()
        w.fixed32(UInt32(head.bytes.count))
        w.append(head.bytes)
        for hash in index.searchLineHashes { w.fixed64(hash) }
        var offset = 0
        for (entry, detail) in zip(index.entries, details) {
            w.fixed32(UInt32(entry.listingIndex)); w.fixed64(entry.signature)
            w.fixed32(UInt32(offset)); w.fixed32(UInt32(detail.count))
            offset += detail.count
        }
        for detail in details { w.append(detail) }
        try w.write(to: url)
        return w.bytes.count
    }

    /// Appends what changed in `index` since it was read from this file; returns the
    /// file's new length.
    func append(_ index: EditIndex) throws -> Int {
        var w = ByteWriter()
        for k in index.changedEntries {
            w.int(Change.entry.rawValue); w.int(k)
            w.int(Int(bitPattern: UInt(index.entries[k].signature)))
            w.blob(index.details[k]!)
        }
        for p in index.changedLines {
            w.int(Change.line.rawValue); w.int(p)
            w.int(Int(bitPattern: UInt(index.searchLineHashes[p])))
        }
        guard !w.bytes.isEmpty else { return length }
        return try CacheFile.append(w.bytes, to: url, after: length)
    }

    // MARK: - Bytes

    private static func fixed32(_ bytes: [UInt8]) -> Int { Int(fixed32(bytes, 0)) }

    private static func fixed32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * UInt32($1)) }
    }

    private static func fixed64(_ bytes: [UInt8], _ at: Int) -> UInt64 {
        (0..<8).reduce(0) { $0 | UInt64(bytes[at + $1]) << (8 * UInt64($1)) }
    }
}

extension EditIndex {
    /// Saves the index beside the cache file `url`: appended to the file it was read from
    /// when that is sound, else written whole under a new generation. Returns the
    /// generation and length the cache file names.
    func save(forCache url: URL) throws -> (generation: UInt64, length: Int) {
        let location = Self.location(forCache: url)
        if let file, file.url == location, file.appended < EditIndexFile.maxAppended,
           let length = try? file.append(self) {
            return (file.generation, length)
        }
        guard let all = allDetails() else { throw CocoaError(.fileReadCorruptFile) }
        var generator = SystemRandomNumberGenerator()
        let generation: UInt64 = generator.next()
        return (generation, try EditIndexFile.write(self, details: all, to: location, generation: generation))
    }
}
