import Foundation
import TownhallDiagnostics

/// One build at a time per output folder: an exclusive `flock` on a file beside it. The
/// kernel releases the lock when the process ends, even by `kill -9`, so it never goes stale.
public final class OutputLock: @unchecked Sendable {
    private let fd: Int32

    /// Takes the lock or fails at once, naming the folder another build is writing.
    public init(output: URL, display: String) throws(Diagnostic) {
        let path = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).townhall-lock").path
        fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw .error("cannot create the build lock \(path): \(String(cString: strerror(errno)))", at: SourceLocation(file: display))
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw .error(
                "another townhall build is writing this folder; wait for it to finish",
                at: SourceLocation(file: display), notes: ["the lock is \(path); it is released when that build ends"])
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
