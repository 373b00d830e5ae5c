import TownhallDiagnostics
import Yams

/// Parses YAML into Yams nodes and reads typed values from them, turning every problem
/// into a diagnostic at the value's own line and column.
public struct YAMLReader: Sendable {
    public let file: String
    /// Added to YAML line numbers: front matter starts below the `---` fence.
    public let lineOffset: Int

    /// Made once: Yams' `Constructor.default` builds its tables anew on every use. Shared
    /// safely: its tables are `let`s, and composing only attaches it to tags.
    nonisolated(unsafe) static let constructor = Constructor.default

    public init(file: String, lineOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
    }

    public func parse(_ text: String) -> Result<Node?, Diagnostic> {
        do {
            // The encoding is given: Yams' default reads the whole process environment (for
            // YAMS_DEFAULT_ENCODING) on every parse, 3 % of a full build's CPU at 10,000 pages.
            // The basic resolver: the default one runs seven regular expressions on every
            // mapping key (for the duplicate check), 4 % of that build. Nothing here reads
            // resolved tags: Yams' typed reads (`bool`, `int`, `float`) go by the text (and
            // `bool` refuses a quoted scalar, which libyaml tags `str`), so values read the
            // same; keys that read the same text are now duplicates whatever their type (`1`
            // and `"1"` both name the key "1" here).
            return .success(try Yams.compose(yaml: text, .basic, Self.constructor, .utf8))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error))
        } catch {
            return .failure(.error("invalid YAML: \(error)", at: SourceLocation(file: file, line: lineOffset + 1, column: 1)))
        }
    }

    public func location(_ node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: file, line: lineOffset + 1, column: 1) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            var message = "invalid YAML: \(problem)"
            if let context { message += " \(context.text)" }
            return .error(message, at: SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column))
        case let .reader(problem, _, _, _):
            return .error("invalid YAML: \(problem)", at: SourceLocation(file: file, line: lineOffset + 1, column: 1))
        default:
            return .error("invalid YAML: \(error)", at: SourceLocation(file: file, line: lineOffset + 1, column: 1))
        }
    }

    // MARK: - Typed reads

    public func string(_ node: Node, key: String, into diagnostics: inout [Diagnostic]) -> String? {
        guard case .scalar(let scalar) = node else {
            diagnostics.append(.error("expected text for `\(key)`", at: location(node)))
            return nil
        }
        return scalar.string
    }

    public func int(_ node: Node, key: String, into diagnostics: inout [Diagnostic]) -> Int? {
        guard let value = Self.decimal(node) ?? node.int else {
            diagnostics.append(.error("expected a whole number for `\(key)`, found \(describe(node))", at: location(node)))
            return nil
        }
        return value
    }

    /// A plain decimal like `7` or `-12`, read without Yams' general reading (which takes
    /// out `_` with Foundation first: 0.7 % of a 10,000-page build, for `weight` alone).
    /// Anything else (`0o17`, `0x1F`, `1_000`, `017`, `-0`, `1:30`) is left to Yams.
    static func decimal(_ node: Node) -> Int? {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return nil }
        let digits = scalar.string.utf8.first == UInt8(ascii: "-") ? scalar.string.utf8.dropFirst() : scalar.string.utf8[...]
        guard let first = digits.first, digits.count <= 18, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              first != UInt8(ascii: "0") || scalar.string == "0" else { return nil }
        return Int(scalar.string)
    }

    public func bool(_ node: Node, key: String, into diagnostics: inout [Diagnostic]) -> Bool? {
        guard let value = node.bool else {
            diagnostics.append(.error("expected true or false for `\(key)`, found \(describe(node))", at: location(node)))
            return nil
        }
        return value
    }

    public func date(_ node: Node, key: String, into diagnostics: inout [Diagnostic]) -> CalendarDate? {
        guard case .scalar(let scalar) = node, let date = CalendarDate(iso: scalar.string) else {
            diagnostics.append(.error("expected a date like 2026-09-14 for `\(key)`, found \(describe(node))", at: location(node)))
            return nil
        }
        return date
    }

    public func strings(_ node: Node, key: String, into diagnostics: inout [Diagnostic]) -> [String] {
        switch node {
        case .scalar(let s): return s.string.isEmpty ? [] : [s.string]
        case .sequence(let seq):
            return seq.compactMap { string($0, key: key, into: &diagnostics) }
        default:
            diagnostics.append(.error("expected a list of text for `\(key)`", at: location(node)))
            return []
        }
    }

    /// Any YAML value as a template-ready value.
    public func value(_ node: Node) -> FrontMatterValue {
        switch node {
        case .scalar(let s):
            if s.string == "~" || s.string == "null" || (s.string.isEmpty && s.style == .plain) { return .null }
            if s.style == .plain {
                if let b = node.bool { return .bool(b) }
                if let i = node.int { return .int(i) }
                if let d = node.float, d.isFinite { return .double(d) }
            }
            return .string(s.string)
        case .sequence(let seq): return .list(seq.map(value))
        case .mapping(let map):
            return .map(map.map { (key: $0.key.string ?? "", value: value($0.value)) })
        case .alias: return .null
        }
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return "\"\(s.string)\""
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }
}
