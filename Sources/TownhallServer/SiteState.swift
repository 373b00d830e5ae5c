import Foundation
import TownhallBuild
import TownhallDiagnostics

/// The one piece of shared mutable state of `serve`: the current snapshot, replaced as a
/// whole after each build.
public actor SiteState {
    public private(set) var snapshot = SiteSnapshot(files: [:], version: 0, errors: [])
    public private(set) var hasGoodBuild = false
    /// The cache of the last good build, for the next one.
    public private(set) var cache: BuildCache?

    public init() {}

    /// A successful build replaces the files; a failed one keeps them and records its errors.
    public func publish(files: [String: Data]?, errors: [Diagnostic], cache: BuildCache? = nil) {
        if let files {
            snapshot.files = files
            hasGoodBuild = true
            self.cache = cache
        }
        snapshot.errors = errors.filter { $0.severity == .error }
        snapshot.version += 1
    }

    public var version: Int { snapshot.version }
}
