import Testing

@testable import Carnet
@testable import CarnetDocument

@Suite("Golden: GoldenComparison")
struct GoldenComparisonTests {
  @Test("identical text matches")
  func match() {
    let verdict = GoldenComparison.compare(
      expected: "# L\r\n\nétat\n", actual: "# L\r\n\nétat\n", goldenPath: "Output/l.md")
    #expect(verdict == .match)
    #expect(verdict.message == "the rendered lesson matches its golden file")
  }

  @Test("no golden file is reported as missing, naming the path")
  func missing() {
    let verdict = GoldenComparison.compare(
      expected: nil, actual: "text\n", goldenPath: "Output/l.md")
    #expect(verdict == .missing(path: "Output/l.md"))
    #expect(verdict.message == "golden file Output/l.md is missing")
  }

  @Test("a changed golden file differs: the diff names the path and shows the changed line")
  func differs() {
    let golden = "# Lesson\n\n```output time=1.0s\nhello\n```\n"
    let rendered = "# Lesson\n\n```output time=1.0s\nhello, world\n```\n"
    let verdict = GoldenComparison.compare(
      expected: golden, actual: rendered, goldenPath: "Output/lesson.md")
    let expectedDiff =
      "--- Output/lesson.md\n+++ Output/lesson.md (rendered)\n@@ -1,5 +1,5 @@\n # Lesson\n \n"
      + " ```output time=1.0s\n-hello\n+hello, world\n ```\n"
    #expect(verdict == .differs(diff: expectedDiff))
    #expect(verdict != .match)
    #expect(
      verdict.message == "the rendered lesson differs from its golden file:\n" + expectedDiff)
  }

  @Test("a difference only in line endings or normalisation is not a match")
  func bytesMatter() {
    let crlf = GoldenComparison.compare(expected: "a\r\n", actual: "a\n", goldenPath: "g.md")
    #expect(crlf != .match)
    let nfd = GoldenComparison.compare(
      expected: "caf\u{E9}\n", actual: "cafe\u{301}\n", goldenPath: "g.md")
    #expect(nfd != .match)
  }
}
