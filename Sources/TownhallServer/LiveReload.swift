import Foundation
import TownhallDiagnostics
import TownhallMarkdown

/// What `serve` adds to HTML pages: a small script that waits for the next build and
/// reloads, and, while the latest build has errors, an overlay listing them.
enum LiveReload {
    static let endpoint = "__townhall/wait"

    static func inject(into html: Data, basePath: String, version: Int, errors: [Diagnostic]) -> Data {
        guard var page = String(data: html, encoding: .utf8) else { return html }
        var addition = script(basePath: basePath, version: version)
        if !errors.isEmpty { addition = overlay(errors) + addition }
        if let body = page.range(of: "</body>", options: .backwards) {
            page.replaceSubrange(body.lowerBound..<body.lowerBound, with: addition)
        } else {
            page += addition
        }
        return Data(page.utf8)
    }

    static func script(basePath: String, version: Int) -> String {
        """
        <script>/* townhall serve: live reload */(function(){var v=\(version);function poll(){fetch("\(basePath)\(endpoint)?since="+v).then(function(r){return r.json()}).then(function(d){if(d.version!==v){location.reload()}else{poll()}}).catch(function(){setTimeout(poll,1000)})}poll()})();</script>

        """
    }

    static func overlay(_ errors: [Diagnostic]) -> String {
        let text = errors.map { d in ([d.description] + d.notes.map { "note: " + $0 }).joined(separator: "\n") }.joined(separator: "\n")
        return """
            <div id="townhall-error" role="alertdialog" aria-labelledby="townhall-error-title" style="position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.94);color:#fff;padding:2rem;font:15px/1.5 ui-monospace,monospace">
            <h2 id="townhall-error-title" style="color:#ff8a80;margin:0 0 1rem">The build failed: \(errors.errorCount) error\(errors.errorCount == 1 ? "" : "s")</h2>
            <p style="margin:0 0 1rem">Showing the last good build underneath. Fix the problem and save; this page reloads by itself.</p>
            <pre style="white-space:pre-wrap">\(HTMLEscape.text(text))</pre>
            </div>

            """
    }

    /// Served when no build has succeeded yet.
    static func errorPage(_ errors: [Diagnostic], basePath: String, version: Int) -> Data {
        let html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed</title></head><body>\n</body></html>\n"
        return inject(into: Data(html.utf8), basePath: basePath, version: version, errors: errors)
    }
}
