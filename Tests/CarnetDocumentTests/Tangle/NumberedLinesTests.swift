import Testing

@testable import CarnetDocument

@Suite struct NumberedLinesTests {
  /// What `NumberedLines` must equal: an array of lines, blank ones added as needed, joined.
  private struct Model {
    var lines: [String] = []
    mutating func set(_ number: Int, _ text: String) {
      while lines.count < number { lines.append("") }
      lines[number - 1] = text
    }
    var text: String { lines.joined(separator: "\n") }
  }

  @Test func linesSetInIncreasingOrderAreJoinedWithBlankLinesBetween() {
    var lines = NumberedLines()
    lines.set(2, "a".utf8)
    lines.set(3, "b".utf8, indentation: 2)
    lines.set(6, "}".utf8)
    #expect(String(decoding: lines.bytes, as: UTF8.self) == "\na\n  b\n\n\n}")
    #expect(lines.count == 6)
    #expect(lines.isFirstLineBlank)
    lines.insertFirst("first".utf8)
    #expect(String(decoding: lines.bytes, as: UTF8.self) == "first\n\na\n  b\n\n\n}")
    #expect(!lines.isFirstLineBlank)
  }

  @Test func linesSetInAnyOrderGiveWhatAnArrayOfLinesGives() {
    var random = SplitMix(seed: 13)
    for _ in 0..<200 {
      var lines = NumberedLines()
      var model = Model()
      for _ in 0..<Int(random.next() % 12) {
        let number = Int(random.next() % 9) + 1
        let text = String(repeating: "x", count: Int(random.next() % 4))
        let indentation = text.isEmpty ? 0 : Int(random.next() % 3)
        lines.set(number, text.utf8, indentation: indentation)
        model.set(number, String(repeating: " ", count: indentation) + text)
        #expect(String(decoding: lines.bytes, as: UTF8.self) == model.text)
        #expect(lines.count == model.lines.count)
        #expect(lines.isFirstLineBlank == (model.lines.first?.isEmpty ?? true))
      }
    }
  }
}

/// A small seeded generator, so that the property test is the same on every run.
private struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
