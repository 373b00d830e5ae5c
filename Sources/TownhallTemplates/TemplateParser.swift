/// Turns template text into nodes. It follows swift-mustache's parser rule for rule
/// (standalone lines, indentation, blocks inside parents) so that existing themes render
/// to the same bytes; comments below say where that differs from a first reading of the spec.
struct TemplateParser {
    private let chars: [Character]
    /// Keeps the names of the paths made (see `TemplatePath`).
    private let store: TemplateStore
    private var position = 0

    static func parse(_ text: String, store: TemplateStore) throws(TemplateSyntaxError) -> [ParsedNode] {
        var parser = TemplateParser(chars: Array(text), store: store)
        do {
            return try parser.parse(State())
        } catch {
            throw parser.syntaxError(error)
        }
    }

    private init(chars: [Character], store: TemplateStore) {
        self.chars = chars
        self.store = store
    }

    enum Failure: Error {
        case closeDoesNotMatch(expected: String?, found: String)
        case unclosedTag(String)
        case unclosedSection(String)
        case badDelimiters
        case unsupportedFunction(String)
        case unsupportedConfiguration
        case tagInsideParent
    }

    struct State {
        var sectionName: String?
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var open: [Character] = ["{", "{"]
        var close: [Character] = ["}", "}"]
        var partialDefinitionIndent: String?

        func inSection(_ name: String, newLine: Bool) -> State {
            var s = self
            s.sectionName = name
            s.isPartialDefinitionTopLevel = false
            if !newLine { s.newLine = false }
            return s
        }

        func inParent(_ name: String) -> State {
            var s = self
            s.sectionName = name
            s.newLine = true
            s.isPartialDefinition = true
            s.isPartialDefinitionTopLevel = true
            return s
        }
    }

    // MARK: - Reading

    private var atEnd: Bool { position >= chars.count }
    private var current: Character { atEnd ? "\0" : chars[position] }

    private mutating func read(while test: (Character) -> Bool) -> String {
        let start = position
        while !atEnd, test(chars[position]) { position += 1 }
        return String(chars[start..<position])
    }

    private mutating func read(_ literal: [Character]) -> Bool {
        guard position + literal.count <= chars.count, Array(chars[position..<(position + literal.count)]) == literal else { return false }
        position += literal.count
        return true
    }

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = nameCharacters.union(["/"])
    private static let spaceOrTab: Set<Character> = [" ", "\t"]

    // MARK: - Parsing

    private mutating func parse(_ initial: State) throws(Failure) -> [ParsedNode] {
        var nodes: [ParsedNode] = []
        var state = initial
        var whiteSpaceBefore = ""
        while !atEnd {
            if state.newLine {
                let whiteSpace = read(while: Self.spaceOrTab.contains)
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    // Inside a block of a parent: the block's first line sets the indentation
                    // that later lines lose.
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = String(whiteSpace.dropFirst(indent.count))
                    } else {
                        state.partialDefinitionIndent = whiteSpace
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = textUntilTagOrNewline(state)
            if current.isNewline {
                nodes.append(.text(Array((whiteSpaceBefore + text + String(current)).utf8)))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(Array((whiteSpaceBefore + text).utf8)))
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if atEnd { break }
            var setNewLine = false
            func flushWhiteSpace() {
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(Array(whiteSpaceBefore.utf8)))
                    whiteSpaceBefore = ""
                }
            }
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let name = try tagName(state)
                if isStandalone(state) { setNewLine = true } else { flushWhiteSpace() }
                let body = try parse(state.inSection(name, newLine: setNewLine))
                nodes.append(.section(TemplatePath(name, store: store), body, inverted: inverted))
            case "/":
                position += 1
                let start = position
                let name = try tagName(state)
                guard name == state.sectionName else {
                    position = start
                    throw .closeDoesNotMatch(expected: state.sectionName, found: name)
                }
                if !isStandalone(state) { flushWhiteSpace() }
                return nodes
            case "!":
                position += 1
                try skipComment(state)
                setNewLine = isStandalone(state)
            case "{":
                flushWhiteSpace()
                position += 1
                let name = try tagName(state)
                guard read(["}"]) else { throw .unclosedTag(name) }
                nodes.append(.variable(TemplatePath(name, store: store), escaped: false))
            case "&":
                flushWhiteSpace()
                position += 1
                nodes.append(.variable(TemplatePath(try tagName(state), store: store), escaped: false))
            case ">":
                position += 1
                _ = read(while: \.isWhitespace)
                let dynamic = read(["*"])
                let name = try partialName(state)
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(Array(whiteSpaceBefore.utf8))) }
                let standalone = isStandalone(state)
                setNewLine = standalone
                // A standalone partial is indented like its tag; the whitespace before the tag
                // is also kept as text, which indents the partial's first line.
                nodes.append(.partial(name: name, dynamic: dynamic, indentation: standalone ? whiteSpaceBefore : nil, overrides: nil))
                whiteSpaceBefore = ""
            case "<":
                position += 1
                _ = read(while: \.isWhitespace)
                var name = try partialName(state)
                let dynamic = name.first == "*"
                if dynamic { name.removeFirst() }
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(Array(whiteSpaceBefore.utf8))) }
                if isStandalone(state) { setNewLine = true }
                let body = try parse(state.inParent(dynamic ? "*" + name : name))
                var overrides: [String: [ParsedNode]] = [:]
                for node in body {
                    switch node {
                    case .blockDefinition(let block, let blockNodes): overrides[block] = blockNodes
                    case .text: break
                    default: throw .tagInsideParent
                    }
                }
                nodes.append(.partial(name: name, dynamic: dynamic, indentation: whiteSpaceBefore, overrides: overrides))
                whiteSpaceBefore = ""
            case "$":
                position += 1
                let name = try tagName(state)
                if state.isPartialDefinitionTopLevel {
                    setNewLine = isStandalone(state)
                    nodes.append(.blockDefinition(name: name, nodes: try parse(state.inSection(name, newLine: setNewLine))))
                } else {
                    if !whiteSpaceBefore.isEmpty { nodes.append(.text(Array(whiteSpaceBefore.utf8))) }
                    setNewLine = isStandalone(state)
                    let body = try parse(state.inSection(name, newLine: setNewLine))
                    nodes.append(.block(name: name, nodes: body, indentation: whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
            case "=":
                position += 1
                try setDelimiters(&state)
                setNewLine = isStandalone(state)
            case "%":
                throw .unsupportedConfiguration
            default:
                flushWhiteSpace()
                nodes.append(.variable(TemplatePath(try tagName(state), store: store), escaped: true))
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName { throw .unclosedSection(open) }
        return nodes
    }

    /// Text up to the next opening delimiter (which is consumed) or newline (which is not).
    private mutating func textUntilTagOrNewline(_ state: State) -> String {
        var text = ""
        while !atEnd {
            let c = chars[position]
            // Only "\n" and "\r\n" end a line of text here (a lone "\r" does not), while any
            // newline ends a standalone tag's line: swift-mustache's rules.
            if c == "\n" || c == "\r\n" { break }
            if c == state.open[0], read(state.open) { break }
            text.append(c)
            position += 1
        }
        return text
    }

    private mutating func tagName(_ state: State) throws(Failure) -> String {
        _ = read(while: \.isWhitespace)
        let name = read(while: Self.nameCharacters.contains)
        _ = read(while: \.isWhitespace)
        guard read(state.close) else { throw .unclosedTag(name) }
        if name.contains("(") || name.contains(")") { throw .unsupportedFunction(name) }
        return name
    }

    private mutating func partialName(_ state: State) throws(Failure) -> String {
        _ = read(while: \.isWhitespace)
        let name = read(while: Self.partialNameCharacters.contains)
        _ = read(while: \.isWhitespace)
        guard read(state.close) else { throw .unclosedTag(name) }
        return name
    }

    private mutating func skipComment(_ state: State) throws(Failure) {
        while !atEnd {
            if read(state.close) { return }
            position += 1
        }
        throw .unclosedTag("!")
    }

    private mutating func setDelimiters(_ state: inout State) throws(Failure) {
        _ = read(while: \.isWhitespace)
        let open = read(while: { !$0.isWhitespace })
        _ = read(while: \.isWhitespace)
        let close = read(while: { !($0 == "=" || $0.isWhitespace) })
        _ = read(while: \.isWhitespace)
        guard !atEnd, read(["="]), read(state.close), !open.isEmpty, !close.isEmpty else { throw .badDelimiters }
        state.open = Array(open)
        state.close = Array(close)
        state.isPartialDefinitionTopLevel = false
    }

    /// A tag alone on its line (only spaces or tabs around it) takes the line with it.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var probe = position
        while probe < chars.count, Self.spaceOrTab.contains(chars[probe]) { probe += 1 }
        guard probe < chars.count, chars[probe].isNewline else { return false }
        position = probe + 1
        return true
    }

    // MARK: - Errors

    private func syntaxError(_ failure: Failure) -> TemplateSyntaxError {
        var line = 1, column = 1
        for c in chars[..<min(position, chars.count)] {
            if c.isNewline { line += 1; column = 1 } else { column += 1 }
        }
        let message: String
        switch failure {
        case .closeDoesNotMatch(let expected?, let found):
            message = "{{/\(found)}} does not close the open section {{#\(expected)}}; expected {{/\(expected)}}"
        case .closeDoesNotMatch(nil, let found):
            message = "{{/\(found)}} closes a section that is not open"
        case .unclosedTag(let name):
            message = "tag \(name.isEmpty ? "" : "\"\(name)\" ")is not closed, or its name has characters a name cannot have"
        case .unclosedSection(let name):
            message = "section {{#\(name)}} is never closed; expected {{/\(name)}}"
        case .badDelimiters:
            message = "a set-delimiter tag must look like {{=<% %>=}}"
        case .unsupportedFunction(let name):
            message = "\"\(name)\": functions in tags are not supported; compute the value in the page's data instead"
        case .unsupportedConfiguration:
            message = "{{% … }} configuration tags are not supported"
        case .tagInsideParent:
            message = "only {{$block}} overrides may appear inside {{<parent}} … {{/parent}}"
        }
        return TemplateSyntaxError(message: message, line: line, column: column)
    }
}
