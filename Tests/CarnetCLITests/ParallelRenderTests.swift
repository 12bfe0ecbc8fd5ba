import Foundation
import Testing

/// Many lessons at once (`--jobs N`): the same bytes and the same messages for any N, one
/// lesson's trouble kept to itself, and a summary line for logs.
@Suite struct ParallelRenderTests {
  /// A scratch folder with several compiled lessons, one of which fails a cell.
  private func course() throws -> Scratch {
    let scratch = try Scratch()
    try scratch.copy("Notebooks/demo.md", to: "Notebooks/demo.md")
    try scratch.copy(
      "Notebooks/programmation-asynchrone.md", to: "Notebooks/programmation-asynchrone.md")
    for fixture in ["essai.md", "echec.md", "premiers-pas.md", "compilation.md"] {
      try scratch.copyFixture(fixture, to: "Notebooks/" + fixture)
    }
    return scratch
  }

  /// Every file of `folder` in the scratch folder, by name.
  private func files(_ scratch: Scratch, _ folder: String) throws -> [String: Data] {
    let url = scratch.url.appendingPathComponent(folder)
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: url.path) {
      files[name] = try Data(contentsOf: url.appendingPathComponent(name))
    }
    return files
  }

  @Test func anyNumberOfJobsWritesTheSameBytesAndSaysTheSameThings() throws {
    let scratch = try course()
    let one = try CarnetBinary.run(
      ["render", "--jobs", "1", "--output", "un", "--allow-errors"], in: scratch.url)
    let four = try CarnetBinary.run(
      ["render", "--jobs", "4", "--output", "quatre", "--allow-errors"], in: scratch.url)
    #expect(one.status == 1)
    #expect(four.status == 1)
    #expect(
      four.standardError
        == one.standardError.replacingOccurrences(of: "un/", with: "quatre/"))
    let first = try files(scratch, "un")
    #expect(first.count == 14)  // 6 lessons, and the book's index.html and index.md
    #expect(try files(scratch, "quatre") == first)
  }

  @Test func aFailingLessonIsNotWrittenAndTheOthersAre() throws {
    let scratch = try course()
    let result = try CarnetBinary.run(["render", "--jobs", "3"], in: scratch.url)
    #expect(result.status == 1)
    #expect(result.standardError.contains("Notebooks/echec.md: note: not written: a cell failed"))
    let written = try files(scratch, "Output").keys.sorted()
    #expect(!written.contains("echec.md"))
    #expect(written.contains("programmation-asynchrone.html"))
    #expect(written.count == 10)  // compilation.md fails too (a compile-error cell compiles)
  }

  @Test func successEndsWithOneSummaryLineInLogs() throws {
    let scratch = try Scratch()
    try scratch.copyFixture("premiers-pas.md", to: "Notebooks/premiers-pas.md")
    try scratch.copyFixture("essai.md", to: "Notebooks/essai.md")
    let render = try CarnetBinary.run(["render", "--jobs", "2"], in: scratch.url)
    #expect(render.status == 0)
    let lines = render.standardError.split(separator: "\n")
    #expect(lines.count == 1, "\(render.standardError)")
    #expect(lines.first?.hasPrefix("rendered 2 lessons (7 cells), wrote 6 files in ") == true)
    let check = try CarnetBinary.run(["check"], in: scratch.url)
    #expect(check.status == 0)
    #expect(check.standardError.hasPrefix("checked 2 lessons (7 cells), 6 files up to date in "))
  }

  @Test func jobsMustBePositive() throws {
    let scratch = try Scratch()
    let result = try CarnetBinary.run(["render", "--jobs", "0"], in: scratch.url)
    #expect(result.status == 64)
    #expect(result.standardError.contains("--jobs must be a positive number"))
  }
}
