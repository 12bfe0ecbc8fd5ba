import Testing

@testable import Carnet
@testable import CarnetDocument
@testable import CarnetRendering
@testable import CarnetRuntime

@Suite("Golden: LineDiff")
struct GoldenLineDiffTests {
  private func diff(_ old: String, _ new: String, context: Int = 3) -> String {
    LineDiff.unified(old: old, new: new, oldLabel: "old.md", newLabel: "new.md", context: context)
  }

  private func numbered(_ range: ClosedRange<Int>, replacing changes: [Int: String] = [:])
    -> String
  {
    range.map { (changes[$0] ?? "\($0)") + "\n" }.joined()
  }

  @Test("equal texts give an empty diff")
  func equal() {
    #expect(diff("", "") == "")
    #expect(diff("a\nb\n", "a\nb\n") == "")
    #expect(diff("no newline", "no newline") == "")
  }

  @Test("an inserted line")
  func insertion() {
    #expect(
      diff("a\nb\nc\n", "a\nb\nX\nc\n")
        == "--- old.md\n+++ new.md\n@@ -1,3 +1,4 @@\n a\n b\n+X\n c\n")
    #expect(diff("", "x\n") == "--- old.md\n+++ new.md\n@@ -0,0 +1 @@\n+x\n")
  }

  @Test("a deleted line")
  func deletion() {
    #expect(diff("a\nb\nc\n", "a\nc\n") == "--- old.md\n+++ new.md\n@@ -1,3 +1,2 @@\n a\n-b\n c\n")
    #expect(diff("x\ny\n", "") == "--- old.md\n+++ new.md\n@@ -1,2 +0,0 @@\n-x\n-y\n")
  }

  @Test("a changed line, with three lines of context")
  func change() {
    #expect(
      diff(numbered(1...10), numbered(1...10, replacing: [5: "five"]))
        == "--- old.md\n+++ new.md\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n")
  }

  @Test("changes at most six lines apart share a hunk")
  func hunksMerge() {
    let merged = diff(numbered(1...20), numbered(1...20, replacing: [3: "x", 10: "y"]))
    #expect(
      merged
        == "--- old.md\n+++ new.md\n@@ -1,13 +1,13 @@\n 1\n 2\n-3\n+x\n 4\n 5\n 6\n 7\n 8\n 9\n"
        + "-10\n+y\n 11\n 12\n 13\n")
  }

  @Test("changes seven lines apart get separate hunks")
  func hunksSplit() {
    let split = diff(numbered(1...20), numbered(1...20, replacing: [3: "x", 11: "y"]))
    #expect(
      split
        == "--- old.md\n+++ new.md\n@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+x\n 4\n 5\n 6\n"
        + "@@ -8,7 +8,7 @@\n 8\n 9\n 10\n-11\n+y\n 12\n 13\n 14\n")
  }

  @Test("context 0 shows only the changed lines")
  func noContext() {
    #expect(
      diff("a\nb\nc\n", "a\nB\nc\n", context: 0)
        == "--- old.md\n+++ new.md\n@@ -2 +2 @@\n-b\n+B\n")
  }

  @Test("a missing final newline is marked and counts as a difference")
  func noNewlineAtEnd() {
    #expect(
      diff("a\nb", "a\nc")
        == "--- old.md\n+++ new.md\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n"
        + "+c\n\\ No newline at end of file\n")
    #expect(
      diff("a\n", "a")
        == "--- old.md\n+++ new.md\n@@ -1 +1 @@\n-a\n+a\n\\ No newline at end of file\n")
    #expect(
      diff("x\nend", "y\nend")
        == "--- old.md\n+++ new.md\n@@ -1,2 +1,2 @@\n-x\n+y\n end\n\\ No newline at end of file\n")
  }

  @Test("CRLF and LF lines differ, and the carriage return is shown")
  func crlf() {
    #expect(
      diff("a\r\nb\r\n", "a\nb\r\n") == "--- old.md\n+++ new.md\n@@ -1,2 +1,2 @@\n-a␍\n+a\n b␍\n")
  }

  @Test("canonically equivalent but different bytes are a difference")
  func bytesNotCharacters() {
    #expect(
      diff("caf\u{E9}\n", "cafe\u{301}\n")
        == "--- old.md\n+++ new.md\n@@ -1 +1 @@\n-caf\u{E9}\n+cafe\u{301}\n")
  }

  @Test("every hunk's header selects, in file lines, exactly the lines it shows (random edits)")
  func hunkHeadersSelectTheirLines() throws {
    var random = SeededGenerator(seed: 12)
    let alphabet = ["a", "b", "c", "a\r", "", "d"]
    for _ in 0..<400 {
      var lines = (0..<Int.random(in: 0...30, using: &random)).map { _ in
        alphabet.randomElement(using: &random) ?? "a"
      }
      let oldLines = lines
      let old = lines.map { $0 + "\n" }.joined()
      for _ in 0..<Int.random(in: 1...5, using: &random) {
        let at = Int.random(in: 0...lines.count, using: &random)
        if Bool.random(using: &random) || at == lines.count {
          lines.insert("new", at: at)
        } else {
          lines.remove(at: at)
        }
      }
      let new = lines.map { $0 + "\n" }.joined()
      let context = Int.random(in: 0...4, using: &random)
      let hunks = try Self.hunks(diff(old, new, context: context))
      func shown(_ lines: ArraySlice<String>) -> [String] {
        lines.map { $0.replacing("\r", with: "␍") }
      }
      for hunk in hunks {
        let kept = hunk.lines.filter { $0.first != "+" }.map { String($0.dropFirst()) }
        let made = hunk.lines.filter { $0.first != "-" }.map { String($0.dropFirst()) }
        try #require(hunk.old.upperBound <= oldLines.count && hunk.new.upperBound <= lines.count)
        #expect(shown(oldLines[hunk.old]) == kept)
        #expect(shown(lines[hunk.new]) == made)
      }
      #expect(hunks.isEmpty == (old == new))
    }
  }

  /// The hunks of a diff: the 0-based line ranges their headers give, and their lines.
  private static func hunks(_ diff: String) throws -> [(
    old: Range<Int>, new: Range<Int>, lines: [Substring]
  )] {
    var hunks: [(old: Range<Int>, new: Range<Int>, lines: [Substring])] = []
    for line in diff.split(separator: "\n").dropFirst(2) {
      guard line.hasPrefix("@@ ") else {
        hunks[hunks.count - 1].lines.append(line)
        continue
      }
      let fields = line.split(separator: " ")
      func range(_ field: Substring) throws -> Range<Int> {
        let numbers = try field.dropFirst().split(separator: ",").map { try #require(Int($0)) }
        let count = numbers.count > 1 ? numbers[1] : 1
        let start = count == 0 ? numbers[0] : numbers[0] - 1
        try #require(start >= 0 && count >= 0)
        return start..<(start + count)
      }
      hunks.append((try range(fields[1]), try range(fields[2]), []))
    }
    return hunks
  }

  @Test("200,000 lines with one change: the hunk is right (and it is quick)")
  func largeInput() {
    let old = numbered(1...200_000)
    let new = numbered(1...200_000, replacing: [100_000: "changed"])
    #expect(
      diff(old, new)
        == "--- old.md\n+++ new.md\n@@ -99997,7 +99997,7 @@\n 99997\n 99998\n 99999\n"
        + "-100000\n+changed\n 100001\n 100002\n 100003\n")
  }

  @Test("large, entirely different texts are compared quickly")
  func largeDisjoint() {
    let old = (1...50_000).map { "old \($0)\n" }.joined()
    let new = (1...50_000).map { "new \($0)\n" }.joined()
    let changes = LineDiff.changes(from: DiffLines(old), to: DiffLines(new))
    #expect(changes == [LineChange(old: 0..<50_000, new: 0..<50_000)])
  }

  @Test("repetitive texts with scattered changes give a minimal diff")
  func repetitive() {
    let old = String(repeating: "```\n\nx\n", count: 2_000)
    var newLines = Array(repeating: ["```", "", "x"], count: 2_000).flatMap { $0 }
    for index in stride(from: 7, to: newLines.count, by: 401) { newLines[index] = "changed" }
    let new = newLines.map { $0 + "\n" }.joined()
    let changes = LineDiff.changes(from: DiffLines(old), to: DiffLines(new))
    #expect(changes.count == 15)
    #expect(changes.allSatisfy { $0.old.count == 1 && $0.new.count == 1 })
  }

  @Test("random small inputs: the edit script rebuilds the new text and is minimal")
  func randomAgainstOracle() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for _ in 0..<500 {
      let old = (0..<next(14)).map { _ in ["a", "b", "c", "d"][next(4)] }
      let new = (0..<next(14)).map { _ in ["a", "b", "c", "d"][next(4)] }
      let oldText = old.map { $0 + "\n" }.joined()
      let newText = new.map { $0 + "\n" }.joined()
      let changes = LineDiff.changes(from: DiffLines(oldText), to: DiffLines(newText))
      let rebuilt = apply(changes, to: old, from: new)
      #expect(rebuilt == new, "\(old) → \(new)")
      let edits = changes.reduce(0) { $0 + $1.old.count + $1.new.count }
      #expect(edits == old.count + new.count - 2 * lcsLength(old, new), "\(old) → \(new)")
    }
  }

  private func lcsLength(_ a: [String], _ b: [String]) -> Int {
    var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
      for j in stride(from: b.count - 1, through: 0, by: -1) {
        table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
      }
    }
    return table[0][0]
  }
}

extension GoldenLineDiffTests {
  /// Applies `changes` to `old`.
  private func apply(_ changes: [LineChange], to old: [String], from new: [String]) -> [String] {
    var rebuilt: [String] = []
    var oldIndex = 0
    for change in changes {
      rebuilt += old[oldIndex..<change.old.lowerBound]
      rebuilt += new[change.new]
      oldIndex = change.old.upperBound
    }
    return rebuilt + old[oldIndex...]
  }

  @Test("past the cost limit the edit script is still correct")
  func costLimit() {
    var state: UInt64 = 42
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for _ in 0..<300 {
      let old = (0..<next(40)).map { _ in ["a", "b", "c"][next(3)] }
      let new = (0..<next(40)).map { _ in ["a", "b", "c"][next(3)] }
      let changes = LineDiff.changes(
        from: DiffLines(old.map { $0 + "\n" }.joined()),
        to: DiffLines(new.map { $0 + "\n" }.joined()), costLimit: 1)
      #expect(apply(changes, to: old, from: new) == new, "\(old) → \(new)")
    }
  }

  @Test("repetitive texts that differ everywhere, past the cost limit: a correct script")
  func largeRepetitive() {
    let old = Array(repeating: ["a", "b", "c"], count: 3_000).flatMap { $0 }
    let new = Array(repeating: ["c", "b", "a"], count: 3_000).flatMap { $0 }
    let changes = LineDiff.changes(
      from: DiffLines(old.map { $0 + "\n" }.joined()),
      to: DiffLines(new.map { $0 + "\n" }.joined()), costLimit: 64)
    #expect(apply(changes, to: old, from: new) == new)
  }
}
