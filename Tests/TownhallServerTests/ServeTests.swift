import Foundation
import Testing

@Suite(.serialized) struct ServeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = root.appendingPathComponent(".build/debug/townhall")

    /// A small site served from a temporary folder, with a secret beside the content.
    func startSite(base: String = "club") throws -> (dir: URL, server: ServerProcess) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("townhall-serve-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("Content/handbook"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent("Content-private"), withIntermediateDirectories: true)
        try fm.copyItem(at: Self.root.appendingPathComponent("Templates"), to: dir.appendingPathComponent("Templates"))
        try "base_url: https://example.org/\(base)/\n".write(to: dir.appendingPathComponent("Content/site.yaml"), atomically: true, encoding: .utf8)
        try "# Home\n\nWelcome to the [handbook](handbook/_index.md).\n".write(to: dir.appendingPathComponent("Content/_index.md"), atomically: true, encoding: .utf8)
        try "# Handbook\n\nRules.\n".write(to: dir.appendingPathComponent("Content/handbook/_index.md"), atomically: true, encoding: .utf8)
        try "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>t</title></svg>\n".write(to: dir.appendingPathComponent("Content/handbook/logo.svg"), atomically: true, encoding: .utf8)
        try "TOP-SECRET-PRIVATE\n".write(to: dir.appendingPathComponent("Content-private/secret.txt"), atomically: true, encoding: .utf8)
        try "TOP-SECRET-OUTSIDE\n".write(to: dir.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        return (dir, try ServerProcess(in: dir, binary: Self.binary))
    }

    func waitForVersion(after version: Int, port: Int, base: String) throws -> Int {
        let response = try RawResponse.get(port: port, path: "\(base)__townhall/wait?since=\(version)")
        let digits = response.body.split(separator: ":")[1].prefix { $0.isNumber }
        return Int(digits) ?? -1
    }

    func currentVersion(port: Int, base: String) throws -> Int {
        try waitForVersion(after: -1, port: port, base: base)
    }

    @Test func servesPagesAndAssetsWithTypesAndCaching() throws {
        let (dir, server) = try startSite()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(server.basePath == "/club/")
        let root = try RawResponse.get(port: server.port, path: "/")
        #expect(root.status == 302 && root.headers["location"] == "/club/")
        let home = try RawResponse.get(port: server.port, path: "/club/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.headers["cache-control"] == "no-cache")
        #expect(home.body.contains("<h1>Home</h1>") || home.body.contains(">Home<"))
        #expect(home.body.contains("townhall serve: live reload"), "the reload script is injected when serving")
        let folder = try RawResponse.get(port: server.port, path: "/club/handbook")
        #expect(folder.status == 301 && folder.headers["location"] == "/club/handbook/")
        let svg = try RawResponse.get(port: server.port, path: "/club/handbook/logo.svg")
        #expect(svg.status == 200 && svg.headers["content-type"] == "image/svg+xml")
        let css = try #require(home.body.firstMatch(of: /assets\/style\.[0-9a-f]{10}\.css/))
        let style = try RawResponse.get(port: server.port, path: "/club/" + css.output)
        #expect(style.status == 200 && style.headers["content-type"] == "text/css; charset=utf-8")
        #expect(style.headers["cache-control"] == "public, max-age=31536000, immutable")
        let missing = try RawResponse.get(port: server.port, path: "/club/no/such/page/")
        #expect(missing.status == 404)
        #expect(missing.body.contains("Page not found"), "the site's own 404 page")
        #expect(try RawResponse.get(port: server.port, path: "/club/", method: "POST").status == 405)
        #expect(try RawResponse.get(port: server.port, path: "/club/", host: "attacker.example").status == 403)
        #expect(try RawResponse.get(port: server.port, path: "/club/", host: "localhost:4000").status == 200)
    }

    /// A comma in a redirect's target stays as it is (a dictionary literal of FlyingFox's
    /// headers splits values at commas and joins them with ", ": `/club, east/`).
    @Test func redirectsKeepCommasInOneLocation() throws {
        let (dir, server) = try startSite(base: "club,east")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(server.basePath == "/club,east/")
        let root = try RawResponse.get(port: server.port, path: "/")
        #expect(root.status == 302 && root.headers["location"] == "/club,east/")
        let folder = try RawResponse.get(port: server.port, path: "/club,east/handbook")
        #expect(folder.status == 301 && folder.headers["location"] == "/club,east/handbook/")
        #expect(try RawResponse.get(port: server.port, path: "/club,east/handbook/").status == 200)
    }

    @Test func refusesEveryTraversal() throws {
        let (dir, server) = try startSite()
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try currentVersion(port: server.port, base: server.basePath)
        // Symlinks out of the content root and into a sibling that shares its name prefix.
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("Content/leak.txt").path, withDestinationPath: "../secret.txt")
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("Content/peek.txt").path, withDestinationPath: dir.appendingPathComponent("Content-private/secret.txt").path)
        // The rebuild that sees them refuses them; the server keeps the last good site.
        #expect(try waitForVersion(after: before, port: server.port, base: server.basePath) > before)
        let attempts = [
            "/club/../secret.txt", "/club/%2e%2e/secret.txt", "/club/%2E%2E/%2e%2e/etc/passwd",
            "/club/handbook/..%2f..%2fsecret.txt", "/club/..%5csecret.txt", "/club/..\\secret.txt",
            "/club/%2e%2e%2fContent-private/secret.txt", "/club/../Content-private/secret.txt",
            "/club-private/secret.txt", "/club/leak.txt", "/club/peek.txt", "/club/%00", "/../../etc/passwd",
        ]
        for path in attempts {
            let response = try RawResponse.get(port: server.port, path: path)
            #expect([400, 404].contains(response.status), "\(path) → \(response.status)")
            #expect(!response.body.contains("TOP-SECRET"), "\(path) leaked a file")
            #expect(!response.body.contains("root:x:0"), "\(path) leaked /etc/passwd")
        }
        #expect(server.isRunning)
    }

    @Test func reloadsAfterChangesAndShowsErrorsUntilFixed() throws {
        let (dir, server) = try startSite()
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = server.basePath
        let v0 = try currentVersion(port: server.port, base: base)
        // A change is announced to waiting pages.
        let page = dir.appendingPathComponent("Content/handbook/_index.md")
        try "# Handbook\n\nNew rules text.\n".write(to: page, atomically: true, encoding: .utf8)
        let v1 = try waitForVersion(after: v0, port: server.port, base: base)
        #expect(v1 > v0)
        #expect(try RawResponse.get(port: server.port, path: "\(base)handbook/").body.contains("New rules text."))
        // The same incremental build as `townhall build`: the edited page and the home page,
        // whose card shows its summary, are rendered again; nothing else.
        #expect(try String(contentsOf: server.log, encoding: .utf8).contains("(rendered 2)"))
        // A broken edit: the overlay names the error, the last good page stays underneath.
        try "# Handbook\n\nSee [missing](nowhere.md).\n".write(to: page, atomically: true, encoding: .utf8)
        let v2 = try waitForVersion(after: v1, port: server.port, base: base)
        #expect(v2 > v1)
        let broken = try RawResponse.get(port: server.port, path: "\(base)handbook/")
        #expect(broken.body.contains("id=\"townhall-error\""))
        #expect(broken.body.contains("Content/handbook/_index.md:3:5: error: link &quot;nowhere.md&quot; points to a missing page or file"))
        #expect(broken.body.contains("New rules text."), "the last good build is still served")
        #expect(try String(contentsOf: server.log, encoding: .utf8).contains("error: link \"nowhere.md\""), "the terminal shows it too")
        // The fix removes the overlay.
        try "# Handbook\n\nFixed.\n".write(to: page, atomically: true, encoding: .utf8)
        let v3 = try waitForVersion(after: v2, port: server.port, base: base)
        #expect(v3 > v2)
        let fixed = try RawResponse.get(port: server.port, path: "\(base)handbook/")
        #expect(!fixed.body.contains("townhall-error"))
        #expect(fixed.body.contains("Fixed."))
    }

    /// An edit to a page's body is applied to the page being served (see `QuickEdit`): the
    /// page then is what `townhall build` makes of the same sources, plus the reload script.
    @Test func aBodyEditIsAppliedToTheServedPage() throws {
        let (dir, server) = try startSite()
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = server.basePath
        let page = dir.appendingPathComponent("Content/handbook/duties.md")
        try "---\ntitle: Duties\n---\nWho does what.\n\nDetails.\n".write(to: page, atomically: true, encoding: .utf8)
        // Served once the rebuild that saw the new page is done.
        var v0 = try currentVersion(port: server.port, base: base)
        let deadline = Date().addingTimeInterval(20)
        while try RawResponse.get(port: server.port, path: "\(base)handbook/duties/").status != 200, Date() < deadline {
            v0 = try waitForVersion(after: v0, port: server.port, base: base)
        }
        try "---\ntitle: Duties\n---\nWho does what.\n\nDetails, and *more*.\n".write(to: page, atomically: true, encoding: .utf8)
        let v1 = try waitForVersion(after: v0, port: server.port, base: base)
        #expect(v1 > v0)
        #expect(try String(contentsOf: server.log, encoding: .utf8).contains("(rendered 1) in"))
        let log = try String(contentsOf: server.log, encoding: .utf8)
        #expect(log.contains("only page bodies changed"), "\(log)")
        var served = try RawResponse.get(port: server.port, path: "\(base)handbook/duties/").body
        if let start = served.range(of: "<script>/* townhall serve: live reload */"),
           let end = served.range(of: "</script>\n", range: start.upperBound..<served.endIndex) {
            served.removeSubrange(start.lowerBound..<end.upperBound)
        }
        let build = Process()
        build.executableURL = Self.binary
        build.arguments = ["build", "--quiet", "--output", "Built"]
        build.currentDirectoryURL = dir
        try build.run()
        build.waitUntilExit()
        #expect(build.terminationStatus == 0)
        let expected = try String(contentsOf: dir.appendingPathComponent("Built/handbook/duties/index.html"), encoding: .utf8)
        #expect(served == expected)
        #expect(served.contains("Details, and <em>more</em>."))
    }

    @Test func survivesABoundedLoadTest() throws {
        let (dir, server) = try startSite()
        defer { try? FileManager.default.removeItem(at: dir) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.root.appendingPathComponent("Tests/load/loadtest.py").path,
                             "--port", String(server.port), "--base", server.basePath,
                             "--requests", "20000", "--concurrency", "64"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        print("load test: \(String(decoding: data, as: UTF8.self))")
        #expect(process.terminationStatus == 0)
        #expect(report["requests"] as? Int == 20000)
        #expect(report["failed"] as? Int == 0)
        #expect(server.isRunning)
        #expect(try RawResponse.get(port: server.port, path: server.basePath).status == 200)
    }
}
