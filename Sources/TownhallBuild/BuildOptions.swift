import Foundation
import TownhallContent
import TownhallData

/// What the user asked for on the command line.
public struct BuildOptions: Sendable {
    public var content: URL
    public var templates: URL
    public var output: URL
    /// How the folders are named in messages (as typed, not absolute).
    public var contentDisplay: String
    public var templatesDisplay: String
    public var outputDisplay: String
    public var includeDrafts: Bool
    public var asOf: CalendarDate?
    /// 0 uses every core.
    public var threads: Int
    /// Stop after validation (`check`): nothing is rendered.
    public var validateOnly = false
    /// Limits for YAML data files.
    public var yamlLimits = YAMLLimits.default

    public init(
        content: String = "Content", templates: String = "Templates", output: String = "Site",
        includeDrafts: Bool = false, asOf: CalendarDate? = nil, threads: Int = 0
    ) {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        func url(_ path: String) -> URL { URL(fileURLWithPath: path, relativeTo: cwd).standardizedFileURL }
        self.content = url(content)
        self.templates = url(templates)
        self.output = url(output)
        self.contentDisplay = Self.trim(content)
        self.templatesDisplay = Self.trim(templates)
        self.outputDisplay = Self.trim(output)
        self.includeDrafts = includeDrafts
        self.asOf = asOf
        self.threads = threads
    }

    static func trim(_ path: String) -> String {
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        return p
    }
}
