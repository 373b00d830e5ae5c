import Foundation
import TownhallContent
import TownhallDiagnostics

extension OutputWriter {
    /// True when `output` is the folder `manifest` describes: ours, and no file added,
    /// removed or renamed since the build that wrote it (its folders' signatures are as that
    /// build left them). Only then may a build update it in place.
    public func canUpdate(_ cache: BuildCache?) -> Bool {
        guard let cache, !cache.manifest.entries.isEmpty, cache.manifest.folders != 0,
              fm.fileExists(atPath: output.appendingPathComponent(Self.marker).path) else { return false }
        // A file added by hand means the folder is not what the manifest says: write it afresh,
        // as every full build does, so the output is exactly the build.
        return OutputManifest.folderSignature(of: output, entries: cache.manifest.entries.keys) == cache.manifest.folders
    }

    private var fm: FileManager { FileManager.default }

    /// Writes a build: in place when it says so, else afresh with a swap. Returns the
    /// manifest of the output folder for the next build, and how many files were written.
    /// `intact` says that the output folder is as `previous` describes it (`canUpdate`): a
    /// whole site made again whose files are mostly the bytes the folder holds is then
    /// updated in place too.
    public func commit(_ result: BuildResult, previous: BuildCache?, intact: Bool = false) throws(Diagnostic) -> (written: Int, removed: Int, cache: BuildCache) {
        var cache = result.cache
        // Nothing changed since the last build: the folder is as its manifest says.
        if result.unchanged { return (0, 0, cache) }
        func updateInPlace(_ previous: BuildCache, kept: [String], fingerprints: [UInt64]? = nil) throws(Diagnostic) -> (written: Int, removed: Int, cache: BuildCache) {
            let (summary, manifest) = try update(result.files, kept: kept, previous: previous.manifest, fingerprints: fingerprints)
            cache.manifest = manifest
            cache.pendingFolders = manifest.folders == 0 ? folderSignature(manifest) : nil
            return (summary.written, summary.removed, cache)
        }
        if result.inPlace, let previous { return try updateInPlace(previous, kept: result.kept) }
        var known: [UInt64]?
        if intact, let previous {
            let fingerprints = result.files.concurrentMap(OutputManifest.fingerprint)
            // An edit to a data file renders again every page drawn from it, and most come
            // out as they were: written afresh, every file of the site was written and the old
            // ones removed (a second of the 22,000-page data set's rebuild).
            if Self.fewChanged(result.files, fingerprints, previous: previous.manifest) {
                return try updateInPlace(previous, kept: [], fingerprints: fingerprints)
            }
            known = fingerprints
        }
        let fingerprints = try write(result.files, fingerprints: known)
        for (file, fingerprint) in zip(result.files, fingerprints) { cache.manifest.entries[file.path] = fingerprint }
        cache.pendingFolders = folderSignature(cache.manifest)
        return (result.files.count, 0, cache)
    }

    /// The output's folder signature as this commit left it, worked out on other threads
    /// while the cache is saved (on every core: the cache's large files are mostly written
    /// by then, and a single thread left a core idle at the end of a full build).
    private func folderSignature(_ manifest: OutputManifest) -> Background<UInt64> {
        let output = self.output
        let paths = Array(manifest.entries.keys)
        return Background { OutputManifest.folderSignature(of: output, entries: paths) }
    }

    /// What an in-place update did.
    public struct UpdateSummary: Sendable {
        public var written: Int
        public var removed: Int
    }

    /// Whether `files` (with their fingerprints) differ from the folder `previous` describes
    /// in so few files that updating it in place is better than writing it afresh: as many
    /// as an in-place build renders again at most.
    static func fewChanged(_ files: [OutputFile], _ fingerprints: [UInt64], previous: OutputManifest) -> Bool {
        let limit = max(100, files.count / 10)
        var changed = 0
        for (file, fingerprint) in zip(files, fingerprints) where previous.entries[file.path] != fingerprint {
            changed += 1
            if changed > limit { return false }
        }
        // Files this build no longer makes are removed, one by one.
        return changed + max(0, previous.entries.count - (files.count - changed)) <= limit
    }

    /// Updates an output folder that the previous build wrote (`previous` lists its files,
    /// and its folder signature is the folder's now): only files whose bytes changed are
    /// written, each to a temporary name and renamed over the old one, so no reader ever
    /// sees half a file; files of the previous build that this build no longer makes are
    /// removed; nothing else is touched. The manifest returned has the new folder signature
    /// when the update only replaced files (0, to be worked out, otherwise). `fingerprints`,
    /// when given, are the files' `OutputManifest.fingerprint`s.
    func update(_ files: [OutputFile], kept: [String], previous: OutputManifest, fingerprints: [UInt64]? = nil) throws(Diagnostic) -> (UpdateSummary, OutputManifest) {
        let fm = FileManager.default
        // Files replaced, none added or removed: the same folders, and only those holding a
        // replaced file change, so the signature is updated from them alone (an edit to one
        // page would otherwise `lstat` every folder of the site once more).
        let replacing = kept.count + files.count == previous.entries.count
            && files.allSatisfy { previous.entries[$0.path] != nil } && kept.allSatisfy { previous.entries[$0] != nil }
        var manifest = OutputManifest()
        if replacing {
            manifest.entries = previous.entries
        } else {
            for path in kept { manifest.entries[path] = previous.entries[path] }
        }
        let fingerprints = fingerprints ?? files.map(OutputManifest.fingerprint)
        // The files to write: changed, or missing from the folder.
        var writing: [Int] = []
        for (index, file) in files.enumerated() {
            manifest.entries[file.path] = fingerprints[index]
            if previous.entries[file.path] == fingerprints[index], access(output.path + "/" + file.path, F_OK) == 0 { continue }
            writing.append(index)
        }
        // Only the folders of the files written change.
        let touched = replacing ? Set(writing.map { OutputManifest.folder(of: files[$0].path) }).sorted() : []
        let root = output.path
        let before = touched.map { OutputManifest.folderHash(root, $0) }
        // Stage: every changed file is written beside its target first. A failure here
        // removes what was staged and leaves the site exactly as it was.
        var staged: [(temporary: String, target: String)] = []
        var madeFolders: Set<String> = []
        for index in writing {
            let file = files[index]
            let target = output.appendingPathComponent(file.path)
            let temporary = target.path + ".townhall-new"
            do {
                if let failAfter = Self.failAfter, index >= failAfter { throw Self.simulatedFailure }
                let folder = target.deletingLastPathComponent().path
                if madeFolders.insert(folder).inserted { try fm.createDirectory(atPath: folder, withIntermediateDirectories: true) }
                switch file.contents {
                case .data(let data): try data.write(to: URL(fileURLWithPath: temporary))
                case .bytes(let bytes): try Data(bytes).write(to: URL(fileURLWithPath: temporary))
                case .copy(let source):
                    try? fm.removeItem(atPath: temporary)
                    try fm.copyItem(at: source, to: URL(fileURLWithPath: temporary))
                }
                staged.append((temporary, target.path))
            } catch {
                for item in staged { unlink(item.temporary) }
                unlink(temporary)
                throw .error("cannot write \(file.path): \(error.localizedDescription); the site is unchanged", at: SourceLocation(file: outputDisplay))
            }
        }
        // Commit: renames replace each file whole; an interruption waits for them to finish.
        Interruption.critical {
            for item in staged { _ = rename(item.temporary, item.target) }
        }
        if replacing, previous.folders != 0 {
            let after = touched.map { OutputManifest.folderHash(root, $0) }
            manifest.folders = OutputManifest.normalized(previous.folders &- before.reduce(0, &+) &+ after.reduce(0, &+))
            return (UpdateSummary(written: staged.count, removed: 0), manifest)
        }
        var removed = 0
        for path in previous.entries.keys.sorted() where manifest.entries[path] == nil {
            // Only files the previous build made are removed.
            if (try? fm.removeItem(at: output.appendingPathComponent(path))) != nil { removed += 1 }
            removeEmptyFolders(above: path)
        }
        return (UpdateSummary(written: staged.count, removed: removed), manifest)
    }

    private func removeEmptyFolders(above path: String) {
        var parts = path.split(separator: "/").dropLast()
        while !parts.isEmpty {
            let folder = output.appendingPathComponent(parts.joined(separator: "/")).path
            // rmdir fails on a folder that still holds anything, which is what we want.
            guard rmdir(folder) == 0 else { return }
            parts = parts.dropLast()
        }
    }
}
