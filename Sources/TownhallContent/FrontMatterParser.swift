import TownhallDiagnostics
import Yams

/// Reads YAML front matter into a `FrontMatter`, collecting every problem.
public enum FrontMatterParser {
    public static func parse(_ yaml: String, file: String, diagnostics: inout [Diagnostic]) -> FrontMatter {
        // The YAML starts on line 2, below the opening fence.
        let reader = YAMLReader(file: file, lineOffset: 1)
        var fm = FrontMatter()
        let root: Node?
        switch reader.parse(yaml) {
        case .success(let node): root = node
        case .failure(let d):
            diagnostics.append(d)
            return fm
        }
        guard let root else { return fm }
        guard case .mapping(let mapping) = root else {
            diagnostics.append(.error("front matter must be a mapping of keys to values", at: reader.location(root)))
            return fm
        }
        for (keyNode, node) in mapping {
            guard let key = keyNode.string else { continue }
            fm.keyLocations[key] = reader.location(node)
            switch key {
            case "title": fm.title = reader.string(node, key: key, into: &diagnostics)
            case "description": fm.description = reader.string(node, key: key, into: &diagnostics)
            case "weight": fm.weight = reader.int(node, key: key, into: &diagnostics)
            case "date": fm.date = reader.date(node, key: key, into: &diagnostics)
            case "updated": fm.updated = reader.date(node, key: key, into: &diagnostics)
            case "reviewed": fm.reviewed = reader.date(node, key: key, into: &diagnostics)
            case "draft": fm.draft = reader.bool(node, key: key, into: &diagnostics) ?? false
            case "slug":
                if let slug = reader.string(node, key: key, into: &diagnostics) {
                    if Slug.isValid(slug) {
                        fm.slug = slug
                    } else {
                        diagnostics.append(.error(
                            "invalid slug \"\(slug)\"; expected one path segment without /, \\, .. or control characters",
                            at: reader.location(node)))
                    }
                }
            case "tags": fm.tags = reader.strings(node, key: key, into: &diagnostics)
            case "layout": fm.layout = reader.string(node, key: key, into: &diagnostics)
            case "toc": fm.toc = reader.bool(node, key: key, into: &diagnostics)
            case "numbered": fm.numbered = reader.bool(node, key: key, into: &diagnostics) ?? false
            default:
                fm.params[key] = UnsafeURL.strip(reader.value(node)) { path in
                    diagnostics.append(.warning(
                        "`\(([key] + path).joined(separator: "."))` starts with a script URL scheme and was left out; templates may put front-matter values into links",
                        at: reader.location(node)))
                }
            }
        }
        return fm
    }
}
