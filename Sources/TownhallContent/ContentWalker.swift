import Foundation
import TownhallDiagnostics

/// Lists the files of the content folder in a fixed order, skipping what is not content
/// and refusing symlinks that lead outside it.
struct ContentWalker {
    let root: URL
    let displayRoot: String

    /// Reserved at the top level: configuration and community data are never published as files.
    static let reservedTopLevel: Set<String> = ["site.yaml", "data"]

    func files(diagnostics: inout [Diagnostic]) -> [String] {
        var out: [String] = []
        walk("", depth: 0, into: &out, diagnostics: &diagnostics)
        return out
    }

    private func walk(_ relative: String, depth: Int, into out: inout [String], diagnostics: inout [Diagnostic]) {
        let dir = relative.isEmpty ? root : root.appendingPathComponent(relative)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else {
            diagnostics.append(.error("cannot read folder", at: SourceLocation(file: display(relative))))
            return
        }
        let rootPath = root.resolvingSymlinksInPath().path
        for name in names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            if name.hasPrefix(".") { continue }
            if name.hasPrefix("_") && name != "_index.md" { continue }
            if depth == 0 && Self.reservedTopLevel.contains(name) { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            let url = root.appendingPathComponent(path)
            let attrs = try? FileManager.default.attributesOfItem(atPath: url.path)
            var isDirectory = attrs?[.type] as? FileAttributeType == .typeDirectory
            if attrs?[.type] as? FileAttributeType == .typeSymbolicLink {
                let target = url.resolvingSymlinksInPath().path
                guard target == rootPath || target.hasPrefix(rootPath + "/") else {
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
                isDirectory = false
            }
            if isDirectory {
                walk(path, depth: depth + 1, into: &out, diagnostics: &diagnostics)
            } else {
                out.append(path)
            }
        }
    }

    func display(_ relative: String) -> String {
        relative.isEmpty ? displayRoot : displayRoot + "/" + relative
    }
}
