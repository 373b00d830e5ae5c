import TownhallDiagnostics
import Yams

/// Reads YAML front matter into a `FrontMatter`, collecting every problem.
public enum FrontMatterParser {
    /// Front matter is small: more values than this (for example from YAML aliases that
    /// expand a few lines into millions of values) or deeper nesting is refused.
    static let maxValues = 10_000
    static let maxDepth = 32

    /// Counts values the way templates would see them (aliases expanded), stopping early.
    static func exceedsLimits(_ root: Node) -> String? {
        var stack: [(Node, Int)] = [(root, 1)]
        var count = 0
        while let (node, depth) = stack.popLast() {
            count += 1
            if count > maxValues { return "front matter expands to more than \(maxValues) values (YAML aliases?); it is not read" }
            if depth > maxDepth { return "front matter nests deeper than \(maxDepth) levels; it is not read" }
            switch node {
            case .sequence(let seq): for item in seq { stack.append((item, depth + 1)) }
            case .mapping(let map): for (_, value) in map { stack.append((value, depth + 1)) }
            default: break
            }
        }
        return nil
    }

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
        if let problem = Self.exceedsLimits(root) {
            diagnostics.append(.error(problem, at: reader.location(root), notes: ["front matter holds a page's settings; put data in Content/data/"]))
            return fm
        }
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
