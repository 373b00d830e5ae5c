import Foundation
import TownhallDiagnostics

/// The one piece of shared mutable state of `serve`: the current snapshot, replaced as a
/// whole after each build.
public actor SiteState {
    public private(set) var snapshot = SiteSnapshot(files: [:], version: 0, errors: [])
    public private(set) var hasGoodBuild = false

    public init() {}

    /// A successful build replaces the files; a failed one keeps them and records its errors.
    public func publish(files: [String: Data]?, errors: [Diagnostic]) {
        if let files {
            snapshot.files = files
            hasGoodBuild = true
        }
        snapshot.errors = errors.filter { $0.severity == .error }
        snapshot.version += 1
    }

    public var version: Int { snapshot.version }
}
