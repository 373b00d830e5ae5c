import Foundation

/// A value axis with "nice" ticks: the step is 1, 2 or 5 × 10ⁿ, and the axis runs from a
/// multiple of the step at or below the smallest value to one at or above the largest.
///
/// For 0…47 with five ticks wanted the step is 10 and the ticks 0, 10, …, 50; for 0…0.83
/// it is 0.2 and the ticks 0, 0.2, …, 1.
public struct NiceScale: Sendable, Equatable {
    public let lower: Double
    public let upper: Double
    public let step: Double

    /// - Parameters:
    ///   - minimum, maximum: the data's range; swapped if reversed, non-finite bounds are 0.
    ///   - includingZero: widen the range to 0 (bars and counts must start at zero).
    ///   - targetTickCount: roughly how many intervals; the step is the smallest nice step
    ///     that gives at most this many over the data's range.
    ///   - minimumStep: no finer step than this (1 for counts: no ticks at fractions).
    public init(minimum: Double, maximum: Double, includingZero: Bool = true, targetTickCount: Int = 5, minimumStep: Double = 0) {
        var low = minimum.isFinite ? minimum : 0
        var high = maximum.isFinite ? maximum : 0
        if low > high { swap(&low, &high) }
        if includingZero {
            low = min(low, 0)
            high = max(high, 0)
        }
        if low == high {
            // A flat series still needs an axis: give it room around its value (or 0…1).
            let pad = low == 0 ? 1 : abs(low) / 10
            if low == 0 { high = pad } else { low -= pad; high += pad }
        }
        let (mantissa, exponent) = Self.niceStep(atLeast: max((high - low) / Double(max(targetTickCount, 1)), minimumStep))
        step = Self.value(mantissa, exponent)
        let lowIndex = (low / step + 1e-9).rounded(.down)
        let highIndex = (high / step - 1e-9).rounded(.up)
        lower = Self.value(mantissa * lowIndex, exponent)
        upper = Self.value(mantissa * highIndex, exponent)
        tickCount = Int(highIndex - lowIndex) + 1
        firstIndex = lowIndex
        self.mantissa = mantissa
        self.exponent = exponent
    }

    private let tickCount: Int
    private let firstIndex: Double
    private let mantissa: Double
    private let exponent: Int

    /// Every tick from `lower` to `upper`, computed as whole multiples of the step so that
    /// 0.1 × 3 prints as 0.3.
    public var ticks: [Double] {
        (0..<tickCount).map { Self.value(mantissa * (firstIndex + Double($0)), exponent) }
    }

    /// Where `value` falls between `lower` (0) and `upper` (1).
    public func fraction(_ value: Double) -> Double {
        upper > lower ? (value - lower) / (upper - lower) : 0
    }

    /// The smallest 1, 2 or 5 × 10ⁿ at or above `raw`.
    private static func niceStep(atLeast raw: Double) -> (Double, Int) {
        guard raw.isFinite, raw > 0 else { return (1, 0) }
        var exponent = Int(log10(raw).rounded(.down))
        let fraction = raw / value(1, exponent)
        let mantissa: Double
        switch fraction {
        case ...1.000000001: mantissa = 1
        case ...2.000000001: mantissa = 2
        case ...5.000000001: mantissa = 5
        default: mantissa = 1; exponent += 1
        }
        return (mantissa, exponent)
    }

    /// `m × 10^e`, dividing for negative exponents because 10⁻ⁿ is inexact in binary.
    private static func value(_ m: Double, _ e: Int) -> Double {
        e >= 0 ? m * pow(10, Double(e)) : m / pow(10, Double(-e))
    }
}
