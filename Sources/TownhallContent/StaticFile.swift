import Foundation

/// A non-Markdown file inside the content folder, copied beside its pages.
public struct StaticFile: Sendable, Hashable {
    /// Relative to the content root: `handbook/tiers.svg`; also its output path.
    public var sourcePath: String
    public var displayPath: String
    public var source: URL
}
