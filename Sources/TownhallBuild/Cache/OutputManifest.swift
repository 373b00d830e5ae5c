import Foundation
import TownhallContent
import TownhallRender

/// What the last build wrote: each output path with a hash of its bytes (or, for copied
/// files, of the source's size and modification time). It tells the next build which
/// files it may leave alone and which stale files are its own to delete.
struct OutputManifest: Equatable, Sendable {
    var entries: [String: UInt64] = [:]
    /// `folderSignature` of the output as the build that wrote it left it (0: unknown).
    /// Stored last in the cache file (see `BuildCache.save`).
    var folders: UInt64 = 0

    func write(_ w: inout ByteWriter) {
        w.array(entries.keys.sorted()) { w, key in
            w.string(key)
            w.int(Int(bitPattern: UInt(entries[key]!)))
        }
    }

    static func read(_ r: inout ByteReader) throws -> OutputManifest {
        var m = OutputManifest()
        for (key, value) in try r.array({ r in (try r.string(), UInt64(UInt(bitPattern: try r.int()))) }) {
            m.entries[key] = value
        }
        return m
    }

    /// The signatures (inode, size, modification time) of the output folder and of every
    /// folder holding a file of `entries`, hashed. A file added, removed or renamed changes
    /// its folder's modification time, so an equal signature means the folder holds what
    /// the manifest lists, without listing every file: `lstat` of each folder instead of a
    /// walk of ten thousand.
    static func folderSignature(of output: URL, entries: some Sequence<String>, threads: Int = 0) -> UInt64 {
        var folders: Set<Substring> = [""]
        for path in entries {
            var end = path.endIndex
            while let slash = path[..<end].lastIndex(of: "/") {
                guard folders.insert(path[..<slash]).inserted else { break }
                end = slash
            }
        }
        // Summed, not hashed in sequence: the set's order does not matter, and sorting ten
        // thousand paths would cost more than the `lstat` calls.
        let root = output.path
        let hashes = Array(folders).concurrentMap(threads: threads) { folder -> UInt64 in
            var info = stat()
            let full = folder.isEmpty ? root : root + "/" + folder
            var h = KeyHash()
            h.add(String(folder))
            h.add(lstat(full, &info) == 0 ? FileSignature.of(info) : 0)
            return h.value
        }
        let sum = hashes.reduce(0, &+)
        return sum == 0 ? 1 : sum
    }

    /// The manifest entry of a file about to be written.
    static func fingerprint(_ file: OutputFile) -> UInt64 {
        var h = KeyHash()
        switch file.contents {
        case .data(let data):
            h.add("data")
            h.add(data)
        case .copy(let url):
            h.add("copy")
            h.add(url.path)
            h.add(FileSignature.of(url) ?? 0)
        }
        return h.value
    }
}
