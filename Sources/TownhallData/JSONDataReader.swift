import TownhallDiagnostics

/// A small JSON reader (RFC 8259) that remembers where every value starts.
///
/// Foundation's `JSONSerialization` and `JSONDecoder` report neither the line nor the
/// column of a value, and diagnostics need both; JSON's grammar is small enough that a
/// reader of our own is the simpler way to get them. Strict: no comments, no trailing
/// commas, no duplicate keys; nesting is limited so that hostile input cannot exhaust
/// the stack.
public struct JSONDataReader: Sendable {
    public var file: String
    public var maxDepth: Int

    public init(file: String, maxDepth: Int = 64) {
        self.file = file
        self.maxDepth = maxDepth
    }

    public func read(_ input: UnsafeBufferPointer<UInt8>, diagnostics: inout [Diagnostic]) -> DataNode? {
        var parser = Parser(p: input, file: file, maxDepth: maxDepth)
        do throws(Diagnostic) {
            parser.skipBOM()
            parser.skipSpace()
            let value = try parser.value(depth: 1)
            parser.skipSpace()
            if parser.i < input.count {
                throw parser.error("unexpected text after the JSON value")
            }
            return value
        } catch {
            diagnostics.append(error)
            return nil
        }
    }

    public func read(_ text: String, diagnostics: inout [Diagnostic]) -> DataNode? {
        var text = text
        return text.withUTF8 { read($0, diagnostics: &diagnostics) }
    }

    struct Parser {
        let p: UnsafeBufferPointer<UInt8>
        let file: String
        let maxDepth: Int
        var i = 0
        var line = 1
        /// A byte offset on the current line whose column is known: columns are counted
        /// forward from it, so minified JSON on one long line stays linear.
        var knownOffset = 0
        var knownColumn = 1

        mutating func skipBOM() {
            if p.count >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { i = 3; knownOffset = 3 }
        }

        /// Line and column (in Unicode scalars) of `p[i]`.
        var position: DataPosition {
            mutating get {
                var column = knownColumn
                var k = knownOffset
                while k < i {
                    if p[k] & 0xC0 != 0x80 { column += 1 }
                    k += 1
                }
                knownOffset = i
                knownColumn = column
                return DataPosition(line: line, column: column)
            }
        }

        mutating func error(_ message: String, at position: DataPosition? = nil) -> Diagnostic {
            let here = position ?? self.position
            return .error("invalid JSON: \(message)", at: SourceLocation(file: file, line: Int(here.line), column: Int(here.column)))
        }

        mutating func skipSpace() {
            while i < p.count {
                switch p[i] {
                case 10:
                    i += 1
                    line += 1
                    knownOffset = i
                    knownColumn = 1
                case 32, 9, 13: i += 1
                default: return
                }
            }
        }

        mutating func value(depth: Int) throws(Diagnostic) -> DataNode {
            let start = position
            guard i < p.count else { throw error("expected a value, found the end of the file") }
            if depth > maxDepth { throw error("nesting deeper than \(maxDepth) levels") }
            switch p[i] {
            case UInt8(ascii: "{"): return try object(start, depth: depth)
            case UInt8(ascii: "["): return try array(start, depth: depth)
            case UInt8(ascii: "\""): return .scalar(try string(), start)
            case UInt8(ascii: "t"): try literal("true"); return .scalar("true", start)
            case UInt8(ascii: "f"): try literal("false"); return .scalar("false", start)
            case UInt8(ascii: "n"): try literal("null"); return .null(start)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .scalar(try number(), start)
            default: throw error("expected a value (text in double quotes, a number, true, false, null, [ or {)")
            }
        }

        mutating func literal(_ word: StaticString) throws(Diagnostic) {
            let bytes = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            guard i + bytes.count <= p.count, p[i..<(i + bytes.count)].elementsEqual(bytes) else {
                throw error("expected a value (text in double quotes, a number, true, false, null, [ or {)")
            }
            i += bytes.count
        }

        mutating func object(_ start: DataPosition, depth: Int) throws(Diagnostic) -> DataNode {
            i += 1
            var entries: [DataNode.Entry] = []
            var keys: Set<String> = []
            skipSpace()
            if i < p.count, p[i] == UInt8(ascii: "}") { i += 1; return .map([], start) }
            while true {
                skipSpace()
                let keyPosition = position
                guard i < p.count, p[i] == UInt8(ascii: "\"") else { throw error("expected a key in double quotes") }
                let key = try string()
                guard keys.insert(key).inserted else { throw error("duplicate key \"\(key)\" in an object", at: keyPosition) }
                skipSpace()
                guard i < p.count, p[i] == UInt8(ascii: ":") else { throw error("expected ':' after the key") }
                i += 1
                skipSpace()
                entries.append(DataNode.Entry(key: key, keyPosition: keyPosition, value: try value(depth: depth + 1)))
                skipSpace()
                guard i < p.count else { throw error("object is never closed; expected ',' or '}'", at: start) }
                if p[i] == UInt8(ascii: ",") { i += 1; continue }
                if p[i] == UInt8(ascii: "}") { i += 1; return .map(entries, start) }
                throw error("expected ',' or '}'")
            }
        }

        mutating func array(_ start: DataPosition, depth: Int) throws(Diagnostic) -> DataNode {
            i += 1
            var items: [DataNode] = []
            skipSpace()
            if i < p.count, p[i] == UInt8(ascii: "]") { i += 1; return .list([], start) }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard i < p.count else { throw error("array is never closed; expected ',' or ']'", at: start) }
                if p[i] == UInt8(ascii: ",") { i += 1; continue }
                if p[i] == UInt8(ascii: "]") { i += 1; return .list(items, start) }
                throw error("expected ',' or ']'")
            }
        }

        mutating func string() throws(Diagnostic) -> String {
            let start = position
            i += 1
            var out: [UInt8] = []
            var segment = i
            while true {
                guard i < p.count else { throw error("text is never closed; expected '\"'", at: start) }
                let b = p[i]
                if b == UInt8(ascii: "\"") {
                    out.append(contentsOf: p[segment..<i])
                    i += 1
                    return String(decoding: out, as: UTF8.self)
                }
                if b < 0x20 { throw error(b == 10 ? "line break inside text; write it as \\n" : "control character inside text") }
                if b == UInt8(ascii: "\\") {
                    out.append(contentsOf: p[segment..<i])
                    try escape(into: &out)
                    segment = i
                    continue
                }
                i += 1
            }
        }

        mutating func escape(into out: inout [UInt8]) throws(Diagnostic) {
            guard i + 1 < p.count else { throw error("incomplete escape") }
            let c = p[i + 1]
            i += 2
            switch c {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(c)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard i + 1 < p.count, p[i] == UInt8(ascii: "\\"), p[i + 1] == UInt8(ascii: "u") else {
                        throw error("unpaired surrogate in \\u escape")
                    }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired surrogate in \\u escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw error("unpaired surrogate in \\u escape")
                }
                out.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
            default:
                i -= 2
                throw error("unknown escape \\\(String(decoding: [c], as: UTF8.self))")
            }
        }

        mutating func hex4() throws(Diagnostic) -> UInt32 {
            guard i + 4 <= p.count else { throw error("\\u needs four hex digits") }
            var v: UInt32 = 0
            for k in i..<(i + 4) {
                let b = p[k]
                let d: UInt8
                switch b {
                case 48...57: d = b - 48
                case 65...70: d = b - 55
                case 97...102: d = b - 87
                default: throw error("\\u needs four hex digits")
                }
                v = v << 4 | UInt32(d)
            }
            i += 4
            return v
        }

        mutating func number() throws(Diagnostic) -> String {
            let s = i
            func digits() -> Int {
                let from = i
                while i < p.count, p[i] >= 48, p[i] <= 57 { i += 1 }
                return i - from
            }
            if p[i] == UInt8(ascii: "-") { i += 1 }
            guard i < p.count else { throw error("incomplete number") }
            if p[i] == UInt8(ascii: "0") { i += 1 } else if digits() == 0 { throw error("expected digits") }
            if i < p.count, p[i] == UInt8(ascii: ".") {
                i += 1
                if digits() == 0 { throw error("expected digits after '.'") }
            }
            if i < p.count, p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") {
                i += 1
                if i < p.count, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") { i += 1 }
                if digits() == 0 { throw error("expected digits in the exponent") }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: p[s..<i]), as: UTF8.self)
        }
    }
}
