/// Bounds on what a YAML data file may ask of the reader. YAML aliases can make a small
/// file expand enormously ("billion laughs"), and deep nesting costs stack; data files
/// need neither, so the limits are low and the errors say what to do instead.
public struct YAMLLimits: Sendable, Hashable {
    /// Larger files are refused before parsing; CSV reads large data many times faster.
    public var maxBytes: Int
    /// How often aliases (`*name`) may be used in one file.
    public var maxAliases: Int
    /// How deeply lists and mappings may nest (a record list is 3 deep).
    public var maxDepth: Int

    public init(maxBytes: Int = 16 << 20, maxAliases: Int = 100, maxDepth: Int = 32) {
        self.maxBytes = maxBytes
        self.maxAliases = maxAliases
        self.maxDepth = maxDepth
    }

    public static let `default` = YAMLLimits()
}
