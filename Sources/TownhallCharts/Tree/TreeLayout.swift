/// A tidy, deterministic layout of the drawn nodes in two coordinates: `depth` (the level)
/// and `slot` (the position across levels). Leaves take consecutive slots in depth-first
/// order; a parent sits midway between its first and last child.
///
/// Nodes never overlap: at any level, nodes appear in depth-first order, and each one's
/// slot lies within the slots of its own subtree's leaves, which precede the next node's,
/// so two nodes of one level are at least one slot apart. (Compacter layouts such as
/// Reingold–Tilford's save space but not this guarantee's simplicity.)
struct TreeLayout {
    private(set) var slots: [Double]
    let leafCount: Int
    let levels: Int

    init(_ nodes: [TreePruning.Node]) {
        var slots = Array(repeating: 0.0, count: nodes.count)
        var next = 0.0
        for (index, node) in nodes.enumerated() where node.children.isEmpty {
            slots[index] = next
            next += 1
        }
        // Children follow their parent in pre-order: a backward pass places them first.
        for (index, node) in nodes.enumerated().reversed() {
            if let first = node.children.first, let last = node.children.last {
                slots[index] = (slots[first] + slots[last]) / 2
            }
        }
        self.slots = slots
        leafCount = Int(next)
        levels = (nodes.map(\.depth).max() ?? -1) + 1
    }
}
