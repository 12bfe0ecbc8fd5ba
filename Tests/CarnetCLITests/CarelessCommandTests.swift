import Foundation
import Testing

/// Careless commands: an output folder that would overwrite lessons, option values that make no
/// sense, a file name that looks like an option. Each gets one clear line and a non-zero exit,
/// and no lesson is touched.
@Suite struct CarelessCommandTests {
  @Test func renderingIntoTheLessonsFolderIsRefusedAndLeavesTheLessonAlone() throws {
    let scratch = try Scratch()
    try scratch.copyFixture("essai.md", to: "Notebooks/essai.md")
    let lesson = scratch.read("Notebooks/essai.md")
    let result = try CarnetBinary.run(["render", "--output", "Notebooks"], in: scratch.url)
    #expect(result.status == 2)
    #expect(
      result.standardError
        == "Notebooks/essai.md: error: rendering it would overwrite the lesson Notebooks/essai.md;"
        + " choose another output folder (--output)\n")
    #expect(scratch.read("Notebooks/essai.md") == lesson)
    #expect(try scratch.contents(of: "Notebooks") == ["essai.md"])
  }

  @Test func renderingARenderedLessonBackIntoItsFolderIsRefused() throws {
    let scratch = try Scratch()
    try FileManager.default.createDirectory(
      at: scratch.url.appendingPathComponent("Output"), withIntermediateDirectories: true)
    try scratch.copyFixture("essai.md", to: "Output/essai.md")
    let before = scratch.read("Output/essai.md")
    let result = try CarnetBinary.run(["render", "Output/essai.md"], in: scratch.url)
    #expect(result.status == 2)
    #expect(result.standardError.contains("would overwrite the lesson Output/essai.md"))
    #expect(scratch.read("Output/essai.md") == before)
  }

  @Test(arguments: [
    (["render", "--wall-clock-limit", "inf"], "--wall-clock-limit must be a number of seconds"),
    (["render", "--wall-clock-limit", "1e300"], "--wall-clock-limit must be a number of seconds"),
    (["render", "--wall-clock-limit", "1e17"], "--wall-clock-limit must be a number of seconds"),
    (["render", "--wall-clock-limit", "nan"], "--wall-clock-limit must be a number of seconds"),
    (["render", "--lang", "\"><script>"], "is not a language tag"),
    (["render", "--lang", ""], "is not a language tag"),
    (["render", "-dash.md"], "'-dash.md' starts with '-' like an option; write ./-dash.md"),
    (["check", "--jobs", "-1"], "--jobs"),
  ])
  func badOptionValuesAreUsageErrors(arguments: [String], message: String) throws {
    let scratch = try Scratch()
    let result = try CarnetBinary.run(arguments, in: scratch.url)
    #expect(result.status == 64, "\(result.standardError)")
    #expect(result.standardError.contains(message), "\(result.standardError)")
    #expect(!result.standardError.contains("OVERVIEW"))
    #expect(!scratch.exists("Output"))
  }

  @Test func aFileNamedLikeAnOptionRendersAfterTheSeparator() throws {
    let scratch = try Scratch()
    try scratch.copyFixture("essai.md", to: "Notebooks/essai.md")
    let result = try CarnetBinary.run(["render", "--", "-dash.md"], in: scratch.url)
    #expect(result.status == 2)
    #expect(result.standardError == "-dash.md: error: no such file or folder\n")
  }
}
