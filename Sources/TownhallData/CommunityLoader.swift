import Foundation
import TownhallContent
import TownhallDiagnostics

/// Loads the community data of a site: `Content/data/<kind>.csv|yaml|yml|json` and the
/// event pages in `Content/events/`; decodes every record and validates the whole.
public struct CommunityLoader: Sendable {
    /// The content folder and how it is named in messages.
    public var contentRoot: URL
    public var displayRoot: String
    public var reader: DataFileReader
    /// 0 uses every core.
    public var threads: Int

    public init(contentRoot: URL, displayRoot: String, reader: DataFileReader = DataFileReader(), threads: Int = 0) {
        self.contentRoot = contentRoot
        self.displayRoot = displayRoot
        self.reader = reader
        self.threads = threads
    }

    /// The section whose pages are events.
    public static let eventSection = "events"

    /// One table to read: a data file of a kind, or an event page.
    struct Source: Sendable {
        var kind: DataKind
        var url: URL?
        var display: String
        var page: Page?
    }

    public func load(pages: [Page], config: SiteConfig, asOf: CalendarDate, diagnostics: inout [Diagnostic]) -> CommunityData {
        var sources = dataFiles(diagnostics: &diagnostics)
        for page in pages where page.sectionPath == Self.eventSection && page.kind == .page {
            sources.append(Source(kind: .events, url: nil, display: page.displayPath, page: page))
        }
        let reader = self.reader
        // Files are read and decoded in parallel; the results keep the order of `sources`.
        let results = sources.enumerated().map { ($0.offset, $0.element) }.concurrentMap(threads: threads) { index, source in
            Self.readAndDecode(source, index: index, reader: reader)
        }
        var decoded = Decoded()
        var tables = DataSources()
        for result in results {
            diagnostics += result.diagnostics
            tables.tables.append(result.table ?? DataTable(file: "", format: .csv, columns: [], columnPositions: []))
            decoded.merge(result.decoded)
        }
        var data = CommunityData(
            members: decoded.members.records, groups: decoded.groups.records, events: decoded.events.records,
            attendance: decoded.attendance.records, moderation: decoded.moderation.records,
            files: sources.filter { $0.page == nil }.map(\.display))
        data.resolveAttendance(threads: threads)
        let validator = CommunityValidator(
            data: data, sources: tables, decoded: decoded, asOf: asOf, privacy: config.privacy, threads: threads)
        diagnostics += validator.validate()
        data.files.sort()
        return data
    }

    /// The data files present, one per kind; two files for one kind are an error.
    func dataFiles(diagnostics: inout [Diagnostic]) -> [Source] {
        let folder = contentRoot.appendingPathComponent("data")
        let display = displayRoot + "/data"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        var sources: [Source] = []
        var byKind: [DataKind: String] = [:]
        let kindNames = DataKind.allCases.map(\.rawValue)
        for name in names.sorted() where !name.hasPrefix(".") && !name.hasPrefix("_") {
            let ext = (name as NSString).pathExtension.lowercased()
            guard DataFileReader.extensions.contains(ext) else { continue }
            let stem = (name as NSString).deletingPathExtension
            guard let kind = DataKind(rawValue: stem) else {
                var message = "unknown data file \"\(name)\" is ignored"
                if let guess = Suggestion.closest(to: stem, in: kindNames) { message += "; did you mean \"\(guess).\(ext)\"?" }
                diagnostics.append(.warning(message, at: SourceLocation(file: display + "/" + name),
                                            notes: ["data files are named \(kindNames.joined(separator: ", ")) with .csv, .yaml, .yml or .json"]))
                continue
            }
            if let first = byKind[kind] {
                diagnostics.append(.error(
                    "\(kind.rawValue) are already read from \(display)/\(first); keep one file per kind",
                    at: SourceLocation(file: display + "/" + name)))
                continue
            }
            byKind[kind] = name
            sources.append(Source(kind: kind, url: folder.appendingPathComponent(name), display: display + "/" + name))
        }
        return sources
    }

    struct FileResult: Sendable {
        var table: DataTable?
        var decoded = Decoded()
        var diagnostics: [Diagnostic] = []
    }

    static func readAndDecode(_ source: Source, index: Int, reader: DataFileReader) -> FileResult {
        var result = FileResult()
        let table: DataTable?
        if let page = source.page {
            guard let yaml = page.frontMatterYAML else {
                result.diagnostics.append(.error(
                    "an event page needs front matter with date, kind, location, capacity and hosts",
                    at: SourceLocation(file: page.displayPath, line: 1, column: 1)))
                result.decoded.incomplete.insert(.events)
                return result
            }
            table = reader.readFrontMatter(yaml, displayPath: page.displayPath, diagnostics: &result.diagnostics)
        } else {
            table = reader.read(source.url!, displayPath: source.display, diagnostics: &result.diagnostics)
        }
        // A file that could not be read whole leaves its kind incomplete: references to it
        // are then not checked, rather than reported as unknown by the hundred.
        if table == nil || result.diagnostics.hasErrors { result.decoded.incomplete.insert(source.kind) }
        guard let table else { return result }
        result.table = table
        var decoder: TableDecoder
        if let page = source.page {
            decoder = TableDecoder(table: table, kind: .events, unknownKeys: .allow(Self.pageKeys))
            let defaults = Event.PageDefaults(stem: PageURL.stem(page.sourcePath), title: page.title, sourcePath: page.sourcePath)
            Event.decode(&decoder, source: index, page: defaults, into: &result.decoded.events)
        } else {
            decoder = TableDecoder(table: table, kind: source.kind)
            switch source.kind {
            case .members: Member.decode(&decoder, source: index, into: &result.decoded.members)
            case .groups: Group.decode(&decoder, source: index, into: &result.decoded.groups)
            case .events: Event.decode(&decoder, source: index, into: &result.decoded.events)
            case .attendance: Attendance.decode(&decoder, source: index, into: &result.decoded.attendance)
            case .moderation: ModerationRecord.decode(&decoder, source: index, into: &result.decoded.moderation)
            }
        }
        result.diagnostics += decoder.diagnostics
        return result
    }

    /// Front-matter keys every page understands; not event fields, and not misspellings.
    static let pageKeys: Set<String> = [
        "title", "description", "weight", "date", "updated", "reviewed", "draft", "slug", "tags", "layout", "toc", "numbered",
    ]
}

/// The decoded records of every kind, before validation.
struct Decoded: Sendable {
    var members = DecodedRecords<Member>()
    var groups = DecodedRecords<Group>()
    var events = DecodedRecords<Event>()
    var attendance = DecodedRecords<Attendance>()
    var moderation = DecodedRecords<ModerationRecord>()
    /// Kinds with a file that could not be read whole.
    var incomplete: Set<DataKind> = []

    mutating func merge(_ other: Decoded) {
        incomplete.formUnion(other.incomplete)
        members.merge(other.members)
        groups.merge(other.groups)
        events.merge(other.events)
        attendance.merge(other.attendance)
        moderation.merge(other.moderation)
    }
}
