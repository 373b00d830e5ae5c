import Yams
import TownhallMarkdown

/// Reads the front matter almost every page has — one `key: value` a line, and lists as
/// `[a, b]` or as `- item` lines — without libyaml: for 10,000 pages, front matter was 6.4 %
/// of a build's CPU, most of it Yams making and parsing libyaml's events. Its nodes read as
/// Yams' do: the same text, scalar style and tag (a quoted scalar's is `str`, so a quoted
/// `"true"` is text); they carry no marks, and lists no style, which nothing reads. Anything
/// outside that subset (nesting, block scalars, comments after a value, anchors, tags,
/// tabs, duplicate keys, a key with no value) gives nil, and Yams reads it.
enum FlatYAML {
    struct Entry {
        var key: String
        var value: Node
        /// Where the value starts: 1-based line within the YAML, and column in Unicode
        /// scalars (libyaml's marks).
        var line: Int
        var column: Int
    }

    /// Longer keys are left to libyaml, which limits simple keys to 1,024 characters.
    static let maxKeyLength = 200

    static func entries(_ yaml: String) -> [Entry]? {
        var yaml = yaml
        return yaml.withUTF8 { entries(in: $0) }
    }

    private static func entries(in text: UnsafeBufferPointer<UInt8>) -> [Entry]? {
        guard !hasSpecialBytes(text) else { return nil }
        var out: [Entry] = []
        var keys = SmallStringSet()
        // A key written with nothing after it, whose `- item` lines are being read.
        var list: (key: String, line: Int, column: Int, indent: Int, items: [Node])?
        func closeList() -> Bool {
            guard let open = list else { return true }
            list = nil
            // A key with no items is null: left to Yams.
            guard !open.items.isEmpty else { return false }
            out.append(Entry(key: open.key, value: .sequence(.init(open.items, tag(), .any)), line: open.line, column: open.column))
            return true
        }
        var lineNumber = 0
        var start = 0
        while start <= text.count {
            let end = text[start...].firstIndex(of: 0x0A) ?? text.count
            lineNumber += 1
            defer { start = end + 1 }
            let line = UnsafeBufferPointer(rebasing: text[start..<end])
            var indent = 0
            while indent < line.count, line[indent] == 0x20 { indent += 1 }
            if indent == line.count { continue }
            if indent == 0, line[0] == UInt8(ascii: "#") { continue }
            if line[indent] == UInt8(ascii: "-"), indent + 1 < line.count, line[indent + 1] == 0x20 {
                // An item of the open list, indented as its first one.
                guard var open = list, open.items.isEmpty || open.indent == indent else { return nil }
                if open.items.isEmpty { (open.indent, open.line, open.column) = (indent, lineNumber, indent + 1) }
                var valueStart = indent + 2
                while valueStart < line.count, line[valueStart] == 0x20 { valueStart += 1 }
                guard let item = scalar(line, from: valueStart, flow: false) else { return nil }
                open.items.append(item)
                list = open
                continue
            }
            guard indent == 0, closeList(), let colon = keyEnd(line) else { return nil }
            let key = String(decoding: UnsafeBufferPointer(rebasing: line[..<colon]), as: UTF8.self)
            guard keys.insert(key) else { return nil }
            var valueStart = colon + 1
            while valueStart < line.count, line[valueStart] == 0x20 { valueStart += 1 }
            if valueStart == line.count {
                list = (key, 0, 0, 0, [])
                continue
            }
            guard let value = line[valueStart] == UInt8(ascii: "[")
                ? flowList(line, from: valueStart) : scalar(line, from: valueStart, flow: false)
            else { return nil }
            out.append(Entry(key: key, value: value, line: lineNumber, column: valueStart + 1))
        }
        guard closeList() else { return nil }
        return out
    }

    /// The index of the `:` that ends a plain ASCII key (`[A-Za-z_][A-Za-z0-9_-]*`) followed
    /// by a space or the line's end.
    private static func keyEnd(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = line.first, isLetter(first) || first == UInt8(ascii: "_") else { return nil }
        var i = 1
        while i < line.count, isLetter(line[i]) || isDigit(line[i]) || line[i] == UInt8(ascii: "_") || line[i] == UInt8(ascii: "-") {
            i += 1
        }
        guard i <= maxKeyLength, i < line.count, line[i] == UInt8(ascii: ":"),
              i + 1 == line.count || line[i + 1] == 0x20 else { return nil }
        return i
    }

    /// `[a, b, "c"]`: plain or quoted items without commas, colons or brackets.
    private static func flowList(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Node? {
        var end = line.count
        while line[end - 1] == 0x20 { end -= 1 }
        guard end - start >= 2, line[end - 1] == UInt8(ascii: "]") else { return nil }
        var items: [Node] = []
        var i = start + 1
        let close = end - 1
        while i < close, line[i] == 0x20 { i += 1 }
        if i == close { return .sequence(.init([], tag(), .any)) }
        while true {
            var itemEnd = i
            while itemEnd < close, line[itemEnd] != UInt8(ascii: ",") { itemEnd += 1 }
            guard let item = scalar(UnsafeBufferPointer(rebasing: line[..<itemEnd]), from: i, flow: true) else { return nil }
            items.append(item)
            guard itemEnd < close else { break }
            i = itemEnd + 1
            while i < close, line[i] == 0x20 { i += 1 }
            // `[a, ]` and `[a,]`: an empty item is left to Yams.
            guard i < close else { return nil }
        }
        return .sequence(.init(items, tag(), .any))
    }

    /// A one-line scalar from `start` to the end of `line` (trailing spaces dropped): quoted
    /// without escapes or inner quotes, or plain without anything YAML would read as syntax.
    private static func scalar(_ line: UnsafeBufferPointer<UInt8>, from start: Int, flow: Bool) -> Node? {
        var end = line.count
        while end > start, line[end - 1] == 0x20 { end -= 1 }
        guard end > start else { return nil }
        let first = line[start]
        let text = UnsafeBufferPointer(rebasing: line[start..<end])
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            guard text.count >= 2, text[text.count - 1] == first else { return nil }
            let inner = UnsafeBufferPointer(rebasing: text[1..<(text.count - 1)])
            guard !inner.contains(first), !inner.contains(UInt8(ascii: "\\")) else { return nil }
            return .scalar(.init(String(decoding: inner, as: UTF8.self), quotedTag(), first == UInt8(ascii: "'") ? .singleQuoted : .doubleQuoted))
        }
        guard plainStart(text) else { return nil }
        for i in text.indices {
            switch text[i] {
            // `: ` would start a mapping and ` #` a comment; inside a word they are text.
            case UInt8(ascii: ":"): if flow || i + 1 == text.count || text[i + 1] == 0x20 { return nil }
            case UInt8(ascii: "#"): if text[i - 1] == 0x20 { return nil }
            case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ","):
                if flow { return nil }
            default: break
            }
        }
        return .scalar(.init(String(decoding: text, as: UTF8.self), tag(), .plain))
    }

    /// Letters, digits, other than ASCII, a few harmless signs, or `-` before a digit; not
    /// YAML's indicators (`-?:,[]{}#&*!|>'"%@` and backquote).
    private static func plainStart(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let b = text[0]
        if isLetter(b) || isDigit(b) || b >= 0x80 { return true }
        switch b {
        case UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "("), UInt8(ascii: "_"), UInt8(ascii: "+"),
             UInt8(ascii: "$"), UInt8(ascii: "~"), UInt8(ascii: "="), UInt8(ascii: ";"), UInt8(ascii: "<"):
            return true
        case UInt8(ascii: "-"): return text.count > 1 && isDigit(text[1])
        default: return false
        }
    }

    /// Bytes the subset never reads: tabs, carriage returns, other control characters,
    /// DEL, and UTF-8 that YAML treats specially (a byte-order mark, C1 controls including
    /// NEL, the line and paragraph separators, and the noncharacters U+FFFE and U+FFFF).
    private static func hasSpecialBytes(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        for i in text.indices {
            let b = text[i]
            if b < 0x20 && b != 0x0A || b == 0x7F { return true }
            if b == 0xC2, i + 1 < text.count, text[i + 1] < 0xA0 { return true }
            if b == 0xE2, i + 2 < text.count, text[i + 1] == 0x80, text[i + 2] == 0xA8 || text[i + 2] == 0xA9 { return true }
            if b == 0xEF, i + 2 < text.count, text[i + 1] == 0xBB && text[i + 2] == 0xBF || text[i + 1] == 0xBF && text[i + 2] >= 0xBE {
                return true
            }
        }
        return false
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// The tag Yams' composer gives an untagged plain scalar or list: its typed reads go by
    /// the text.
    private static func tag() -> Tag { Tag(.implicit, .basic, YAMLReader.constructor) }

    /// The tag Yams gives a quoted scalar (libyaml's `quoted_implicit`): `str`, which its
    /// `Bool` reading refuses, so `draft: "true"` is an error either way.
    private static func quotedTag() -> Tag { Tag(.str, .basic, YAMLReader.constructor) }
}
