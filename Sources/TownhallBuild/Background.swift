import Dispatch
import Foundation

/// A value worked out on another thread while the caller goes on; `value` waits for it.
/// `build` checks the output folder (an `lstat` of each of its folders) while the inputs
/// are listed, and works out the output's new folder signature while the cache is saved.
///
/// Each runs on a thread of its own, not on Dispatch's pool: the pool has a thread per core,
/// so a value asked for while two others were being worked out waited for one of them to
/// end (a tenth of a second with both cores idle, on the benchmark's data set).
public final class Background<T: Sendable>: @unchecked Sendable {
    // Written once by the worker before `done` is left; read only after waiting on it.
    private var result: T?
    private let done = DispatchGroup()

    public init(_ work: @escaping @Sendable () -> T) {
        done.enter()
        Thread {
            self.result = work()
            self.done.leave()
        }.start()
    }

    public var value: T {
        done.wait()
        return result!
    }
}

/// Drops values on another thread: a whole site's pages, keys and renders take tens of
/// milliseconds to free (one thread's work at the end of a build, with the other core idle),
/// and the caller has no further use for them.
enum ReleaseLater {
    private struct Held: @unchecked Sendable {
        // Only read (then dropped) by the one closure that holds it.
        let values: [Any]
    }

    static func release(_ values: Any...) {
        let held = Held(values: values)
        // A moment later, so that the caller has returned and dropped its own references:
        // whichever thread lets go last does the freeing.
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + .milliseconds(50)) { withExtendedLifetime(held) {} }
    }
}
