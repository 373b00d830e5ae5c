/// A rooted forest drawn as a tidy tree, for group fission trees (parent group → sub-groups)
/// and referral chains (member → the members they brought).
///
/// Large forests are pruned, never squeezed into unreadable dots: each node draws at most
/// `maxChildren` children (roots included; the rest become one "+N more" node), at most
/// `maxDepth` levels are drawn (a node whose descendants are hidden says "+N below"), and
/// the depth is lowered further until at most `maxNodes` nodes are drawn. The drawing then
/// grows to fit (one slot per leaf), and the page scales it. Children are drawn in the order
/// given, so callers put the most important first (for example by subtree size). The data
/// table always lists every node, pruned or not. 2,000 nodes take a few milliseconds.
public struct TreeChart: Sendable, Equatable {
    /// Which way the tree grows: `leftRight` suits long labels and many leaves.
    public enum Orientation: Sendable, Equatable {
        case topDown, leftRight
    }

    public var info: ChartInfo
    public var roots: [TreeNode]
    public var orientation: Orientation
    /// How node values are written.
    public var format: ValueFormat
    /// The header of the table's node column ("Group", "Member").
    public var nodeTitle: String
    /// The header of the table's value column ("Members", "Referrals").
    public var valueTitle: String
    public var maxDepth: Int
    public var maxChildren: Int
    public var maxNodes: Int

    public init(
        info: ChartInfo, roots: [TreeNode], orientation: Orientation = .leftRight, format: ValueFormat = .count,
        nodeTitle: String = "Name", valueTitle: String = "Value", maxDepth: Int = 8, maxChildren: Int = 12, maxNodes: Int = 300
    ) {
        self.info = info
        self.roots = roots
        self.orientation = orientation
        self.format = format
        self.nodeTitle = nodeTitle
        self.valueTitle = valueTitle
        self.maxDepth = maxDepth
        self.maxChildren = maxChildren
        self.maxNodes = maxNodes
    }

    /// Distance between levels and between slots, by orientation.
    private var levelStep: Double { orientation == .leftRight ? 180 : 72 }
    private var slotStep: Double { orientation == .leftRight ? 22 : 104 }
    private static let margin = 12.0

    public func render() -> Chart {
        let tree = FlatTree(roots)
        let table = DataTable(
            caption: info.title,
            columns: [nodeTitle, "Parent", "Level", valueTitle],
            rows: tree.labels.indices.map { i in
                [tree.labels[i], tree.parents[i].map { tree.labels[$0] } ?? "", String(tree.depths[i] + 1), tree.values[i].map { format.text($0) } ?? ""]
            }
        )
        guard tree.count > 0 else {
            return Chart(svg: EmptyChart.svg(info: info, width: 640, height: 160), table: table)
        }
        let pruning = TreePruning(tree, maxDepth: maxDepth, maxChildren: maxChildren, maxNodes: maxNodes)
        let layout = TreeLayout(pruning.nodes)
        let across = Double(max(layout.leafCount, 1)) * slotStep
        let along = Double(max(layout.levels - 1, 0)) * levelStep
        let (width, height) = orientation == .leftRight
            ? (along + levelStep + 2 * Self.margin, across + 2 * Self.margin)
            : (across + 2 * Self.margin, along + 2 * Self.margin + 36)
        let positions = pruning.nodes.indices.map { position(depth: pruning.nodes[$0].depth, slot: layout.slots[$0]) }

        let texts = pruning.nodes.map { fullLabel($0, in: tree) }
        let shown = pruning.nodes.indices.map { shownLabel(texts[$0], isLeaf: pruning.nodes[$0].children.isEmpty) }
        var edges: [SVGNode] = []
        var marks: [SVGNode] = []
        for (index, node) in pruning.nodes.enumerated() {
            if let parent = node.parent { edges.append(edge(from: positions[parent], label: shown[parent], to: positions[index])) }
            marks += nodeMarks(node, text: texts[index], shown: shown[index], at: positions[index])
        }
        let children: [SVGNode] = [
            .group(SVGGroup(presentation: SVGPresentation(className: "th-edges"), ariaHidden: true, children: edges)),
            .group(SVGGroup(presentation: SVGPresentation(className: "th-nodes"), children: marks)),
        ]
        let document = SVGDocument(
            width: width, height: height, idPrefix: info.id, title: info.title,
            description: info.description(generatedDescription(tree, pruning)), children: children
        )
        return Chart(svg: document.render(), table: table)
    }

    private func position(depth: Int, slot: Double) -> SVGPoint {
        let along = Self.margin + Double(depth) * levelStep
        let across = Self.margin + (slot + 0.5) * slotStep
        return orientation == .leftRight ? SVGPoint(along + 6, across) : SVGPoint(across, along + 8)
    }

    /// A curve from the parent to the child that starts clear of the parent's label: after
    /// it when the tree grows rightwards, below it when it grows downwards.
    private func edge(from parent: SVGPoint, label: String, to child: SVGPoint) -> SVGNode {
        let a: SVGPoint
        let b: SVGPoint
        let c1: SVGPoint
        let c2: SVGPoint
        if orientation == .leftRight {
            a = SVGPoint(parent.x + 13 + TextMeasure.width(label), parent.y)
            b = SVGPoint(child.x - 6, child.y)
            (c1, c2) = (SVGPoint((a.x + b.x) / 2, a.y), SVGPoint((a.x + b.x) / 2, b.y))
        } else {
            a = SVGPoint(parent.x, parent.y + 26)
            b = SVGPoint(child.x, child.y - 6)
            (c1, c2) = (SVGPoint(a.x, (a.y + b.y) / 2), SVGPoint(b.x, (a.y + b.y) / 2))
        }
        return .path(SVGPath(commands: [.move(to: a), .curve(control1: c1, control2: c2, to: b)], presentation: SVGPresentation(className: "th-edge", fill: "none", stroke: "#999")))
    }

    /// The node's name, its value, and how many descendants are not drawn.
    private func fullLabel(_ node: TreePruning.Node, in tree: FlatTree) -> String {
        guard let source = node.source else { return node.label }
        var text = node.label
        if let value = tree.values[source] { text += " (\(format.text(value)))" }
        if node.hidden > 0 { text += " +\(node.hidden) below" }
        return text
    }

    /// The label cut to its room: a slot's width when growing downwards; when growing
    /// rightwards, the level's width, less room for the edges after a parent's label.
    private func shownLabel(_ text: String, isLeaf: Bool) -> String {
        let room = orientation == .topDown ? slotStep - 8 : levelStep - (isLeaf ? 20 : 64)
        return TextMeasure.truncated(text, maxWidth: room)
    }

    /// The node's dot (hollow for a fold) with its full label as tooltip, and its label.
    private func nodeMarks(_ node: TreePruning.Node, text: String, shown: String, at point: SVGPoint) -> [SVGNode] {
        let dot = node.source == nil
            ? SVGPresentation(className: "th-more", fill: "none", stroke: "#000")
            : SVGPresentation(className: "th-node", fill: ChartPalette.color(0))
        let label = orientation == .leftRight
            ? SVGText(shown, at: SVGPoint(point.x + 9, point.y), dy: 0.35)
            : SVGText(shown, at: SVGPoint(point.x, point.y + 20), anchor: .middle)
        return [.circle(SVGCircle(center: point, radius: 5, presentation: dot, tooltip: text)), .text(label)]
    }

    private func generatedDescription(_ tree: FlatTree, _ pruning: TreePruning) -> String {
        let levels = (tree.depths.max() ?? 0) + 1
        let what = "Tree of \(tree.count) \(tree.count == 1 ? "node" : "nodes") in \(tree.roots.count) \(tree.roots.count == 1 ? "tree" : "trees"), \(levels) \(levels == 1 ? "level" : "levels") deep."
        guard pruning.isPruned else { return what }
        return what + " Showing \(pruning.nodes.count) of them: at most \(pruning.depthLimit) levels and \(max(maxChildren, 1)) children per node; the table lists every node."
    }
}
