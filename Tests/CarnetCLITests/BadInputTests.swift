import Foundation
import Testing

/// Bad input through the real binary: a one-line error naming the file, exit code 2, and
/// nothing written.
@Suite struct BadInputTests {
  @Test func anEmptyLessonRendersAsEmpty() throws {
    let scratch = try Scratch()
    try scratch.copyFixture("vide.md", to: "Notebooks/vide.md")
    try #require(scratch.read("Notebooks/vide.md") == "")
    let render = try CarnetBinary.run(["render"], in: scratch.url)
    #expect(render.status == 0, "\(render.standardError)")
    #expect(scratch.read("Output/vide.md") == "")
  }

  @Test func aCellIDUsedTwiceIsRejectedWithBothLines() throws {
    let scratch = try Scratch()
    let lesson = "```swift cell=hello\nprint(1)\n```\n\n```swift cell=hello\nprint(2)\n```\n"
    try scratch.write(lesson, to: "Notebooks/essai.md")
    let render = try CarnetBinary.run(["render"], in: scratch.url)
    #expect(render.status == 2)
    #expect(
      render.standardError
        == "Notebooks/essai.md:5: error: cell ID 'hello' is used twice in this lesson"
        + " (first at line 1)\n")
    #expect(!scratch.exists("Output/essai.md"))
  }

  @Test func aBinaryFileIsRejectedWithTheOffsetOfItsNULByte() throws {
    let scratch = try Scratch()
    try scratch.write(bytes: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01], to: "Notebooks/image.md")
    let render = try CarnetBinary.run(["render"], in: scratch.url)
    #expect(render.status == 2)
    #expect(render.standardError.hasPrefix("Notebooks/image.md:1: error: "))
    #expect(render.standardError.split(separator: "\n").count == 1)
    #expect(scratch.read("Output/image.md") == nil)
  }

  @Test func aFolderNamedLikeALessonIsRejected() throws {
    let scratch = try Scratch()
    try FileManager.default.createDirectory(
      at: scratch.url.appendingPathComponent("Notebooks/chapitre.md"),
      withIntermediateDirectories: true)
    let render = try CarnetBinary.run(["render"], in: scratch.url)
    #expect(render.status == 2)
    #expect(
      render.standardError == "Notebooks/chapitre.md: error: is a folder, expected a lesson file\n")
  }

  @Test func anOutputFolderThatIsAFileIsRejected() throws {
    let scratch = try Scratch()
    try scratch.copyFixture("essai.md", to: "Notebooks/essai.md")
    try scratch.write("not a folder", to: "Output")
    let render = try CarnetBinary.run(["render"], in: scratch.url)
    #expect(render.status == 3)  // a write failure
    #expect(render.standardError == "Output: error: cannot create the output folder\n")
    #expect(scratch.read("Output") == "not a folder")
  }

  @Test func anOutputPathThatIsAFolderIsRejected() throws {
    let scratch = try Scratch()
    try scratch.copyFixture("essai.md", to: "Notebooks/essai.md")
    try FileManager.default.createDirectory(
      at: scratch.url.appendingPathComponent("Output/essai.md"), withIntermediateDirectories: true)
    let render = try CarnetBinary.run(["render"], in: scratch.url)
    #expect(render.status == 3)  // a write failure
    #expect(render.standardError.hasPrefix("Output/essai.md: error: cannot write Output/essai.md"))
    let leftovers = try FileManager.default.contentsOfDirectory(
      atPath: scratch.url.appendingPathComponent("Output").path)
    #expect(leftovers == ["essai.md"])
  }

  @Test func aRenderKilledMidRunLeavesThePreviousOutputUntouched() throws {
    let scratch = try Scratch()
    try scratch.copyFixture("essai.md", to: "Notebooks/essai.md")
    #expect(try CarnetBinary.run(["render"], in: scratch.url).status == 0)
    let good = try #require(scratch.read("Output/essai.md"))
    // A prose-only edit, which keeps every line in place: the lesson still runs, and would
    // render differently.
    let lesson = try #require(scratch.read("Notebooks/essai.md"))
    let edited = lesson.replacingOccurrences(of: "# Essai\n", with: "# Essai 2\n")
    try #require(edited != lesson)
    try scratch.write(edited, to: "Notebooks/essai.md")
    // In real time, the cell 'attente' takes 3 s: kill the render while it runs.
    let process = Process()
    process.executableURL = CarnetBinary.url
    process.arguments = ["render", "--real-time"]
    process.currentDirectoryURL = scratch.url
    process.standardError = FileHandle.nullDevice
    try process.run()
    Thread.sleep(forTimeInterval: 0.7)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(scratch.read("Output/essai.md") == good)
    // The edited lesson was accepted: rendered to the end, it replaces the output.
    #expect(try CarnetBinary.run(["render"], in: scratch.url).status == 0)
    #expect(scratch.read("Output/essai.md")?.hasPrefix("# Essai 2\n") == true)
  }
}
