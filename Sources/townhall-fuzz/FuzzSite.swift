import Foundation
import TownhallContent
import TownhallDiagnostics

/// A tiny site written once to a temporary folder, for the link-resolution target.
enum FuzzSite {
    /// A content folder with groups, events and attendance; the fuzzer writes the members.
    static let community: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("townhall-fuzz-community-\(getpid())")
        let files = [
            "data/groups.yaml": "- id: all\n  name: All\n  created: 2024-01-01\n  kind: interest\n  carrier: chat\n- id: sub\n  name: Sub\n  parent: all\n  created: 2024-02-01\n  kind: local\n  carrier: chat\n",
            "data/events.csv": "id,title,date,kind,group,location,capacity,hosts\ne1,Meetup,2024-03-01,meetup,all,Hall,10,m1\n",
            "data/attendance.csv": "event,member,registered,attended\ne1,m1,2024-02-20,yes\ne1,m2,2024-02-21,no\n",
            "data/members.csv": "id,name,joined,tier\nm1,A,2024-01-01,member\n",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }()

    static let resolver: LinkResolver = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("townhall-fuzz-site-\(getpid())")
        let files = [
            "_index.md": "# Home\n",
            "handbook/_index.md": "# Handbook\n",
            "handbook/rules.md": "---\ntitle: Rules\nnumbered: true\n---\n## Conduct\n\n### Be kind {#kind}\n",
            "handbook/poster.txt": "poster\n",
            "playbook/README.md": "# Playbook\n\n## Plan\n",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? text.write(to: url, atomically: true, encoding: .utf8)
        }
        var diagnostics: [Diagnostic] = []
        let site = ContentLoader(root: root, displayRoot: "Content", threads: 1).load(config: SiteConfig(), diagnostics: &diagnostics)
        try? FileManager.default.removeItem(at: root)
        return LinkResolver(site: site)
    }()
}
