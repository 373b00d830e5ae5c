import Foundation
import TownhallDiagnostics

/// Writes a build into a sibling temporary folder and swaps it in, so a failed or killed
/// build never leaves a half-written site, and replaces only folders Townhall made.
public struct OutputWriter: Sendable {
    public static let marker = ".townhall-output"
    static let markerText = "This folder is written by Townhall and replaced on every build.\n"

    /// Failpoint for the fault tests: `TOWNHALL_TEST_FAIL_WRITE_AFTER=N` makes the write of
    /// the N+1th file fail as a full disk would, to prove a failed write loses nothing.
    static let failAfter = ProcessInfo.processInfo.environment["TOWNHALL_TEST_FAIL_WRITE_AFTER"].flatMap(Int.init)
    static let simulatedFailure = CocoaError(.fileWriteOutOfSpace)

    public var output: URL
    public var outputDisplay: String
    /// Folders the output must not be, contain or lie inside.
    public var protected: [(url: URL, display: String)]

    public init(output: URL, outputDisplay: String, protected: [(URL, String)]) {
        self.output = output
        self.outputDisplay = outputDisplay
        self.protected = protected.map { (url: $0.0, display: $0.1) }
    }

    /// Every reason the output folder may not be written, before any work is done.
    public func check() -> [Diagnostic] {
        let out = Self.canonical(output)
        var problems: [Diagnostic] = []
        for (url, display) in protected {
            let p = Self.canonical(url)
            if out == p || out.hasPrefix(p + "/") || p.hasPrefix(out + "/") {
                let relation = out == p ? "is" : (out.hasPrefix(p + "/") ? "lies inside" : "contains")
                problems.append(.error(
                    "output folder \(relation) the source folder \(display); choose another --output",
                    at: SourceLocation(file: outputDisplay)))
            }
        }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: output.path, isDirectory: &isDir) {
            if !isDir.boolValue {
                problems.append(.error("output path exists and is not a folder; refusing to replace it", at: SourceLocation(file: outputDisplay)))
            } else if !isOwned(output) {
                problems.append(.error(
                    "output folder was not made by Townhall (no \(Self.marker) inside) and is not empty; refusing to replace it",
                    at: SourceLocation(file: outputDisplay),
                    notes: ["move it away or choose another --output; Townhall never deletes what it did not create"]))
            }
        }
        return problems
    }

    func isOwned(_ folder: URL) -> Bool {
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent(Self.marker).path) { return true }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? ["?"]
        return entries.isEmpty
    }

    /// A new file with `data` in it (a path that exists is an error: the folder is new).
    static func write(_ data: Data, to path: String) throws {
        try data.withUnsafeBytes { try write($0, to: path) }
    }

    /// A new file with the bytes `raw` in it.
    static func write(_ raw: UnsafeRawBufferPointer, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw WriteFailure(description: "cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var done = 0
        while done < raw.count {
            let n = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw WriteFailure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            done += n
        }
    }

    /// Writes `files` and swaps them in, and returns each file's `OutputManifest.fingerprint`
    /// (worked out as it is written, while its bytes are in the cache: a second pass over
    /// every file at the end ran partly on one core), or `fingerprints` when they are known.
    /// On failure the previous output is left as it was.
    public func write(_ files: [OutputFile], fingerprints known: [UInt64]? = nil) throws(Diagnostic) -> [UInt64] {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let temp = parent.appendingPathComponent(".\(name).townhall-tmp-\(pid)")
        let old = parent.appendingPathComponent(".\(name).townhall-old-\(pid)")
        removeLeftovers(in: parent, name: name)
        Interruption.register(temp)
        defer { Interruption.unregister(temp) }
        var fingerprints: [UInt64] = []
        do {
            try fm.createDirectory(at: temp, withIntermediateDirectories: true)
            try Data(Self.markerText.utf8).write(to: temp.appendingPathComponent(Self.marker))
            // Folders first, under the interruption lock, so Ctrl-C never races a
            // `createDirectory` that would recreate the folder it is removing; then the files
            // on every core (a write into a removed folder fails rather than recreating it).
            // Paths as strings and `mkdir`/`open`/`write`: ten thousand `URL`s and Foundation
            // writes were a tenth of writing the site.
            let root = temp.path
            var folders: Set<String> = []
            for file in files { folders.insert(OutputManifest.folder(of: file.path)) }
            try Interruption.critical {
                // Sorted, so a folder comes after its parent; a parent that holds no file
                // of its own is made by the fallback.
                for folder in folders.sorted() where !folder.isEmpty {
                    let path = root + "/" + folder
                    if mkdir(path, 0o777) != 0, errno != EEXIST {
                        try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
                    }
                }
            }
            let written = Array(files.indices).concurrentMap { index -> (failure: String?, fingerprint: UInt64) in
                let file = files[index]
                if let failAfter = Self.failAfter, index >= failAfter { return (Self.simulatedFailure.localizedDescription, 0) }
                Interruption.checkpoint()
                let target = root + "/" + file.path
                do {
                    switch file.contents {
                    case .data(let data): try Self.write(data, to: target)
                    case .bytes(let bytes): try bytes.withUnsafeBytes { try Self.write($0, to: target) }
                    case .copy(let source): try FileManager.default.copyItem(at: source, to: URL(fileURLWithPath: target))
                    }
                    return (nil, known?[index] ?? OutputManifest.fingerprint(file))
                } catch {
                    return ((error as? WriteFailure)?.description ?? error.localizedDescription, 0)
                }
            }
            if let failure = written.lazy.compactMap(\.failure).first { throw WriteFailure(description: failure) }
            fingerprints = written.map(\.fingerprint)
        } catch {
            // A write that failed because an interruption removed its folder: the signal's
            // handler is cleaning up and exits with its own status.
            Interruption.checkpoint()
            try? fm.removeItem(at: temp)
            let reason = (error as? WriteFailure)?.description ?? error.localizedDescription
            throw .error("cannot write the site: \(reason); the previous output is unchanged", at: SourceLocation(file: outputDisplay))
        }
        let hadOutput = fm.fileExists(atPath: output.path)
        let swapError: Error? = Interruption.critical {
            do {
                if hadOutput { try fm.moveItem(at: output, to: old) }
                try fm.moveItem(at: temp, to: output)
                Interruption.unregister(temp)
                return nil
            } catch {
                if hadOutput && !fm.fileExists(atPath: output.path) { try? fm.moveItem(at: old, to: output) }
                try? fm.removeItem(at: temp)
                return error
            }
        }
        if let swapError {
            throw .error("cannot replace the output folder: \(swapError.localizedDescription); the previous output is unchanged", at: SourceLocation(file: outputDisplay))
        }
        if hadOutput { Self.remove(old) }
        return fingerprints
    }

    /// Removes the previous site, moved aside by the swap, on every core: one thread took half
    /// a second for the 22,000 pages of the benchmark's data set, with the other core idle.
    /// What lies two levels down is removed in parallel (one section can hold most pages),
    /// then the folders above it.
    static func remove(_ folder: URL) {
        let fm = FileManager.default
        var items: [String] = []
        var folders: [String] = []
        for entry in ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() {
            let path = folder.path + "/" + entry
            var isFolder: ObjCBool = false
            // A link is removed as itself: `fileExists` follows it, `destinationOfSymbolicLink` does not.
            if (try? fm.destinationOfSymbolicLink(atPath: path)) == nil, fm.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                folders.append(path)
                items += ((try? fm.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 }
            } else {
                items.append(path)
            }
        }
        _ = items.concurrentMap { path in try? fm.removeItem(atPath: path) }
        for path in folders { try? fm.removeItem(atPath: path) }
        try? fm.removeItem(at: folder)
    }

    /// Folders left by a killed build; ours by name and by marker. A previous site moved
    /// aside just before the kill is put back rather than deleted.
    private func removeLeftovers(in parent: URL, name: String) {
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: parent.path) else { return }
        for entry in entries.sorted() where entry.hasPrefix(".\(name).townhall-tmp-") || entry.hasPrefix(".\(name).townhall-old-") {
            let url = parent.appendingPathComponent(entry)
            guard fm.fileExists(atPath: url.appendingPathComponent(Self.marker).path) else { continue }
            if entry.contains("-old-"), !fm.fileExists(atPath: output.path) {
                try? fm.moveItem(at: url, to: output)
            } else {
                try? fm.removeItem(at: url)
            }
        }
    }

    static func canonical(_ url: URL) -> String {
        // Resolve what exists so symlinked or `..` spellings of one folder compare equal.
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        var path = existing.resolvingSymlinksInPath().path
        for part in rest { path += (path.hasSuffix("/") ? "" : "/") + part }
        return path
    }
}

/// Why a file of the site could not be written (the first failure, in file order).
struct WriteFailure: Error {
    var description: String
}
