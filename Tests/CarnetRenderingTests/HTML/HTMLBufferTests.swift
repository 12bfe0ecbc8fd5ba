import Testing

@testable import CarnetRendering

@Suite("Rendering: HTMLBuffer")
struct HTMLBufferTests {
  private func hundredths(_ value: Int) -> String {
    var out = HTMLBuffer()
    out.hundredths(value)
    return out.string
  }

  @Test("numbers are written with two decimals, without locale")
  func numbers() {
    #expect(hundredths(1234) == "12.34")
    #expect(hundredths(5) == "0.05")
    #expect(hundredths(-5) == "-0.05")
    #expect(hundredths(0) == "0.00")
    #expect(hundredths(61_600) == "616.00")
  }

  @Test("an attribute and a point are written around their numbers")
  func attributesAndPoints() {
    var out = HTMLBuffer()
    out.attribute(" x1=\"", hundredths: -1_250)
    out.point(300, 7, then: "L")
    #expect(out.string == " x1=\"-12.50\"3.00 0.07L")
  }

  @Test("escaped text is the text appended escaped")
  func escapedText() {
    var out = HTMLBuffer()
    out.text("a < b & \"c\"")
    #expect(HTMLBuffer.escaped("a < b & \"c\"") == out.bytes)
    #expect(out.string == "a &lt; b &amp; &quot;c&quot;")
  }
}
