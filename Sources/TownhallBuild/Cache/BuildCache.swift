import Foundation
import TownhallContent
import TownhallDiagnostics

/// What one build leaves for the next: the pages read from files, the render key of each
/// output page, and the manifest of the output folder. Kept in
/// `<output's parent>/.townhall-cache/<output name>.cache`, with the pages in a `.pages`
/// file beside it, ignored by git; a missing, corrupt or foreign cache (other format,
/// other townhall binary, pages of another build) is simply not used.
public struct BuildCache: Sendable {
    static let formatVersion = 12

    /// Everything a build reads, summarised (see `InputSignature`); equal means nothing to do.
    public var inputSignature: UInt64 = 0
    /// The last build's warnings and counts, repeated when nothing changed.
    public var warnings: [Diagnostic] = []
    public var pageCount = 0
    public var data = DataCounts()

    /// Pages read from files, by source path (see `withPages()`).
    public var pages: [String: PageCacheEntry] = [:]
    /// Where the pages are stored, read only when a build needs them: a no-op build never
    /// does, and ten thousand pages are tens of megabytes.
    private var pagesFile: URL?
    /// Ties the pages file to the file that names it: a pages file left by an interrupted
    /// save, or by another build, is not taken for this one's.
    private var generation: UInt64 = 0
    private var pagesLength = 0
    private var editsFile: URL?
    /// The pages file as read, which the next save appends to (see `PagesFile`). A build
    /// passes it on from the cache it started from.
    var stored: PagesFile?
    /// Each page's checks and search line, by page URL (kept with the pages).
    var checks: [String: PageCheck] = [:]
    var searchLines: [String: SearchLine] = [:]
    /// For each output path (pages and generated files: tag pages, sitemap, search index…),
    /// the key its last rendering was made from.
    public var renderKeys: [String: UInt64] = [:]
    /// The files of the output folder as the last build left them.
    var manifest = OutputManifest()
    /// What an edit to a few pages' bodies needs (see `QuickEdit`); read from its file only
    /// when a build needs it (see `withEdits()`).
    var edits: EditIndex?
    private var editsGeneration: UInt64 = 0
    private var editsLength = 0
    /// `manifest.folders` while it is still being worked out, after a commit: `save` waits
    /// for it last, so the `lstat` of every output folder overlaps writing the cache.
    var pendingFolders: Background<UInt64>?

    public init() {}

    public static func location(for output: URL) -> URL {
        output.deletingLastPathComponent()
            .appendingPathComponent(".townhall-cache")
            .appendingPathComponent(output.lastPathComponent + ".cache")
    }

    public static func load(from url: URL) -> BuildCache? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        var r = ByteReader(data)
        do {
            guard try r.int() == formatVersion, try r.string() == BinaryIdentity.current else { return nil }
            var cache = BuildCache()
            cache.inputSignature = UInt64(UInt(bitPattern: try r.int()))
            cache.warnings = try r.array { try PageCodec.readDiagnostic(&$0) }
            cache.pageCount = try r.int()
            cache.data = DataCounts(members: try r.int(), groups: try r.int(), events: try r.int(), registrations: try r.int(), moderation: try r.int())
            cache.renderKeys = try r.keyed()
            cache.manifest = try OutputManifest.read(&r)
            cache.generation = UInt64(UInt(bitPattern: try r.int()))
            cache.pagesLength = try r.int()
            cache.manifest.folders = UInt64(UInt(bitPattern: try r.int()))
            cache.editsGeneration = UInt64(UInt(bitPattern: try r.int()))
            cache.editsLength = try r.int()
            cache.pagesFile = pagesLocation(for: url)
            cache.editsFile = EditIndex.location(forCache: url)
            return cache
        } catch {
            return nil
        }
    }

    static func pagesLocation(for url: URL) -> URL {
        url.deletingPathExtension().appendingPathExtension("pages")
    }

    /// This cache with its pages read (a missing, corrupt or mismatched pages file gives none).
    public func withPages(threads: Int = 0) -> BuildCache {
        guard let pagesFile, pages.isEmpty else { return self }
        var copy = self
        copy.pagesFile = nil
        guard let file = PagesFile.read(pagesFile, generation: generation, length: pagesLength, threads: threads) else { return copy }
        copy.pages = file.pages
        copy.checks = file.checks
        copy.searchLines = file.searchLines
        copy.stored = file
        return copy
    }

    /// This cache with its edit index read (none when its file is missing or not this cache's).
    func withEdits() -> BuildCache {
        guard let editsFile, edits == nil else { return self }
        var copy = self
        copy.editsFile = nil
        copy.edits = EditIndexFile.read(editsFile, generation: editsGeneration, length: editsLength)
        return copy
    }

    /// Writes the pages file (appending to the one read when it can) and the edit index,
    /// and then this file, which names the pages file's generation and length and the edit
    /// index's generation.
    /// The pages file and the edit index as `saveFiles` left them, for `save(to:files:)`.
    public struct SavedFiles: Sendable {
        let pages: PagesFile
        let edits: (generation: UInt64, length: Int)?
    }

    /// Writes the two large files of the cache beside `url`: the pages file and the edit
    /// index. They do not depend on what the output write finds, and each carries a new
    /// generation (or is appended past the length the current cache file names), so the
    /// cache file in place goes on naming what it named until `save(to:files:)` replaces
    /// it: a build writes them while it writes the site.
    public func saveFiles(to url: URL) throws -> SavedFiles {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let pagesURL = Self.pagesLocation(for: url)
        let saved = PagesFile(generation: generation, length: pagesLength)
        // A build that never read the pages (an edit `QuickEdit` applied) leaves their file.
        let pagesUnread = pagesFile == pagesURL && pages.isEmpty && stored == nil
        // The edit index is saved while the pages file is, on a thread of its own; both are
        // waited for, so that no temporary file is left behind whichever fails.
        let edits = self.edits.map { edits in Background { Result { try edits.save(forCache: url) } } }
        let pagesSaved = Result {
            guard !pagesUnread else { return saved }
            let next = PagesFile(pages: pages, checks: checks, searchLines: searchLines)
            return try (stored ?? PagesFile()).save(next, to: pagesURL, appending: stored?.url == pagesURL)
        }
        let editsSaved = edits?.value
        return SavedFiles(pages: try pagesSaved.get(), edits: try editsSaved?.get())
    }

    /// Saves the cache to `url`, with the files `saveFiles` wrote (written first when nil).
    public func save(to url: URL, files: SavedFiles? = nil) throws {
        let files = try files ?? saveFiles(to: url)
        var w = ByteWriter()
        w.int(Self.formatVersion)
        w.string(BinaryIdentity.current)
        w.int(Int(bitPattern: UInt(inputSignature)))
        w.array(warnings) { PageCodec.write(&$0, $1) }
        w.int(pageCount)
        for n in [data.members, data.groups, data.events, data.registrations, data.moderation] { w.int(n) }
        w.keyed(renderKeys)
        manifest.write(&w)
        w.int(Int(bitPattern: UInt(files.pages.generation)))
        w.int(files.pages.length)
        w.int(Int(bitPattern: UInt(pendingFolders?.value ?? manifest.folders)))
        w.int(Int(bitPattern: UInt(files.edits?.generation ?? 0)))
        w.int(files.edits?.length ?? 0)
        try w.write(to: url)
    }
}

/// The running binary, so a rebuilt townhall (which may render differently) never
/// trusts a cache written by another build of it.
enum BinaryIdentity {
    static let current: String = {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return "\(exe.path):\(FileSignature.of(exe) ?? 0)"
    }()
}
