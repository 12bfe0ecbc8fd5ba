import Testing

@testable import CarnetDocument

@Suite("Formatting: Duration.secondsText") struct DurationSecondsTests {
  @Test func secondsHaveOneToThreeDecimalsRoundedToTheMillisecond() {
    let cases: [(Duration, String)] = [
      (.zero, "0.0s"), (.seconds(2), "2.0s"), (.milliseconds(1_250), "1.25s"),
      (.milliseconds(1_234), "1.234s"), (.milliseconds(50), "0.05s"), (.milliseconds(5), "0.005s"),
      (.microseconds(499), "0.0s"), (.microseconds(500), "0.001s"),
      (.microseconds(1_999_500), "2.0s"),
      (.seconds(86_400 * 365), "31536000.0s"), (.milliseconds(100), "0.1s"),
    ]
    for (duration, expected) in cases {
      #expect(duration.carnetSeconds == expected, "\(duration)")
    }
  }

  @Test func theShortestFormDropsEveryTrailingZeroAndTheUnitFollows() {
    let cases: [(Duration, String)] = [
      (.zero, "0 s"), (.seconds(12), "12 s"), (.milliseconds(500), "0.5 s"),
      (.milliseconds(1_250), "1.25 s"), (.milliseconds(7), "0.007 s"),
      (.microseconds(1_999_600), "2 s"),
    ]
    for (duration, expected) in cases {
      #expect(duration.secondsText(minimumDecimals: 0, unit: " s") == expected, "\(duration)")
    }
    // Halves round away from zero on both sides; no duration overflows.
    #expect(Duration.milliseconds(-500).carnetSeconds == "-0.5s")
    #expect(Duration.microseconds(-1_500).carnetSeconds == "-0.002s")
    let huge = Duration(secondsComponent: .max, attosecondsComponent: 999_999_999_999_999_999)
    #expect(huge.carnetSeconds == "9223372036854775808.0s")
    let least = Duration(secondsComponent: .min, attosecondsComponent: 0)
    #expect(least.carnetSeconds == "-9223372036854775808.0s")
  }

  @Test func digitsAreWrittenForEveryMagnitude() {
    var values: [Int64] = [0, 1, 9, 10, 99, 100, -1, -10, .max, .min, .max - 1, .min + 1]
    var power: Int64 = 1
    for _ in 0..<18 {
      power *= 10
      values += [power - 1, power, power + 1, -power]
    }
    for value in values {
      var bytes: [UInt8] = [0x78]
      DecimalDigits.append(value, to: &bytes)
      #expect(String(decoding: bytes, as: UTF8.self) == "x\(value)")
      #expect(DecimalDigits.count(of: value) == "\(value)".utf8.count)
    }
  }
}
