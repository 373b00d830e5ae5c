import Foundation

/// A fast listing of everything under a folder, straight from `readdir` and `lstat`:
/// the no-op rebuild is a walk of the inputs and of the output, and Foundation's
/// enumerator with resource values cost over a second on 10,000 files where this costs
/// tens of milliseconds. Symlinks are listed (with their target's signature) but not
/// entered, so a loop cannot trap the walk.
public enum FileTree {
    public struct Entry: Sendable, Equatable {
        /// Relative to the root, with `/`.
        public var path: String
        public var isFile: Bool
        public var isDirectory: Bool
        public var isSymlink: Bool
        /// A folder that could not be opened: its contents are not listed.
        public var isUnreadable: Bool
        /// `FileSignature` of the entry (a symlink's target), 0 when it cannot be read.
        public var signature: UInt64
    }

    /// Every entry under `root` in the order of a depth-first walk: each folder's names
    /// sorted by their bytes, a folder's contents right after it. Empty when `root` cannot
    /// be read. (The order of the content walk, so the listing needs no sort of its own.)
    /// With `threads` other than 1, the top-level folders are walked on that many threads
    /// (0: every core); the listing is the same.
    public static func list(_ root: URL, threads: Int = 1) -> [Entry] {
        var out: [Entry] = []
        guard threads != 1, let names = names(in: root.path) else {
            _ = walk(root.path, relative: "", into: &out)
            return out
        }
        // An output folder is ten thousand page folders: spread them over the cores.
        let parts = names.concurrentMap(threads: threads) { name -> [Entry] in
            var part: [Entry] = []
            visit(name, in: root.path, relative: "", into: &part)
            return part
        }
        for part in parts { out += part }
        return out
    }

    /// A folder's names sorted by their bytes; nil when it cannot be opened.
    private static func names(in folder: String) -> [String]? {
        guard let dir = opendir(folder) else { return nil }
        var names: [String] = []
        while let item = readdir(dir) {
            let name = withUnsafePointer(to: item.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        closedir(dir)
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// False when `folder` cannot be opened.
    private static func walk(_ folder: String, relative: String, into out: inout [Entry]) -> Bool {
        guard let names = names(in: folder) else { return false }
        for name in names { visit(name, in: folder, relative: relative, into: &out) }
        return true
    }

    /// Lists one entry of `folder`, and everything under it when it is a folder.
    private static func visit(_ name: String, in folder: String, relative: String, into out: inout [Entry]) {
        let full = folder + "/" + name
        let path = relative.isEmpty ? name : relative + "/" + name
        var info = stat()
        guard lstat(full, &info) == 0 else { return }
        let type = info.st_mode & S_IFMT
        var signature = FileSignature.of(info)
        if type == S_IFLNK {
            var target = stat()
            signature = stat(full, &target) == 0 ? FileSignature.of(target) : 0
        }
        out.append(Entry(
            path: path, isFile: type == S_IFREG, isDirectory: type == S_IFDIR, isSymlink: type == S_IFLNK,
            isUnreadable: false, signature: signature))
        if type == S_IFDIR, !walk(full, relative: path, into: &out) { out[out.count - 1].isUnreadable = true }
    }

    /// True when `folder` can be listed.
    public static func isReadable(_ folder: URL) -> Bool {
        guard let dir = opendir(folder.path) else { return false }
        closedir(dir)
        return true
    }
}
