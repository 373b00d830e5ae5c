/// A node of a tree chart's input: a label, an optional value shown beside it (a group's
/// size, a member's referral count) and its children, in the order they should be drawn.
public struct TreeNode: Sendable, Equatable {
    public var label: String
    public var value: Double?
    public var children: [TreeNode]

    public init(_ label: String, value: Double? = nil, children: [TreeNode] = []) {
        self.label = label
        self.value = value
        self.children = children
    }
}
