import TownhallDiagnostics

/// What a build made and found. `files` is empty when there were errors.
public struct BuildResult: Sendable {
    public var files: [OutputFile]
    public var diagnostics: [Diagnostic]
    public var pageCount: Int
    public var copiedCount: Int
    public var asOf: String
    public var asOfSource: String
    /// Where the site will be published (`/riverside/`), for `serve`.
    public var basePath: String = "/"
}
