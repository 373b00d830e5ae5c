import Foundation
import TownhallDiagnostics

/// The site as served: files of the last good build, held in memory, and the errors of
/// the latest build if it failed.
public struct SiteSnapshot: Sendable {
    public var files: [String: Data]
    /// Bumped on every build, good or bad; pages poll it to know when to reload.
    public var version: Int
    /// Errors of the latest build; the files are still the last good ones.
    public var errors: [Diagnostic]

    public init(files: [String: Data], version: Int, errors: [Diagnostic]) {
        self.files = files
        self.version = version
        self.errors = errors
    }
}
