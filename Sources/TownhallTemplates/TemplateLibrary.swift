/// Named templates that refer to each other as partials and parents.
public struct TemplateLibrary: Sendable {
    private var templates: [String: Template] = [:]

    public init() {}

    public mutating func register(_ template: Template, named name: String) {
        templates[name] = template
    }

    public func template(named name: String) -> Template? { templates[name] }

    /// Renders the template called `name`, or nil when there is none. With a `memo`, the
    /// sections of `.reusable` values are written once and then copied.
    public func render(_ data: TemplateData, withTemplate name: String, memo: TemplateMemo? = nil) -> String? {
        renderBytes(data, withTemplate: name, memo: memo).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Renders the template called `name` and records where each `.slot` value was written,
    /// in output order; nil when there is no such template.
    public func render(_ data: TemplateData, withTemplate name: String, slots: inout [TemplateSlot], memo: TemplateMemo? = nil) -> String? {
        renderBytes(data, withTemplate: name, slots: &slots, memo: memo).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `render` as the UTF-8 bytes a file is written from. Renders write bytes: appending to a
    /// `String` (and copying the page into `Data` after) was 3 % of a 10,000-page build.
    public func renderBytes(_ data: TemplateData, withTemplate name: String, memo: TemplateMemo? = nil) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var context = RenderContext(stack: [data])
        context.memo = memo
        return render(template, &context)
    }

    /// `render` recording slots, as bytes.
    public func renderBytes(_ data: TemplateData, withTemplate name: String, slots: inout [TemplateSlot], memo: TemplateMemo? = nil) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var context = RenderContext(stack: [data])
        context.slots = []
        context.memo = memo
        let out = render(template, &context)
        slots = context.slots ?? []
        return out
    }

    func render(_ data: TemplateData, with template: Template) -> String {
        var context = RenderContext(stack: [data])
        return String(decoding: render(template, &context), as: UTF8.self)
    }

    private func render(_ template: Template, _ context: inout RenderContext) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(16 << 10)
        TemplateRenderer(library: self).render(template.nodes, &context, into: &out)
        return out
    }
}

/// Where a render is: the context stack, the indentation of the enclosing standalone
/// partials, and the block overrides of the parents being filled in. One is threaded
/// through a whole render and changed in place (push, render, pop): copying it for every
/// section cost more than the lookups.
struct RenderContext {
    var stack: [TemplateData]
    var indentation: String?
    var overrides: [String: NodeList]?
    /// Where `.slot` values went, when the render records them.
    var slots: [TemplateSlot]?
    var memo: TemplateMemo?
    /// While a `.reusable` section is written: the first frame of the stack that belongs to
    /// its value, and whether the section has read anything from below that (see `TemplateMemo`).
    var floor = 0
    var escaped = false

    init(stack: [TemplateData]) {
        self.stack = stack
    }
}

struct TemplateRenderer {
    let library: TemplateLibrary

    /// Appends the rendering of `nodes`. With an indentation, every piece that starts a new
    /// line of this call's own output is indented (lines begun inside a nested section's
    /// output are not: swift-mustache's rule, kept so themes render the same).
    func render(_ list: NodeList, _ context: inout RenderContext, into out: inout [UInt8]) {
        let nodes = list.nodes
        guard let indentation = context.indentation, !indentation.isEmpty else {
            for i in nodes.indices { render(nodes[i], &context, into: &out) }
            return
        }
        let start = out.count
        for node in nodes {
            let atLineStart = out.count > start && out.last == UInt8(ascii: "\n")
            guard atLineStart else {
                render(node, &context, into: &out)
                continue
            }
            let firstSlot = context.slots?.count ?? 0
            var piece: [UInt8] = []
            render(node, &context, into: &piece)
            if !piece.isEmpty { out.append(utf8: indentation) }
            // Slots recorded in the piece are placed where the piece lands.
            if let count = context.slots?.count, count > firstSlot {
                for s in firstSlot..<count { context.slots![s].offset += out.count }
            }
            out += piece
        }
    }

    @inline(__always)
    private func render(_ node: Node, _ context: inout RenderContext, into out: inout [UInt8]) {
        switch node {
        case .text(let text):
            out.append(contentsOf: text.bytes)
        case .variable(let path, let escaped):
            guard let value = lookup(path, &context) else { return }
            // A slot's place is recorded, and a copy would not record it.
            if case .slot = value { context.escaped = true }
            if case .slot(let name, let inner) = value, context.slots != nil {
                let start = out.count
                TemplateSlot.write(inner, escaped: escaped, into: &out)
                context.slots!.append(TemplateSlot(name: name, offset: start, length: out.count - start, escaped: escaped))
            } else {
                TemplateSlot.write(value, escaped: escaped, into: &out)
            }
        case .section(let path, let body, let inverted):
            let value = lookup(path, &context)
            if inverted { renderInverted(value, body, &context, into: &out) } else { renderSection(value, body, &context, into: &out) }
        case .partial(let node):
            node._withUnsafeGuaranteedRef { renderPartial($0, &context, into: &out) }
        case .block(let node):
            node._withUnsafeGuaranteedRef { block in
                // What fills it depends on the parents being rendered, not on a section's value.
                context.escaped = true
                let saved = context.indentation
                context.indentation = (saved ?? "") + block.indentation
                render(context.overrides?[block.name] ?? block.nodes, &context, into: &out)
                context.indentation = saved
            }
        }
    }

    private func renderPartial(_ partial: PartialNode, _ context: inout RenderContext, into out: inout [UInt8]) {
        var templateName = partial.name
        if let names = partial.dynamic {
            guard case .string(let named)? = lookup(TemplatePath(unretained: names), &context) else { return }
            templateName = named
        }
        guard let template = library.template(named: templateName) else { return }
        let (savedIndentation, savedOverrides) = (context.indentation, context.overrides)
        if let indentation = partial.indentation { context.indentation = (savedIndentation ?? "") + indentation }
        if let overrides = partial.overrides {
            // The outermost override of a block wins.
            context.overrides = savedOverrides.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
        }
        render(template.nodes, &context, into: &out)
        (context.indentation, context.overrides) = (savedIndentation, savedOverrides)
    }

    private func renderSection(_ value: TemplateData?, _ body: NodeList, _ context: inout RenderContext, into out: inout [UInt8]) {
        switch value {
        case .none, .bool(false)?: return
        case .bool(true)?: render(body, &context, into: &out)
        case .list(let items)?:
            for item in items {
                if case .reusable(let key, let value) = item {
                    reuse(key, item: true, body, &context, into: &out) { context, out in push(value, body, &context, into: &out) }
                } else {
                    push(item, body, &context, into: &out)
                }
            }
        case .reusable(let key, let value)?:
            reuse(key, item: false, body, &context, into: &out) { context, out in renderSection(value, body, &context, into: &out) }
        case let value?:
            push(value, body, &context, into: &out)
        }
    }

    private func push(_ value: TemplateData, _ body: NodeList, _ context: inout RenderContext, into out: inout [UInt8]) {
        context.stack.append(value)
        render(body, &context, into: &out)
        context.stack.removeLast()
    }

    /// Copies what the memo has for a `.reusable` value's section, or writes it with `write`
    /// and keeps it when it read nothing but the value (nothing from below `floor`). Without
    /// a memo, only writes it.
    private func reuse(
        _ key: String, item: Bool, _ body: NodeList, _ context: inout RenderContext, into out: inout [UInt8],
        write: (inout RenderContext, inout [UInt8]) -> Void
    ) {
        guard let memo = context.memo else { return write(&context, &out) }
        let memoKey = TemplateMemo.Key(
            value: key, body: body.address, indentation: context.indentation,
            item: item)
        if let text = memo.text(memoKey) {
            out += text
            return
        }
        let (savedFloor, savedEscaped) = (context.floor, context.escaped)
        (context.floor, context.escaped) = (context.stack.count, false)
        let start = out.count
        write(&context, &out)
        if !context.escaped { memo.keep(Array(out[start...]), for: memoKey) }
        (context.floor, context.escaped) = (savedFloor, savedEscaped || context.escaped)
    }

    private func renderInverted(_ value: TemplateData?, _ body: NodeList, _ context: inout RenderContext, into out: inout [UInt8]) {
        switch value {
        case .none, .bool(false)?: render(body, &context, into: &out)
        case .list(let items)? where items.isEmpty: render(body, &context, into: &out)
        case .reusable(_, let value)?: renderInverted(value, body, &context, into: &out)
        default: return
        }
    }

    /// The first context (innermost out) that has the path's first name; the rest of the
    /// path is read from there only. Notes in `context.escaped` a name found, or missed,
    /// below `context.floor`.
    private func lookup(_ path: TemplatePath, _ context: inout RenderContext) -> TemplateData? {
        let innermost = context.stack.count - 1
        if path.isSelf || path.anchored, innermost < context.floor { context.escaped = true }
        if path.isSelf { return context.stack.last }
        return path.withNames { names -> TemplateData? in
            guard let first = names.parts.first else { return nil }
            let hash = names.hashes[0]
            var found: TemplateData?
            if path.anchored {
                found = context.stack.last?[first, hash]
            } else {
                var frame = innermost
                while frame >= 0 {
                    if let child = context.stack[frame][first, hash] { found = child; break }
                    frame -= 1
                }
                if frame < context.floor { context.escaped = true }
            }
            for k in names.parts.indices.dropFirst() {
                found = found?[names.parts[k], names.hashes[k]]
                if found == nil { return nil }
            }
            return found
        }
    }
}

enum HTML {
    /// `& < > " '` escaped, the rest copied as is.
    static func escape(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { bytes in
            guard needsEscaping(bytes) else {
                out.append(contentsOf: bytes)
                return
            }
            for b in bytes {
                switch b {
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
                default: out.append(b)
                }
            }
        }
    }

    /// Whether `bytes` hold any of `& < > " '`, eight bytes at a time (a byte-by-byte scan
    /// of every escaped value was 1.3 % of a 10,000-page build).
    static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        @inline(__always) func special(_ b: UInt8) -> Bool { b == 38 || b == 60 || b == 62 || b == 34 || b == 39 }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasByte(_ word: UInt64, _ b: UInt64) -> Bool {
            let x = word ^ (ones &* b)
            return (x &- ones) & ~x & highs != 0
        }
        var i = 0
        while i + 8 <= bytes.count {
            let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if hasByte(word, 38) || hasByte(word, 60) || hasByte(word, 62) || hasByte(word, 34) || hasByte(word, 39) {
                return true
            }
            i += 8
        }
        while i < bytes.count {
            if special(base[i]) { return true }
            i += 1
        }
        return false
    }
}
