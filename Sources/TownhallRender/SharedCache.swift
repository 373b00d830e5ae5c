import Foundation

/// Values worked out once per key and shared by the render threads (a folder's navigation,
/// its pages' common context). Two threads may make the same entry at once; both make the
/// same value, so either may be kept.
final class SharedCache<Key: Hashable, Value>: @unchecked Sendable {
    // `NSLock` rather than `Mutex`, which needs macOS 15.
    private let lock = NSLock()
    private var entries: [Key: Value] = [:]

    func entry(_ key: Key, make: () -> Value) -> Value {
        if let found = lock.withLock({ entries[key] }) { return found }
        let made = make()
        lock.withLock { entries[key] = made }
        return made
    }
}
