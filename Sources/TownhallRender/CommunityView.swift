import TownhallContent
import TownhallData

/// The community data as the renderer sees it: the records, their figures, the page of
/// each event and group, and the privacy rules that decide what may be shown.
public struct CommunityView: Sendable {
    public let data: CommunityData
    public let asOf: CalendarDate
    public let privacy: PrivacySettings
    /// The site's time zone, for the calendar feed.
    public let timeZone: String
    /// Site path of each event's page, in `data.events` order.
    public let eventURLs: [String]
    /// Site path of each group's page, in `data.groups` order.
    public let groupURLs: [String]
    let figures: [EventFigures]
    let membership: GroupMembership
    let pageKinds: [String: CommunityPage]
    let figureText: FigureText
    /// Sub-groups of each group, by name.
    let children: [[Int]]
    /// Events of each group, in date order.
    let groupEvents: [[Int]]

    public static let eventsPath = "events/"
    public static let groupsPath = "groups/"
    public static func eventPath(_ id: EventID) -> String { "events/\(id.rawValue)/" }
    public static func groupPath(_ id: GroupID) -> String { "groups/\(id.rawValue)/" }

    /// `eventURLs` defaults to `events/<id>/`; an event page passes its own URL.
    public init(data: CommunityData, asOf: CalendarDate, privacy: PrivacySettings, timeZone: String, eventURLs: [String]? = nil) {
        self.data = data
        self.asOf = asOf
        self.privacy = privacy
        self.timeZone = timeZone
        self.eventURLs = eventURLs ?? data.events.map { Self.eventPath($0.id) }
        self.groupURLs = data.groups.map { Self.groupPath($0.id) }
        self.figures = EventFigures.all(data)
        self.membership = GroupMembership(data)
        self.figureText = FigureText(k: privacy.minGroupSize)
        var kinds: [String: CommunityPage] = [:]
        if !data.events.isEmpty { kinds[Self.eventsPath] = .eventsIndex }
        if !data.groups.isEmpty { kinds[Self.groupsPath] = .groupsIndex }
        for (i, url) in self.eventURLs.enumerated() { kinds[url] = .event(i) }
        for (i, url) in self.groupURLs.enumerated() { kinds[url] = .group(i) }
        self.pageKinds = kinds
        var children = [[Int]](repeating: [], count: data.groups.count)
        for (i, g) in data.groups.enumerated() {
            if let p = g.parent, let parent = data.groupIndex[p], parent != i { children[parent].append(i) }
        }
        self.children = children.map { $0.sorted { data.groups[$0].name < data.groups[$1].name } }
        var groupEvents = [[Int]](repeating: [], count: data.groups.count)
        for (i, e) in data.events.enumerated() {
            if let g = e.group, let index = data.groupIndex[g] { groupEvents[index].append(i) }
        }
        self.groupEvents = groupEvents
    }

    /// What a page at a site path shows, if it is a community page.
    public func page(at url: String) -> CommunityPage? { pageKinds[url] }

    public func isUpcoming(_ event: Int) -> Bool { data.events[event].date >= asOf }

    /// Upcoming events in date order.
    public var upcomingEvents: [Int] { data.events.indices.filter(isUpcoming) }

    /// Past events, newest first.
    public var pastEvents: [Int] { data.events.indices.filter { !isUpcoming($0) }.reversed() }

    /// Groups without a parent (or whose parent is unknown), by name: the roots of the tree.
    var rootGroups: [Int] {
        data.groups.indices.filter { data.groups[$0].parent.flatMap { data.groupIndex[$0] } == nil }
            .sorted { data.groups[$0].name < data.groups[$1].name }
    }

    /// `active`, `dormant` (no event for 90 days) or `closed`, as the handbook defines them.
    func status(ofGroup g: Int) -> String {
        let group = data.groups[g]
        if let closed = group.closed, closed <= asOf { return "closed" }
        let last = groupEvents[g].last { data.events[$0].date <= asOf }.map { data.events[$0].date.dayNumber }
        let since = last ?? group.created.dayNumber
        return asOf.dayNumber - since > 90 ? "dormant" : "active"
    }

    /// The group's size today, or on its last day when closed.
    func currentSize(ofGroup g: Int) -> Int {
        let group = data.groups[g]
        if let closed = group.closed, closed <= asOf {
            return membership.size(of: g, on: CalendarDate(dayNumber: closed.dayNumber - 1))
        }
        return membership.size(of: g, on: asOf)
    }
}

/// What a community page shows.
public enum CommunityPage: Sendable, Hashable {
    case event(Int)
    case eventsIndex
    case group(Int)
    case groupsIndex
}
