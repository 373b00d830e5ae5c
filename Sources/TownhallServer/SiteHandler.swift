import FlyingFox
import Foundation

/// Answers every request from the in-memory snapshot: pages, assets, the site's 404 page,
/// and the long-poll that live reload waits on.
struct SiteHandler: HTTPHandler {
    let state: SiteState
    /// The site's base path (`/riverside/`), so the site is served where it will be published.
    let basePath: String
    /// Host header values accepted (without port), against DNS rebinding.
    let allowedHosts: Set<String>
    /// Longest wait of a live-reload poll before it answers "no change".
    let pollTimeout: Duration

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard let host = request.headers[.host].map(Self.hostName), allowedHosts.contains(host) else {
            return text(.forbidden, "403 Forbidden: unexpected Host header\n")
        }
        guard request.method == .GET || request.method == .HEAD else {
            return text(.methodNotAllowed, "405 Method Not Allowed\n", headers: [HTTPHeader("Allow"): "GET, HEAD"])
        }
        let raw = request.target.path(percentEncoded: true)
        if raw == "/" || raw + "/" == basePath, basePath != "/" {
            return HTTPResponse(statusCode: .found, headers: Self.location(basePath))
        }
        guard raw.hasPrefix(basePath) else { return await notFound(head: request.method == .HEAD) }
        let rest = String(raw.dropFirst(basePath.count))
        if rest == LiveReload.endpoint { return await waitForBuild(request) }
        let snapshot = await state.snapshot
        let hasGoodBuild = await state.hasGoodBuild
        switch RequestPath.resolve(rest, exists: { snapshot.files[$0] != nil }) {
        case .refused(let reason):
            return text(.badRequest, "400 Bad Request: \(reason)\n")
        case .redirect(let path):
            return HTTPResponse(statusCode: .movedPermanently, headers: Self.location(basePath + path))
        case .file(let path):
            // Until a first build succeeds, every page shows the errors.
            let fallback = hasGoodBuild ? nil : LiveReload.errorPage(snapshot.errors, basePath: basePath, version: snapshot.version)
            guard var data = snapshot.files[path] ?? fallback else {
                return await notFound(head: request.method == .HEAD)
            }
            let isHTML = path.hasSuffix(".html")
            if isHTML, snapshot.files[path] != nil {
                data = LiveReload.inject(into: data, basePath: basePath, version: snapshot.version, errors: snapshot.errors)
            }
            return HTTPResponse(
                statusCode: .ok,
                headers: headers(contentType: isHTML || snapshot.files[path] == nil ? "text/html; charset=utf-8" : MIMEType.of(path), cache: MIMEType.cacheControl(path)),
                body: request.method == .HEAD ? Data() : data)
        }
    }

    private func notFound(head: Bool) async -> HTTPResponse {
        let snapshot = await state.snapshot
        guard let page = snapshot.files["404.html"] else { return text(.notFound, "404 Not Found\n") }
        let body = LiveReload.inject(into: page, basePath: basePath, version: snapshot.version, errors: snapshot.errors)
        return HTTPResponse(statusCode: .notFound, headers: headers(contentType: "text/html; charset=utf-8", cache: "no-cache"), body: head ? Data() : body)
    }

    /// Answers as soon as the build version differs from `since`, or after the timeout.
    private func waitForBuild(_ request: HTTPRequest) async -> HTTPResponse {
        let since = request.query["since"].flatMap(Int.init) ?? -1
        let clock = ContinuousClock()
        let deadline = clock.now + pollTimeout
        var version = await state.version
        while version == since, clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
            version = await state.version
        }
        let errors = await state.snapshot.errors.count
        return HTTPResponse(
            statusCode: .ok, headers: headers(contentType: "application/json", cache: "no-store"),
            body: Data("{\"version\":\(version),\"errors\":\(errors)}".utf8))
    }

    private func headers(contentType: String, cache: String) -> HTTPHeaders {
        [.contentType: contentType, .cacheControl: cache, HTTPHeader("X-Content-Type-Options"): "nosniff"]
    }

    private func text(_ status: HTTPStatusCode, _ body: String, headers extra: HTTPHeaders = [:]) -> HTTPResponse {
        var h = extra
        h[.contentType] = "text/plain; charset=utf-8"
        return HTTPResponse(statusCode: status, headers: h, body: Data(body.utf8))
    }

    /// A `Location` header holding `url` as it is. Not a dictionary literal of `HTTPHeaders`,
    /// which splits the values of most headers at commas and joins them again with ", "
    /// (a path may hold a comma), and not `[HTTPHeader: String]`, whose `HTTPResponse`
    /// initialiser is deprecated.
    static func location(_ url: String) -> HTTPHeaders {
        HTTPHeaders([.location: url])
    }

    /// `localhost:4000` → `localhost`, `[::1]:4000` → `[::1]`.
    static func hostName(_ header: String) -> String {
        let value = header.lowercased()
        if value.hasPrefix("[") { return value.split(separator: "]").first.map { $0 + "]" } ?? value }
        return String(value.split(separator: ":").first ?? "")
    }
}
