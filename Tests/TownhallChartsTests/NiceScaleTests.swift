import Testing
@testable import TownhallCharts

@Suite struct NiceScaleTests {
    @Test func roundsUpToOneTwoOrFiveTimesAPowerOfTen() {
        #expect(NiceScale(minimum: 0, maximum: 47).ticks == [0, 10, 20, 30, 40, 50])
        #expect(NiceScale(minimum: 0, maximum: 100).ticks == [0, 20, 40, 60, 80, 100])
        #expect(NiceScale(minimum: 0, maximum: 7).ticks == [0, 2, 4, 6, 8])
        #expect(NiceScale(minimum: 0, maximum: 23).ticks == [0, 5, 10, 15, 20, 25])
        #expect(NiceScale(minimum: 0, maximum: 1234).step == 500)
        #expect(NiceScale(minimum: 0, maximum: 1234).ticks == [0, 500, 1000, 1500])
    }

    @Test func fractionalStepsPrintExactly() {
        let scale = NiceScale(minimum: 0, maximum: 0.83)
        #expect(scale.step == 0.2)
        #expect(scale.ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(scale.ticks.map { ValueFormat.percent(0).tickText($0, step: scale.step) } == ["0%", "20%", "40%", "60%", "80%", "100%"])
        let small = NiceScale(minimum: 0, maximum: 0.3, targetTickCount: 3)
        #expect(small.ticks == [0, 0.1, 0.2, 0.3])
        #expect(small.ticks.map { ValueFormat.decimal(2).tickText($0, step: small.step) } == ["0", "0.1", "0.2", "0.3"])
    }

    @Test func includesZeroForBarsAndNegativeValues() {
        #expect(NiceScale(minimum: 120, maximum: 180).lower == 0)
        #expect(NiceScale(minimum: -3, maximum: 12).ticks == [-5, 0, 5, 10, 15])
        #expect(NiceScale(minimum: -40, maximum: -10).ticks == [-40, -30, -20, -10, 0])
    }

    @Test func canLeaveOutZero() {
        let scale = NiceScale(minimum: 120, maximum: 180, includingZero: false)
        #expect(scale.ticks == [120, 140, 160, 180])
    }

    @Test func countsNeverGetFractionalTicks() {
        #expect(NiceScale(minimum: 0, maximum: 3, minimumStep: 1).ticks == [0, 1, 2, 3])
        #expect(NiceScale(minimum: 0, maximum: 0, minimumStep: 1).ticks == [0, 1])
    }

    @Test func degenerateRangesStillGiveAnAxis() {
        #expect(NiceScale(minimum: 0, maximum: 0).ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
        let flat = NiceScale(minimum: 50, maximum: 50, includingZero: false)
        #expect(flat.lower < 50 && flat.upper > 50)
        let broken = NiceScale(minimum: .nan, maximum: .infinity)
        #expect(broken.ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(NiceScale(minimum: 10, maximum: 0).ticks == NiceScale(minimum: 0, maximum: 10).ticks)
    }

    @Test func fractionPlacesValuesOnTheAxis() {
        let scale = NiceScale(minimum: 0, maximum: 47)
        #expect(scale.fraction(0) == 0)
        #expect(scale.fraction(25) == 0.5)
        #expect(scale.fraction(50) == 1)
    }
}
