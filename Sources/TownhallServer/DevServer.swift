import FlyingFox
import FlyingSocks
import Foundation
import TownhallBuild
import TownhallDiagnostics

/// `townhall serve`: builds in memory, serves on loopback, rebuilds when sources change.
public struct DevServer: Sendable {
    public var options: BuildOptions
    public var host: String
    public var port: UInt16
    /// Called with each build's diagnostics and timing, for the terminal.
    public var report: @Sendable (_ diagnostics: [Diagnostic], _ summary: String) -> Void
    /// Called once with the URL the site is served at.
    public var ready: @Sendable (_ url: String) -> Void

    public init(
        options: BuildOptions, host: String, port: UInt16,
        report: @escaping @Sendable ([Diagnostic], String) -> Void,
        ready: @escaping @Sendable (String) -> Void
    ) {
        self.options = options
        self.host = host
        self.port = port
        self.report = report
        self.ready = ready
    }

    public func run() async throws {
        let state = SiteState()
        let basePath = await rebuild(into: state)
        let address: any SocketAddress = host.contains(":")
            ? try sockaddr_in6.inet6(ip6: host, port: port)
            : try sockaddr_in.inet(ip4: host, port: port)
        var hosts: Set<String> = ["localhost", "127.0.0.1", "[::1]"]
        hosts.insert(host.contains(":") ? "[\(host.lowercased())]" : host.lowercased())
        let handler = SiteHandler(state: state, basePath: basePath, allowedHosts: hosts, pollTimeout: .seconds(25))
        let server = HTTPServer(address: address, timeout: 30, logger: .disabled, handler: handler)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            group.addTask {
                try await server.waitUntilListening()
                let port: UInt16
                if case let .ip4(_, p)? = await server.listeningAddress { port = p }
                else if case let .ip6(_, p)? = await server.listeningAddress { port = p }
                else { port = self.port }
                let shownHost = host.contains(":") ? "[\(host)]" : host
                ready("http://\(shownHost):\(port)\(basePath)")
            }
            group.addTask { try await watch(state) }
            // Runs until the server or the watcher fails (or the process is interrupted).
            try await group.waitForAll()
        }
    }

    /// Builds and publishes; returns the base path the site is served under.
    @discardableResult
    func rebuild(into state: SiteState) async -> String {
        let options = self.options
        let clock = ContinuousClock()
        let start = clock.now
        // The same incremental build as `townhall build`, with the cache and the last good
        // files kept in memory: only pages whose inputs changed are rendered again.
        let cache = await state.cache
        let incremental = await state.hasGoodBuild
        // The files served now are the last good build's own bytes: an edit to pages' bodies
        // is applied to them (see `QuickEdit`).
        let served = incremental ? await state.snapshot.files : [:]
        let result = await Task.detached {
            SiteBuilder(options: options).build(cache: cache, incremental: incremental, previous: { served[$0] }, previousIsExact: true)
        }.value
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        if result.diagnostics.hasErrors {
            await state.publish(files: nil, errors: result.diagnostics)
            report(result.diagnostics, "build failed with \(result.diagnostics.errorCount) error(s); still serving the last good build")
        } else {
            var files: [String: Data] = [:]
            if result.quickEdit {
                // Everything but the files made: the edit changed nothing else.
                files = served
            } else if result.inPlace {
                for path in result.kept { files[path] = served[path] }
            }
            for file in result.files {
                switch file.contents {
                case .data(let data): files[file.path] = data
                case .bytes(let bytes): files[file.path] = Data(bytes)
                case .copy(let url): files[file.path] = (try? Data(contentsOf: url)) ?? Data()
                }
            }
            await state.publish(files: files, errors: [], cache: result.cache)
            report(result.diagnostics, String(format: "built %d pages (rendered %d) in %.2f s", result.pageCount, result.rendered.count, seconds)
                + (result.quickEdit ? "; only page bodies changed" : ""))
        }
        return result.basePath
    }

    private func watch(_ state: SiteState) async throws {
        let watcher = FileWatcher(roots: [options.content, options.templates])
        var last = watcher.fingerprint()
        while !Task.isCancelled {
            try await Task.sleep(for: .milliseconds(300))
            let now = watcher.fingerprint()
            guard now != last else { continue }
            // Let an editor finish writing (save = truncate + write, or several files).
            try await Task.sleep(for: .milliseconds(100))
            last = watcher.fingerprint()
            await rebuild(into: state)
        }
    }
}
