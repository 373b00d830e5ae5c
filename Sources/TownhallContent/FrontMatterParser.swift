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

    /// The values of flat front matter, counted as `exceedsLimits` counts them.
    static func valueCount(_ entries: [FlatYAML.Entry]) -> Int {
        var count = 1
        for entry in entries {
            count += 1
            if case .sequence(let items) = entry.value { count += items.count }
        }
        return count
    }

    public static func parse(_ yaml: String, file: String, diagnostics: inout [Diagnostic]) -> FrontMatter {
        parse(yaml, file: file, diagnostics: &diagnostics, flat: true)
    }

    /// With `flat` false, Yams reads everything (the tests and the fuzzer compare the two ways).
    package static func parse(_ yaml: String, file: String, diagnostics: inout [Diagnostic], flat: Bool) -> FrontMatter {
        // The YAML starts on line 2, below the opening fence.
        let reader = YAMLReader(file: file, lineOffset: 1)
        // Flat front matter is read without libyaml (see `FlatYAML`). Its nodes carry no
        // marks, so whatever finds a problem in it is read again by Yams, whose do; so is
        // front matter over the limit, which Yams' nodes report.
        if flat, let entries = FlatYAML.entries(yaml), Self.valueCount(entries) <= maxValues {
            var problems: [Diagnostic] = []
            let fm = read(entries.map { ($0.key, $0.value, SourceLocation(file: file, line: $0.line + 1, column: $0.column)) },
                          reader: reader, into: &problems)
            if problems.isEmpty { return fm }
        }
        let root: Node?
        switch reader.parse(yaml) {
        case .success(let node): root = node
        case .failure(let d):
            diagnostics.append(d)
            return FrontMatter()
        }
        guard let root else { return FrontMatter() }
        if let problem = Self.exceedsLimits(root) {
            diagnostics.append(.error(problem, at: reader.location(root), notes: ["front matter holds a page's settings; put data in Content/data/"]))
            return FrontMatter()
        }
        guard case .mapping(let mapping) = root else {
            diagnostics.append(.error("front matter must be a mapping of keys to values", at: reader.location(root)))
            return FrontMatter()
        }
        let entries = mapping.compactMap { keyNode, node in keyNode.string.map { ($0, node, reader.location(node)) } }
        return read(entries, reader: reader, into: &diagnostics)
    }

    /// The front matter of a mapping's entries: each key, its value, and where the value is.
    private static func read(_ entries: [(String, Node, SourceLocation)], reader: YAMLReader, into diagnostics: inout [Diagnostic]) -> FrontMatter {
        var fm = FrontMatter()
        fm.keyLocations.reserveCapacity(entries.count)
        for (key, node, location) in entries {
            fm.keyLocations[key] = location
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
                            at: location))
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
                        at: location))
                }
            }
        }
        return fm
    }
}
