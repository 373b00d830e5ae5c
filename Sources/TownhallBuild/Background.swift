import Dispatch

/// A value worked out on another thread while the caller goes on; `value` waits for it.
/// `build` uses it to check the output folder (a walk of every file) while the inputs are
/// walked: two walks of ten thousand files in the time of one.
public final class Background<T: Sendable>: @unchecked Sendable {
    // Written once by the worker before `done` is left; read only after waiting on it.
    private var result: T?
    private let done = DispatchGroup()

    public init(_ work: @escaping @Sendable () -> T) {
        done.enter()
        DispatchQueue.global().async {
            self.result = work()
            self.done.leave()
        }
    }

    public var value: T {
        done.wait()
        return result!
    }
}
