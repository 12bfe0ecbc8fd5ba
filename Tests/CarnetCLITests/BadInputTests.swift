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

  /// cmark 0.30 takes minutes on 160,000 image openers: a lesson the binary does not compile is
  /// refused before cmark reads it (a compiled one is bounded by the parse time limit, see
  /// `WorkspaceLessonLoaderTests`).
  @Test func aLessonCmarkWouldTakeMinutesOnIsRefusedAtOnceWhenNotCompiled() throws {
    let scratch = try Scratch()
    try scratch.write(
      "# Images\n\n" + String(repeating: "![[]()", count: 160_000) + "\n", to: "Notebooks/images.md"
    )
    let clock = ContinuousClock()
    let start = clock.now
    let render = try CarnetBinary.run(["render", "Notebooks/images.md"], in: scratch.url)
    #expect(clock.now - start < .seconds(8))
    #expect(render.status == 2)
    #expect(
      render.standardError
        == "Notebooks/images.md: error: lesson 'images' is not compiled into this carnet; put it"
        + " in Notebooks/ and run 'swift run carnet render' (which builds it first)\n")
    #expect(!scratch.exists("Output/images.md"))
    #expect(!scratch.exists("Output/images.html"))
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

/// The worker process never outlives `carnet`, however `carnet` ends.
@Suite struct WorkerLifetimeTests {
  /// The PIDs of the children of `pid`, from Linux's /proc.
  private func children(of pid: Int32) -> [Int32] {
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
    return tasks.flatMap { task -> [Int32] in
      let text =
        (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/children", encoding: .utf8))
      return (text ?? "").split(separator: " ").compactMap { Int32($0) }
    }
  }

  @Test(
    .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/task"), "needs Linux's /proc"),
    // (SIGINT is left out: a test runner may start its children with SIGINT ignored.)
    arguments: [SIGKILL, SIGTERM])
  func killingCarnetDuringABusyCellEndsItsWorker(signal: Int32) throws {
    let scratch = try Scratch()
    try scratch.copyFixture("occupee.md", to: "Notebooks/occupee.md")
    let process = Process()
    process.executableURL = CarnetBinary.url
    process.arguments = ["render", "--wall-clock-limit", "60"]
    process.currentDirectoryURL = scratch.url
    // Not the test's own streams: a worker left behind would hold them open.
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // The only cell never gives control back; its limit is a minute away.
    Thread.sleep(forTimeInterval: 1.5)
    let workers = children(of: process.processIdentifier)
    try #require(!workers.isEmpty, "no worker process seen")
    kill(process.processIdentifier, signal)
    Thread.sleep(forTimeInterval: 0.6)
    for worker in workers {
      let state = (try? String(contentsOfFile: "/proc/\(worker)/stat", encoding: .utf8)) ?? ""
      // Gone, or a zombie waiting for nobody: not running any more.
      #expect(state.isEmpty || state.contains(") Z "), "worker \(worker) still runs: \(state)")
      if !state.isEmpty { kill(worker, SIGKILL) }  // do not leave it behind
    }
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(process.terminationStatus == signal)
  }
}
