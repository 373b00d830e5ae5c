import Testing
@testable import TownhallCharts

@Suite struct TreeChartTests {
    let info = ChartInfo(id: "groups", title: "Groups")

    ///         Riverside
    ///        /    |     \
    ///   Repair   Tea    Bikes
    ///    /  \             |
    ///  Tue  Sat         Kids
    var forest: [TreeNode] {
        [
            TreeNode("Riverside", value: 120, children: [
                TreeNode("Repair", children: [TreeNode("Tue"), TreeNode("Sat")]),
                TreeNode("Tea"),
                TreeNode("Bikes", children: [TreeNode("Kids")]),
            ]),
            TreeNode("Solo"),
        ]
    }

    @Test func flattensInDepthFirstOrderWithSubtreeSizes() {
        let tree = FlatTree(forest)
        #expect(tree.labels == ["Riverside", "Repair", "Tue", "Sat", "Tea", "Bikes", "Kids", "Solo"])
        #expect(tree.depths == [0, 1, 2, 2, 1, 1, 2, 0])
        #expect(tree.parents == [nil, 0, 1, 1, 0, 0, 5, nil])
        #expect(tree.subtreeSizes == [7, 3, 1, 1, 1, 2, 1, 1])
        #expect(tree.roots == [0, 7])
    }

    @Test func leavesTakeConsecutiveSlotsAndParentsAreCentred() {
        let pruning = TreePruning(FlatTree(forest), maxDepth: 8, maxChildren: 12, maxNodes: 100)
        let layout = TreeLayout(pruning.nodes)
        // Tue 0, Sat 1, Tea 2, Kids 3, Solo 4; Repair (0+1)/2, Bikes over Kids, Riverside between Repair and Bikes.
        #expect(layout.slots == [1.75, 0.5, 0, 1, 2, 3, 3, 4])
        #expect(layout.leafCount == 5)
        #expect(layout.levels == 3)
    }

    @Test func nodesOfALevelNeverOverlap() {
        var random = SplitMix(seed: 7)
        func grow(_ depth: Int) -> TreeNode {
            TreeNode("n", children: depth == 0 ? [] : (0..<random.next(below: 4)).map { _ in grow(depth - 1) })
        }
        let pruning = TreePruning(FlatTree((0..<5).map { _ in grow(5) }), maxDepth: 8, maxChildren: 12, maxNodes: 10_000)
        let layout = TreeLayout(pruning.nodes)
        for depth in 0..<layout.levels {
            let slots = pruning.nodes.indices.filter { pruning.nodes[$0].depth == depth }.map { layout.slots[$0] }
            for (a, b) in zip(slots, slots.dropFirst()) { #expect(b - a >= 1) }
        }
    }

    @Test func drawsEveryNodeWithItsValue() throws {
        let chart = TreeChart(info: info, roots: forest, orientation: .topDown, nodeTitle: "Group", valueTitle: "Members").render()
        let svg = try #require(SVGInspection(chart.svg))
        #expect(svg.all("circle").count == 8)
        #expect(svg.all("path").count == 6)
        #expect(svg.all("circle").first?.tooltip == "Riverside (120)")
        #expect(chart.table.columns == ["Group", "Parent", "Level", "Members"])
        #expect(chart.table.rows[0] == ["Riverside", "", "1", "120"])
        #expect(chart.table.rows[6] == ["Kids", "Bikes", "3", ""])
    }

    @Test func wideFoldsExtraChildrenIntoOneNode() {
        let root = TreeNode("Hub", children: (1...30).map { TreeNode("Member \($0)") })
        let pruning = TreePruning(FlatTree([root]), maxDepth: 8, maxChildren: 10, maxNodes: 300)
        #expect(pruning.nodes.count == 11)
        #expect(pruning.nodes.last?.label == "+21 more")
        #expect(pruning.nodes.last?.source == nil)
    }

    @Test func twoThousandNodesArePrunedToTheBudgetButAllListed() throws {
        // 2,000 nodes: 40 referrers with 49 referrals each, the referrals chained 0-deep.
        let roots = (0..<40).map { r in TreeNode("Referrer \(r)", children: (0..<49).map { TreeNode("Member \(r)-\($0)") }) }
        let chart = TreeChart(info: info, roots: roots, maxNodes: 150).render()
        let svg = try #require(SVGInspection(chart.svg))
        #expect(svg.all("circle").count <= 150)
        #expect(chart.table.rows.count == 2000)
        #expect(svg.all("desc").first?.text.contains("Showing") == true)
    }

    @Test func aChainTwoThousandDeepIsCutByDepth() throws {
        var chain = TreeNode("Member 2000")
        for i in (1..<2000).reversed() { chain = TreeNode("Member \(i)", children: [chain]) }
        let chart = TreeChart(info: info, roots: [chain], maxDepth: 6).render()
        let svg = try #require(SVGInspection(chart.svg))
        #expect(svg.all("circle").count == 6)
        #expect(svg.texts.last == "Member 6 +1994 below")
        #expect(chart.table.rows.count == 2000)
        #expect(chart.table.rows.last == ["Member 2000", "Member 1999", "2000", ""])
    }
}

/// A tiny deterministic generator, so the random trees are the same on every run.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
