import Foundation
import TownhallContent
import TownhallDiagnostics

/// A tiny site written once to a temporary folder, for the link-resolution target.
enum FuzzSite {
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
