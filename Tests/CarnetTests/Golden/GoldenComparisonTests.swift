import Testing

@testable import Carnet
@testable import CarnetDocument
@testable import CarnetRendering
@testable import CarnetRuntime

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

  @Test("hunk headers number the lines of the file the labels name, not lines of a cell")
  func hunkHeadersGiveFileLines() throws {
    // Three cells with their outputs; the rendered lesson has two more output lines in the first
    // cell and a changed line in the third cell's output, 20 lines further down.
    func lesson(firstOutput: [String], lastOutput: String) -> String {
      var lines = ["# Leçon", ""]
      for (index, output) in [firstOutput, ["b"], ["c1", "c2", lastOutput, "c4"]].enumerated() {
        lines += ["Texte \(index).", "", "```swift cell=c\(index)", "print(\(index))", "```"]
        lines += ["```output time=0.0s"] + output + ["```", ""]
      }
      return lines.joined(separator: "\n") + "\n"
    }
    let golden = lesson(firstOutput: ["a"], lastOutput: "c3")
    let rendered = lesson(firstOutput: ["a", "a2", "a3"], lastOutput: "c3 changé")
    let verdict = GoldenComparison.compare(
      expected: golden, actual: rendered, goldenPath: "Output/l.md")
    guard case .differs(let diff) = verdict else {
      Issue.record("expected a difference, got \(verdict)")
      return
    }
    let goldenLine =
      try #require(
        golden.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(of: "c3")) + 1
    let renderedLine =
      try #require(
        rendered.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(
          of: "c3 changé")) + 1
    #expect((goldenLine, renderedLine) == (29, 31))
    // Each hunk starts three lines of context before its change, at the change's file line.
    #expect(diff.contains("@@ -7,6 +7,8 @@\n ```\n ```output time=0.0s\n a\n+a2\n+a3\n ```\n"))
    #expect(
      diff.contains(
        "@@ -\(goldenLine - 3),7 +\(renderedLine - 3),7 @@\n ```output time=0.0s\n c1\n c2\n-c3\n"
          + "+c3 changé\n"))
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
