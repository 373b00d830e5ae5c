import Foundation

/// Notices changes under some folders by polling names, sizes and modification times.
/// Polling is portable and cheap at handbook sizes (a few thousand stat calls).
struct FileWatcher: Sendable {
    let roots: [URL]

    /// A summary that changes whenever a file is added, removed or modified.
    func fingerprint() -> [String: String] {
        var out: [String: String] = [:]
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isDirectoryKey, .isSymbolicLinkKey]
        for root in roots {
            guard let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys) else { continue }
            for case let url as URL in e {
                // Symlinks count too: adding one is a change the build must judge.
                guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isDirectory != true || values.isSymbolicLink == true else { continue }
                let time = values.contentModificationDate?.timeIntervalSince1970 ?? 0
                out[url.path] = "\(time):\(values.fileSize ?? 0)"
            }
        }
        return out
    }
}
