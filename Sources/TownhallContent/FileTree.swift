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
        let fd = open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var out: [Entry] = []
        guard threads != 1, let names = names(in: fd) else {
            _ = walk(fd, relative: "", into: &out)
            return out
        }
        // An output folder is ten thousand page folders: spread them over the cores.
        let parts = names.concurrentMap(threads: threads) { name -> [Entry] in
            var part: [Entry] = []
            visit(name, in: fd, relative: "", into: &part)
            return part
        }
        for part in parts { out += part }
        return out
    }

    /// A folder's names sorted by their bytes; nil when it cannot be read. `fd` stays open.
    private static func names(in fd: Int32) -> [String]? {
        // fdopendir takes the descriptor over and reads from its offset: give it one of its own.
        let own = openat(fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard own >= 0 else { return nil }
        guard let dir = fdopendir(own) else {
            close(own)
            return nil
        }
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

    /// False when the folder `fd` cannot be read.
    private static func walk(_ fd: Int32, relative: String, into out: inout [Entry]) -> Bool {
        guard let names = names(in: fd) else { return false }
        for name in names { visit(name, in: fd, relative: relative, into: &out) }
        return true
    }

    /// Lists one entry of the folder `fd`, and everything under it when it is a folder.
    /// Names are looked up relative to their folder's descriptor, not by whole paths: the
    /// kernel's path walk was a fifth of a no-op rebuild.
    private static func visit(_ name: String, in fd: Int32, relative: String, into out: inout [Entry]) {
        let path = relative.isEmpty ? name : relative + "/" + name
        var info = stat()
        guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return }
        let type = info.st_mode & S_IFMT
        var signature = FileSignature.of(info)
        if type == S_IFLNK {
            var target = stat()
            signature = fstatat(fd, name, &target, 0) == 0 ? FileSignature.of(target) : 0
        }
        out.append(Entry(
            path: path, isFile: type == S_IFREG, isDirectory: type == S_IFDIR, isSymlink: type == S_IFLNK,
            isUnreadable: false, signature: signature))
        guard type == S_IFDIR else { return }
        let child = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if child < 0 || !walk(child, relative: path, into: &out) { out[out.count - 1].isUnreadable = true }
        if child >= 0 { close(child) }
    }

    /// True when `folder` can be listed.
    public static func isReadable(_ folder: URL) -> Bool {
        guard let dir = opendir(folder.path) else { return false }
        closedir(dir)
        return true
    }
}
