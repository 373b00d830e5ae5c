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
        w.keyed(entries)
    }

    static func read(_ r: inout ByteReader) throws -> OutputManifest {
        OutputManifest(entries: try r.keyed())
    }

    /// The signatures (inode, size, modification time) of the output folder and of every
    /// folder holding a file of `entries`, hashed. A file added, removed or renamed changes
    /// its folder's modification time, so an equal signature means the folder holds what
    /// the manifest lists, without listing every file: `lstat` of each folder instead of a
    /// walk of ten thousand.
    static func folderSignature(of output: URL, entries: some Sequence<String>) -> UInt64 {
        // Each folder holding a file, and their ancestors, listed under their parent, found
        // on each path's bytes: through `Substring`s and their UTF-8 views (index checks at
        // every step, SipHash of every slice), this took about 25 ms of an edit's CPU, more
        // than the `lstat` calls.
        var seen: Set<String> = [""]
        // About a folder for each file (a page is its folder's `index.html`): sized once.
        seen.reserveCapacity(entries.underestimatedCount + 1)
        var children: [String: [(folder: String, name: String)]] = [:]
        for path in entries {
            var path = path
            path.withUTF8 { bytes in
                var end = bytes.count
                while let cut = lastSlash(in: bytes, before: end) {
                    let folder = text(bytes, 0, cut)
                    guard seen.insert(folder).inserted else { break }
                    let above = lastSlash(in: bytes, before: cut)
                    let parent = above.map { text(bytes, 0, $0) } ?? ""
                    children[parent, default: []].append((folder, text(bytes, above.map { $0 + 1 } ?? 0, cut)))
                    end = cut
                }
            }
        }
        // Summed, not hashed in sequence: the order does not matter, and sorting ten thousand
        // paths would cost more than the `lstat` calls. Each folder is looked up in its
        // parent's descriptor rather than by its whole path (the kernel's path walk was
        // most of the cost).
        let root = output.path
        let sums = Array(children).concurrentMap { parent, folders -> UInt64 in
            let fd = open(parent.isEmpty ? root : root + "/" + parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            defer { if fd >= 0 { close(fd) } }
            var sum: UInt64 = 0
            for (folder, name) in folders {
                var info = stat()
                let ok = fd >= 0 && fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0
                sum &+= folderHash(folder, ok ? FileSignature.of(info) : 0)
            }
            return sum
        }
        return normalized(sums.reduce(folderHash(root, ""), &+))
    }

    /// Where the last `/` before `end` is.
    private static func lastSlash(in bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Int? {
        var i = end - 1
        while i >= 0, bytes[i] != UInt8(ascii: "/") { i -= 1 }
        return i >= 0 ? i : nil
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// One folder's part of `folderSignature` (`folder` relative to `root`, "" for the root).
    static func folderHash(_ root: String, _ folder: String) -> UInt64 {
        var info = stat()
        let full = folder.isEmpty ? root : root + "/" + folder
        return folderHash(folder, lstat(full, &info) == 0 ? FileSignature.of(info) : 0)
    }

    private static func folderHash(_ folder: String, _ signature: UInt64) -> UInt64 {
        var h = KeyHash()
        h.add(folder)
        h.add(signature)
        return h.value
    }

    /// 0 means unknown.
    static func normalized(_ sum: UInt64) -> UInt64 { sum == 0 ? 1 : sum }

    /// The folder holding an output path ("" for the root).
    static func folder(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
    }

    /// The manifest entry of a file about to be written.
    static func fingerprint(_ file: OutputFile) -> UInt64 {
        var h = KeyHash()
        switch file.contents {
        case .data(let data):
            h.add("data")
            h.add(data)
        case .bytes(let bytes):
            // As for the same bytes in `Data`: an edit compares the file read back with this.
            h.add("data")
            h.add(bytes)
        case .copy(let url):
            h.add("copy")
            h.add(url.path)
            h.add(FileSignature.of(url) ?? 0)
        }
        return h.value
    }
}
