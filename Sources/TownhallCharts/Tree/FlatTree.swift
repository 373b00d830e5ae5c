/// A forest flattened into arrays in depth-first (pre-)order, built without recursion so
/// that a referral chain thousands deep cannot exhaust a thread's stack.
struct FlatTree {
    var labels: [String] = []
    var values: [Double?] = []
    var parents: [Int?] = []
    var depths: [Int] = []
    var children: [[Int]] = []
    var roots: [Int] = []
    /// The number of nodes in each node's subtree, itself included.
    var subtreeSizes: [Int] = []

    init(_ forest: [TreeNode]) {
        var stack: [(node: TreeNode, parent: Int?, depth: Int)] = forest.reversed().map { ($0, nil, 0) }
        while let (node, parent, depth) = stack.popLast() {
            let index = labels.count
            labels.append(node.label)
            values.append(node.value)
            parents.append(parent)
            depths.append(depth)
            children.append([])
            if let parent { children[parent].append(index) } else { roots.append(index) }
            stack += node.children.reversed().map { ($0, index, depth + 1) }
        }
        // Children come after their parent in pre-order, so one backward pass sums sizes.
        subtreeSizes = Array(repeating: 1, count: labels.count)
        for index in labels.indices.reversed() {
            if let parent = parents[index] { subtreeSizes[parent] += subtreeSizes[index] }
        }
    }

    var count: Int { labels.count }
}
