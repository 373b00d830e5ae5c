import TownhallData
import TownhallDiagnostics

/// What a build made and found. `files` is empty when there were errors.
public struct BuildResult: Sendable {
    public var files: [OutputFile]
    public var diagnostics: [Diagnostic]
    public var pageCount: Int
    public var copiedCount: Int
    public var asOf: String
    public var asOfSource: String
    /// How many records of each kind were loaded.
    public var data: DataCounts
    /// Where the site will be published (`/riverside/`), for `serve`.
    public var basePath: String = "/"
    /// Pages left as the previous build wrote them (incremental builds only).
    public var kept: [String] = []
    /// Pages rendered by this build.
    public var rendered: [String] = []
    /// Other files made from the pages (tag pages, search page and index, sitemap…) that
    /// this build made again; the rest are among `kept`.
    public var generated: [String] = []
    /// True when `files` and `kept` together are the site, to be updated in place; false
    /// when `files` is the whole site, to be written afresh and swapped in.
    public var inPlace = false
    /// For the next build.
    public var cache = BuildCache()
    /// True when nothing the build reads had changed, so nothing was done at all.
    public var unchanged = false
    /// True when only some pages' bodies had changed and their new output was made from
    /// their old output, without loading the rest of the site (see `QuickEdit`).
    public var quickEdit = false
}

/// Records loaded, for the summary line of `build` and `check`.
public struct DataCounts: Sendable, Hashable {
    public var members = 0, groups = 0, events = 0, registrations = 0, moderation = 0

    public init() {}

    init(members: Int, groups: Int, events: Int, registrations: Int, moderation: Int) {
        self.members = members
        self.groups = groups
        self.events = events
        self.registrations = registrations
        self.moderation = moderation
    }

    init(_ data: CommunityData) {
        members = data.members.count
        groups = data.groups.count
        events = data.events.count
        registrations = data.attendance.count
        moderation = data.moderation.count
    }

    public var isEmpty: Bool { members + groups + events + registrations + moderation == 0 }
}
