import Foundation
import TownhallDiagnostics

/// Lists the files of the content folder in a fixed order, skipping what is not content
/// and refusing symlinks that lead outside it. Works from a `FileTree` listing (readdir
/// and lstat), which the build also hashes for its input signature, so the folder is
/// walked once per build.
struct ContentWalker {
    let root: URL
    let displayRoot: String

    /// Reserved at the top level: configuration and community data are never published as files.
    static let reservedTopLevel: Set<String> = ["site.yaml", "data"]

    /// A file to read or copy, with its `FileSignature` (its target's, for a symlink).
    struct File {
        var path: String
        var signature: UInt64
    }

    /// The files of `listing` (`FileTree.list(root)`) in the order of a depth-first walk
    /// with each folder's names sorted by their bytes.
    func files(in listing: [FileTree.Entry], diagnostics: inout [Diagnostic]) -> [File] {
        guard FileTree.isReadable(root) else {
            diagnostics.append(.error("cannot read folder", at: SourceLocation(file: display(""))))
            return []
        }
        // The listing is in walk order, where a folder's contents follow it: a skipped
        // folder is one prefix to pass over.
        var out: [File] = []
        // The folder whose contents are being skipped: not content, or unreadable.
        var skipped: String?
        var rootPath: String?
        for entry in listing {
            let path = entry.path
            if let folder = skipped {
                if path.utf8.starts(with: (folder + "/").utf8) { continue }
                skipped = nil
            }
            // On the UTF-8 view: `contains("/")` is Foundation's search, and `split` works on
            // `Character`s, a serial hundredth of a second for 10,000 files.
            let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
            let name = slash.map { path[path.utf8.index(after: $0)...] } ?? path[...]
            let isTop = slash == nil
            if name.utf8.first == UInt8(ascii: ".") || (name.utf8.first == UInt8(ascii: "_") && name != "_index.md")
                || (isTop && Self.reservedTopLevel.contains(path)) {
                skipped = path
                continue
            }
            if entry.isSymlink {
                let resolvedRoot = rootPath ?? root.resolvingSymlinksInPath().path
                rootPath = resolvedRoot
                let target = root.appendingPathComponent(path).resolvingSymlinksInPath().path
                guard target == resolvedRoot || target.hasPrefix(resolvedRoot + "/") else {
                    diagnostics.append(.error(
                        "symlink points outside the content folder; it is not followed",
                        at: SourceLocation(file: display(path))))
                    continue
                }
                var dirFlag: ObjCBool = false
                guard FileManager.default.fileExists(atPath: target, isDirectory: &dirFlag) else {
                    diagnostics.append(.error("symlink is broken or loops", at: SourceLocation(file: display(path))))
                    continue
                }
                if dirFlag.boolValue {
                    diagnostics.append(.warning(
                        "symlinked folder is not followed (it could loop); copy the folder instead",
                        at: SourceLocation(file: display(path))))
                    continue
                }
                out.append(File(path: path, signature: entry.signature))
            } else if entry.isDirectory {
                if entry.isUnreadable {
                    diagnostics.append(.error("cannot read folder", at: SourceLocation(file: display(path))))
                }
            } else {
                out.append(File(path: path, signature: entry.signature))
            }
        }
        return out
    }

    func display(_ relative: String) -> String {
        relative.isEmpty ? displayRoot : displayRoot + "/" + relative
    }
}
