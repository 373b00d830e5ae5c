import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A `townhall serve` process on an ephemeral loopback port, stopped on release.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let log: URL
    private(set) var port: Int = 0
    private(set) var basePath = "/"

    init(in directory: URL, binary: URL) throws {
        log = directory.appendingPathComponent("serve.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = binary
        process.arguments = ["serve", "--port", "0", "--as-of", "2026-11-20"]
        process.currentDirectoryURL = directory
        let handle = try FileHandle(forWritingTo: log)
        process.standardError = handle
        process.standardOutput = handle
        try process.run()
        Self.running.add(process.processIdentifier)
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let range = text.range(of: "Serving at http://127.0.0.1:") {
                let rest = text[range.upperBound...]
                let digits = rest.prefix { $0.isNumber }
                port = Int(digits) ?? 0
                basePath = String(rest.dropFirst(digits.count).prefix { !$0.isWhitespace })
                return
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.terminate()
        throw ServerError.didNotStart((try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }

    deinit {
        if process.isRunning { process.terminate(); process.waitUntilExit() }
        Self.running.remove(process.processIdentifier)
    }

    /// Servers still running when the test process exits (a test's server not yet released,
    /// which left a `townhall serve` running after `swift test`) are stopped at exit.
    static let running = RunningServers()

    final class RunningServers: @unchecked Sendable {
        private let lock = NSLock()
        private var pids: Set<Int32> = []

        init() {
            atexit {
                for pid in ServerProcess.running.all() { kill(pid, SIGTERM) }
            }
        }

        func add(_ pid: Int32) { lock.withLock { _ = pids.insert(pid) } }
        func remove(_ pid: Int32) { lock.withLock { _ = pids.remove(pid) } }
        func all() -> Set<Int32> { lock.withLock { pids } }
    }

    var isRunning: Bool { process.isRunning }

    enum ServerError: Error { case didNotStart(String) }
}

/// One HTTP/1.1 exchange over a raw socket, so tests control the exact request bytes
/// (paths with `%2e%2e`, odd Host headers) that a URL library would normalise away.
struct RawResponse {
    var status: Int
    var headers: [String: String]
    var body: String

    static func get(port: Int, path: String, host: String = "127.0.0.1", method: String = "GET", timeout: Int = 30) throws -> RawResponse {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        var tv = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        let request = "\(method) \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        let text = String(decoding: data, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst()
        let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return RawResponse(status: status, headers: headers, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }
}
