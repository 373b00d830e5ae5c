import TownhallContent

/// How figures about people are written on pages. Counts below the site's minimum group
/// size (k) are shown as "fewer than k", so that no page reveals a figure small enough to
/// point at individuals; rates and averages over fewer than k people are left out.
struct FigureText: Sendable {
    /// The minimum group size (`privacy.min_group_size`).
    let k: Int

    /// `1,204`, or `fewer than 5`.
    func people(_ n: Int) -> String {
        n >= k ? Self.grouped(n) : "fewer than \(k)"
    }

    /// `57%` when the denominator counts at least k people, else nil.
    func percent(_ part: Int, of whole: Int) -> String? {
        guard whole >= k, whole > 0 else { return nil }
        return "\((part * 100 + whole / 2) / whole)%"
    }

    /// `4.3` when at least k ratings were given, else nil.
    func average(sum: Int, count: Int) -> String? {
        guard count >= k, count > 0 else { return nil }
        let tenths = (sum * 10 + count / 2) / count
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// Thousands separated by commas, the way the English pages write them.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }
}
