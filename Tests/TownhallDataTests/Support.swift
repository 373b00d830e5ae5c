import Foundation
import TownhallContent
import TownhallDiagnostics
@testable import TownhallData

/// Writes data files into a throwaway content folder and loads them as a site would.
struct DataFixture {
    let root: URL

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("townhall-data-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    func load(asOf: String = "2026-11-20", config: SiteConfig = SiteConfig(), pages: [Page] = []) -> (data: CommunityData, messages: [String]) {
        let (data, messages) = load(asOf: asOf, config: config, pages: pages, threads: 1, keep: false)
        return (data, messages.sorted())
    }

    /// The messages in the order the loader gave them, on `threads` threads (0: every core);
    /// with `keep`, the folder is left for another load.
    func load(asOf: String = "2026-11-20", config: SiteConfig = SiteConfig(), pages: [Page] = [], threads: Int, keep: Bool) -> (data: CommunityData, messages: [String]) {
        var diagnostics: [Diagnostic] = []
        let data = CommunityLoader(contentRoot: root, displayRoot: "Content", threads: threads)
            .load(pages: pages, config: config, asOf: CalendarDate(iso: asOf)!, diagnostics: &diagnostics)
        if !keep { try? FileManager.default.removeItem(at: root) }
        return (data, diagnostics.map(\.description))
    }
}

/// A small consistent data set; each validation test changes one thing in it.
enum Base {
    static let members = """
        id,name,joined,left,role,tier,groups,referred_by,city,email,phone
        m1,Maren Okafor,2024-01-06,,founder,steward,all;tea-02,,Riverside,maren@example.org,+44 20 7946 0001
        m2,Tomasz Wren,2024-01-13,,manager,steward,all,m1,Riverside,tomasz@example.org,
        m3,Amira K.,2024-02-01,2025-01-01,,member,all;tea-02,m2,Northbank,amira@example.org,
        """
    static let groups = """
        - id: all
          name: Everyone
          created: 2023-03-11
          kind: interest
        - id: tea-02
          name: Tuesday Tea
          parent: all
          created: 2024-01-01
          kind: local
        """
    static let events = """
        id,title,date,end,kind,group,location,capacity,hosts,fee
        e1,Repair café,2024-03-02 14:00,17:00,meetup,tea-02,Lock Street Library,30,m1;m2,
        e2,Soldering,2026-12-10 18:30,21:00,workshop,all,The Tannery,8,m2,€15
        """
    static let attendance = """
        event,member,registered,attended,rating,guest
        e1,m1,2024-02-20,yes,5,no
        e1,m3,2024-02-21,no,,no
        """
    static let moderation = """
        date,member,rule,action
        2024-06-01,m3,no-ads,warning
        """

    static func files(
        members: String = members, groups: String = groups, events: String = events,
        attendance: String = attendance, moderation: String = moderation
    ) -> [String: String] {
        [
            "data/members.csv": members, "data/groups.yaml": groups, "data/events.csv": events,
            "data/attendance.csv": attendance, "data/moderation.csv": moderation,
        ]
    }
}
