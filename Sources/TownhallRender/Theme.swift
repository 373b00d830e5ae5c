import Foundation
import TownhallContent
import TownhallDiagnostics
import TownhallTemplates

/// The templates of the theme folder, overridden by name by a site's own `_templates/`,
/// parsed and checked: every partial or parent a template names must exist.
public struct Theme: Sendable {
    public let library: TemplateLibrary
    /// Template names (the file name without `.mustache`: `page`, `head`) with their file.
    /// Names are flat so that partials and parents read `{{> head}}` and `{{< base}}`; the
    /// layouts/ and partials/ folders only keep a theme tidy.
    public let sources: [String: String]
    /// Non-template files of the theme (`assets/style.css`), relative to their folder.
    public let assets: [ThemeAsset]
    /// Templates in a layouts/ folder: what a page's `layout:` may name.
    public let layoutNames: [String]
    /// For each template, a hash of its text and of every template it uses, directly or
    /// not: a page must be rendered again exactly when its layout's hash changes.
    public let closureHashes: [String: UInt64]

    public static let requiredLayouts = ["home", "section", "page", "tags", "tag", "404"]

    public static func load(
        themeRoot: URL, themeDisplay: String, overrideRoot: URL?, overrideDisplay: String,
        diagnostics: inout [Diagnostic]
    ) -> Theme {
        var texts: [String: (text: String, display: String)] = [:]
        var assets: [String: ThemeAsset] = [:]
        var layoutSet: Set<String> = []
        for (root, display) in [(themeRoot, themeDisplay), (overrideRoot, overrideDisplay)] {
            guard let root else { continue }
            for path in files(under: root) {
                let url = root.appendingPathComponent(path)
                let shown = display + "/" + path
                if path.hasSuffix(".mustache") {
                    let name = String((path as NSString).lastPathComponent.dropLast(".mustache".count))
                    if let first = texts[name], first.display.hasPrefix(display + "/") {
                        diagnostics.append(.error(
                            "two templates are named \"\(name)\": \(first.display) and \(shown); template names must be unique",
                            at: SourceLocation(file: shown)))
                    }
                    switch TextFile.read(url, displayPath: shown) {
                    case .success(let text):
                        texts[name] = (text, shown)
                        if path.hasPrefix("layouts/") { layoutSet.insert(name) }
                    case .failure(let d): diagnostics.append(d)
                    }
                } else {
                    assets[path] = ThemeAsset(path: path, source: url)
                }
            }
        }
        var library = TemplateLibrary()
        var parents: Set<String> = []
        for name in texts.keys.sorted() {
            let entry = texts[name]!
            do {
                library.register(try Template(entry.text), named: name)
            } catch {
                diagnostics.append(.error(
                    "template syntax error: \(error.message)",
                    at: SourceLocation(file: entry.display, line: error.line, column: error.column)))
            }
            let refs = references(in: entry.text)
            parents.formUnion(refs.filter(\.isParent).map(\.name))
            for ref in refs where texts[ref.name] == nil {
                var message = "template \"\(ref.name)\" not found"
                if let guess = Suggestion.closest(to: ref.name, in: texts.keys.sorted()) { message += "; did you mean \"\(guess)\"?" }
                diagnostics.append(.error(message, at: SourceLocation(file: entry.display, line: ref.line, column: ref.column)))
            }
        }
        for layout in requiredLayouts where texts[layout] == nil {
            diagnostics.append(.error(
                "missing template layouts/\(layout).mustache; every theme needs the layouts \(requiredLayouts.joined(separator: ", "))",
                at: SourceLocation(file: themeDisplay)))
        }
        return Theme(
            library: library,
            sources: texts.mapValues(\.display),
            assets: assets.keys.sorted().map { assets[$0]! },
            // A parent such as `base` is a frame for layouts, not a layout of its own.
            layoutNames: layoutSet.subtracting(parents).sorted(),
            closureHashes: closures(texts.mapValues(\.text)))
    }

    public func has(_ name: String) -> Bool { sources[name] != nil }

    public func hasLayout(_ name: String) -> Bool { layoutNames.contains(name) }



    static func closures(_ texts: [String: String]) -> [String: UInt64] {
        let refs = texts.mapValues { Set(references(in: $0).map(\.name)) }
        var out: [String: UInt64] = [:]
        for name in texts.keys {
            var seen: Set<String> = [name]
            var stack = [name]
            while let next = stack.popLast() {
                for ref in refs[next] ?? [] where seen.insert(ref).inserted { stack.append(ref) }
            }
            // The same hash the render keys use (RenderKeys.swift), not a third copy of FNV.
            var hash = KeyHash()
            for member in seen.sorted() {
                hash.add(member)
                hash.add(texts[member] ?? "")
            }
            out[name] = hash.value
        }
        return out
    }

    /// `{{> name}}` and `{{< name}}` tags, with where they are.
    static func references(in text: String) -> [(name: String, line: Int, column: Int, isParent: Bool)] {
        var out: [(String, Int, Int, Bool)] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let after = rest[open.upperBound...]
                let trimmed = after.drop(while: { $0 == " " })
                guard let sigil = trimmed.first, sigil == ">" || sigil == "<",
                      let close = trimmed.range(of: "}}") else {
                    rest = after
                    continue
                }
                let name = trimmed[trimmed.index(after: trimmed.startIndex)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                // `{{>*dynamic}}` names come from data; they cannot be checked here.
                if !name.hasPrefix("*") { out.append((name, offset + 1, column, sigil == "<")) }
                rest = trimmed[close.upperBound...]
            }
        }
        return out
    }

    static func files(under root: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var out: [String] = []
        for case let path as String in enumerator {
            var isDir: ObjCBool = false
            let name = (path as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDir), !isDir.boolValue {
                out.append(path)
            }
        }
        return out.sorted()
    }
}

/// A file the theme ships beside its templates.
public struct ThemeAsset: Sendable, Hashable {
    public var path: String
    public var source: URL
}
