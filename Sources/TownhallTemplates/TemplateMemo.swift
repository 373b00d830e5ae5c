import Synchronization

/// Sections already written for `.reusable` values, shared by every render that is given
/// it (on any thread). Most of a page's template work is its navigation, which every page
/// of a folder shows alike: written once, it is copied for the others.
///
/// A section's text is kept only when it depended on nothing but its value: the renderer
/// notes any name found (or missed) outside the value, any block filled in from a parent
/// and any recorded slot, and then writes that section afresh every time. Keep one memo
/// per set of inputs (a build): keys are only promised to be stable within it.
public final class TemplateMemo: Sendable {
    struct Key: Hashable {
        let value: String
        /// The section's body, by the address of its nodes: each parsed section has its own,
        /// kept alive by the library as long as the memo is used with it.
        let body: Int
        let indentation: String?
    }

    private let entries = Mutex<[Key: String]>([:])

    public init() {}

    func text(_ key: Key) -> String? {
        entries.withLock { $0[key] }
    }

    func keep(_ text: String, for key: Key) {
        entries.withLock { $0[key] = text }
    }

    /// How many sections are kept (tests check that reuse happens, and only when sound).
    public var count: Int { entries.withLock { $0.count } }
}
