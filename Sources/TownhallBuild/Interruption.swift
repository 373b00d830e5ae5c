import Dispatch
import Foundation

/// Ctrl-C (SIGINT) and SIGTERM during a build remove the temporary output folder before
/// exiting, so an interrupted build leaves nothing behind and the previous site intact.
public enum Interruption {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var folders: Set<URL> = []
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    private static let queue = DispatchQueue(label: "townhall.interruption", qos: .userInteractive)

    /// Call once, early in a command that writes.
    public static func install() {
        lock.lock()
        defer { lock.unlock() }
        guard sources.isEmpty else { return }
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            // A queue of its own: the global queues are busy with rendering during a build.
            let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            source.setEventHandler {
                cleanUp()
                FileHandle.standardError.write(Data("\ninterrupted; the previous output is unchanged\n".utf8))
                exit(128 + sig)
            }
            source.resume()
            sources.append(source)
        }
    }

    static func register(_ folder: URL) {
        lock.lock()
        folders.insert(folder)
        lock.unlock()
    }

    /// Returns at once, or never once a signal came (the process is then exiting): a writer
    /// calls it before each file, so that no file is begun while the clean-up runs.
    static func checkpoint() {
        swapLock.lock()
        swapLock.unlock()
    }

    static func unregister(_ folder: URL) {
        lock.lock()
        folders.remove(folder)
        lock.unlock()
    }

    /// Runs `body` (one file write, or the swap of the new site into place) so that an
    /// interruption waits for it: the output is then either the old site or the new one,
    /// never neither, and no write recreates a folder the clean-up removed.
    static func critical<T>(_ body: () throws -> T) rethrows -> T {
        swapLock.lock()
        defer { swapLock.unlock() }
        return try body()
    }

    private static let swapLock = NSLock()

    /// Takes the lock for good: the process exits right after, so no write follows.
    private static func cleanUp() {
        swapLock.lock()
        lock.lock()
        let pending = folders
        lock.unlock()
        // A writer may have created a file in a folder the removal had already listed (so
        // the folder is not empty when its turn comes); writers begin no file now (see
        // `checkpoint`), so the removal is tried again until nothing is left.
        for folder in pending {
            for _ in 0..<100 {
                try? FileManager.default.removeItem(at: folder)
                guard FileManager.default.fileExists(atPath: folder.path) else { break }
                usleep(2_000)
            }
        }
    }
}
