/// The part of a large forest that is drawn. Each node shows at most `maxChildren`
/// children (the roots too): the rest are folded into one "+N more" node. Nodes deeper
/// than `depthLimit` levels are hidden, and their parent says how many lie below it. The
/// depth limit is lowered until at most `maxNodes` nodes are drawn (or one level is left).
struct TreePruning {
    /// A drawn node: a real one, or a fold standing for hidden siblings.
    struct Node: Equatable {
        /// The index in the flat tree; nil for a fold.
        var source: Int?
        var label: String
        var depth: Int
        var parent: Int?
        var children: [Int] = []
        /// Descendants not drawn (for a real node), or nodes folded (for a fold).
        var hidden: Int
    }

    private(set) var nodes: [Node] = []
    private(set) var depthLimit: Int

    init(_ tree: FlatTree, maxDepth: Int, maxChildren: Int, maxNodes: Int) {
        depthLimit = max(maxDepth, 1)
        let maxChildren = max(maxChildren, 1)
        while true {
            nodes = Self.visible(tree, depthLimit: depthLimit, maxChildren: maxChildren)
            if nodes.count <= maxNodes || depthLimit == 1 { break }
            depthLimit -= 1
        }
    }

    /// Whether anything is left out.
    var isPruned: Bool { nodes.contains { $0.hidden > 0 } }

    /// The drawn nodes in pre-order (a parent before its children, siblings in order).
    private static func visible(_ tree: FlatTree, depthLimit: Int, maxChildren: Int) -> [Node] {
        enum Item { case node(Int, parent: Int?), fold([Int], parent: Int?, depth: Int) }
        var result: [Node] = []
        func items(_ siblings: [Int], parent: Int?, depth: Int) -> [Item] {
            guard siblings.count > maxChildren else { return siblings.map { .node($0, parent: parent) } }
            let shown = siblings.prefix(maxChildren - 1).map { Item.node($0, parent: parent) }
            return shown + [.fold(Array(siblings.dropFirst(maxChildren - 1)), parent: parent, depth: depth)]
        }
        var stack = items(tree.roots, parent: nil, depth: 0).reversed() as [Item]
        while let item = stack.popLast() {
            let index = result.count
            switch item {
            case let .node(source, parent):
                let depth = tree.depths[source]
                let expands = depth + 1 < depthLimit
                result.append(Node(source: source, label: tree.labels[source], depth: depth, parent: parent, hidden: expands ? 0 : tree.subtreeSizes[source] - 1))
                if expands { stack += items(tree.children[source], parent: index, depth: depth + 1).reversed() }
            case let .fold(siblings, parent, depth):
                let total = siblings.reduce(0) { $0 + tree.subtreeSizes[$1] }
                let label = total > siblings.count ? "+\(siblings.count) more (\(total) in all)" : "+\(siblings.count) more"
                result.append(Node(source: nil, label: label, depth: depth, parent: parent, hidden: total))
            }
            if let parent = result[index].parent { result[parent].children.append(index) }
        }
        return result
    }
}
