import Foundation

/// Paths of the package under test.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/Fixtures")
    static let templates = root.appendingPathComponent("Templates")
    static let binary: URL = {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("townhall"),
            Bundle.main.bundleURL.appendingPathComponent("townhall"),
            root.appendingPathComponent(".build/debug/townhall"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }
}

/// What a run of the `townhall` command did.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `townhall` in `directory` without a terminal, so output is plain and comparable.
func townhall(_ arguments: [String], in directory: URL, environment extra: [String: String] = [:]) throws -> CommandResult {
    let process = Process()
    process.executableURL = Repo.binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment.removeValue(forKey: "SOURCE_DATE_EPOCH")
    for (k, v) in extra { environment[k] = v }
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(
        status: process.terminationStatus,
        stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self))
}

/// A throwaway folder, removed when the value is released.
final class TempDir: @unchecked Sendable {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("townhall-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes an inline site: `-- path --` lines start files, the lines below are their text.
    func write(_ spec: String) throws {
        var path: String?
        var lines: [String] = []
        func flush() throws {
            guard let path else { return }
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        }
        for line in spec.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --") {
                try flush()
                path = String(line.dropFirst(3).dropLast(3))
                lines = []
            } else {
                lines.append(String(line))
            }
        }
        try flush()
    }

    func copyTemplates() throws {
        try FileManager.default.copyItem(at: Repo.templates, to: url.appendingPathComponent("Templates"))
    }

    func read(_ path: String) -> String? {
        try? String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)
    }
}

/// Every file under `root`, relative paths sorted, with contents.
func tree(_ root: URL) -> [String: Data] {
    var out: [String: Data] = [:]
    guard let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return out }
    let base = root.resolvingSymlinksInPath().path
    for case let url as URL in e {
        guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
        let path = String(url.resolvingSymlinksInPath().path.dropFirst(base.count + 1))
        out[path] = try? Data(contentsOf: url)
    }
    return out
}
