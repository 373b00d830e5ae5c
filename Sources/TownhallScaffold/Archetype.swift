import Foundation
import TownhallContent
import TownhallDiagnostics
import TownhallTemplates

/// A template for a new content file. A site's own `Content/_archetypes/<name>.md`
/// replaces the built-in one of the same name.
public struct Archetype: Sendable {
    public let name: String
    public let text: String
    /// Where the text came from, for error messages.
    public let source: String

    public static func load(_ name: String, content: URL, contentDisplay: String) -> Archetype {
        let own = content.appendingPathComponent("_archetypes/\(name).md")
        if let text = try? TextFile.read(own, displayPath: "").get() {
            return Archetype(name: name, text: text, source: "\(contentDisplay)/_archetypes/\(name).md")
        }
        return Archetype(name: name, text: BuiltInArchetypes.text(for: name), source: "built-in \(name) archetype")
    }

    /// Fills `{{{title}}}`, `{{{titleYAML}}}` and the like. YAML values are given already
    /// quoted, so a title with a colon or quotes cannot break the front matter.
    public func render(_ values: [String: String]) throws(Diagnostic) -> String {
        do {
            return try Template(text).render(.object(TemplateObject(values.mapValues { .string($0) })))
        } catch {
            throw .error("archetype is not a valid template: \(error.message)", at: SourceLocation(file: source, line: error.line, column: error.column))
        }
    }

    /// A YAML double-quoted scalar (JSON strings are valid YAML).
    public static func yamlQuoted(_ s: String) -> String { JSONText.quote(s) }
}
