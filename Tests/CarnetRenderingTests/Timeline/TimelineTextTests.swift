import Testing

@testable import CarnetDocument
@testable import CarnetRendering
@testable import CarnetRuntime

@Suite("Rendering: TimelineText and the Markdown timeline block")
struct TimelineTextTests {
  private let english = PageStrings(language: "en")

  /// Four lanes over 2 s: `main` waits; three tasks sleep from 0 to 2, 1 and 1.5 s.
  private static let threeSleepers: TaskTimeline = {
    let main = TaskTimeline.Lane(
      name: "main", created: .zero, ended: .seconds(2), finished: true,
      runs: [.zero, .seconds(1), .seconds(1.5), .seconds(2)])
    let tasks = [("Tâche 1", 2.0), ("Tâche 2", 1.0), ("Tâche 3", 1.5)].map { name, seconds in
      TaskTimeline.Lane(
        name: name, created: .zero, ended: .seconds(seconds), finished: true,
        runs: [.zero, .seconds(seconds)], sleeps: [.init(start: .zero, end: .seconds(seconds))])
    }
    return TaskTimeline(lanes: [main] + tasks, duration: .seconds(2))
  }()

  private static let threeSleepersLines = [
    "main     |...................|.........|........|",
    "Tâche 1  |======================================|",
    "Tâche 2  |===================|",
    "Tâche 3  |=============================|",
    "         0 s       0.5 s     1 s       1.5 s     2 s",
    "         = sleeping  . waiting  | running",
  ]

  @Test("one line per lane, a scale and a legend, 40 characters for the duration")
  func threeSleepers() {
    #expect(TimelineText.lines(Self.threeSleepers, strings: english) == Self.threeSleepersLines)
  }

  @Test("unnamed lanes are named in the page's language, given names are kept as given")
  func laneNamesInThePageLanguage() {
    let timeline = TaskTimeline(
      lanes: [
        .init(name: nil, created: .zero, ended: .seconds(1), finished: true),
        .init(name: nil, created: .zero, ended: .seconds(1), finished: true),
        .init(name: "task 7", created: .zero, ended: .seconds(1), finished: true),
      ], duration: .seconds(1))
    let lines = TimelineText.lines(timeline, strings: PageStrings(language: "fr"))
    #expect(lines.prefix(3).map { $0.prefix(9) } == ["main     ", "tâche 2  ", "task 7   "])
  }

  @Test("cancellations, late starts and unfinished lanes")
  func cancelledAndUnfinished() {
    let timeline = TaskTimeline(
      lanes: [
        .init(name: "main", created: .zero, ended: .seconds(4), finished: false, runs: [.zero]),
        .init(
          name: "w", created: .seconds(1), ended: .seconds(3), finished: true,
          cancelled: .seconds(3), runs: [.seconds(1)],
          sleeps: [.init(start: .seconds(1), end: .seconds(3), wasCancelled: true)]),
      ], duration: .seconds(4))
    #expect(
      TimelineText.lines(timeline, strings: english) == [
        "main  |.......................................>",
        "w               |===================x",
        "      0 s       1 s       2 s       3 s       4 s",
        "      = sleeping  . waiting  | running  x cancelled  > unfinished",
      ])
  }

  @Test("the duration ends the scale when it is not a tick; French words with lang fr")
  func oddDuration() {
    let timeline = TaskTimeline(
      lanes: [.init(name: "m", created: .zero, ended: .milliseconds(2300), finished: true)],
      duration: .milliseconds(2300))
    #expect(
      TimelineText.lines(timeline, strings: PageStrings(language: "fr")) == [
        "m  ........................................",
        "   0 s              1 s               2 s  2.3 s",
        "   . en attente",
      ])
  }

  @Test("a timeline that takes no time is one column wide, unfinished lanes marked after it")
  func instant() {
    let timeline = TaskTimeline(
      lanes: [
        .init(name: "main", created: .zero, ended: .zero, finished: false, runs: [.zero]),
        .init(name: "t", created: .zero, ended: .zero, finished: true),
      ], duration: .zero)
    #expect(
      TimelineText.lines(timeline, strings: english) == [
        "main  |>", "t     .", "      0 s", "      . waiting  | running  > unfinished",
      ])
  }

  @Test("names lose line breaks and control characters, and are shortened")
  func names() {
    let timeline = TaskTimeline(
      lanes: [
        .init(name: "a\nb\u{1B}", created: .zero, ended: .zero, finished: true),
        .init(
          name: String(repeating: "é", count: 25), created: .zero, ended: .zero, finished: true),
      ], duration: .seconds(1))
    let lines = TimelineText.lines(timeline, strings: english)
    #expect(lines[0] == "a b                   .")
    #expect(lines[1] == String(repeating: "é", count: 19) + "…  .")
  }

  // MARK: Markdown output

  private func render(_ text: String, _ runs: [CellRun]) throws -> String {
    MarkdownRenderer.render(try NotebookParser.parse(text: text, path: "t.md"), runs: runs)
  }

  private func run(_ output: String, _ ending: CellRun.Ending = .returned) -> CellRun {
    CellRun(
      cellID: "a", output: output, ending: ending, simulatedTime: .seconds(2),
      timeline: Self.threeSleepers)
  }

  @Test("timeline=true adds a timeline block after the output and error blocks")
  func markdownBlock() throws {
    let text = "Intro\n\n```swift cell=a timeline=true\nf()\n```\n\nEnd\n"
    let rendered = try render(text, [run("x\n", .threw(type: "E", description: "boom"))])
    let expected =
      "Intro\n\n```swift cell=a timeline=true\nf()\n```\n```output time=2.0s\nx\n```\n"
      + "```error\nE: boom\n```\n```timeline\n"
      + Self.threeSleepersLines.map { $0 + "\n" }.joined() + "```\n\nEnd\n"
    RenderFixture.expectSameBytes(rendered, expected)
  }

  @Test("without timeline=true there is no timeline block, even with several tasks")
  func markdownOnlyWhenAsked() throws {
    for info in ["swift cell=a", "swift cell=a timeline=false"] {
      let text = "```\(info)\nf()\n```\n"
      RenderFixture.expectSameBytes(
        try render(text, [run("x\n")]), text + "```output time=2.0s\nx\n```\n")
    }
    let noTimeline = CellRun(cellID: "a", output: "", ending: .returned, simulatedTime: .zero)
    let text = "```swift cell=a timeline=true\nf()\n```\n"
    RenderFixture.expectSameBytes(
      try render(text, [noTimeline]), text + "```output time=0.0s\n```\n")
  }

  @Test("in a list item and a quote, on CRLF, every timeline line keeps prefix and ending")
  func markdownNested() throws {
    let text = "- > ```swift cell=a timeline=true\r\n  > f()\r\n  > ```\r\n- next\r\n"
    let rendered = try render(text, [run("x\n")])
    let timeline = Self.threeSleepersLines.map { "  > " + $0 + "\r\n" }.joined()
    RenderFixture.expectSameBytes(
      rendered,
      "- > ```swift cell=a timeline=true\r\n  > f()\r\n  > ```\r\n"
        + "  > ```output time=2.0s\r\n  > x\r\n  > ```\r\n"
        + "  > ```timeline\r\n" + timeline + "  > ```\r\n- next\r\n")
  }

  @Test("hide=code and a closing fence at the end of the file keep their rules")
  func markdownHiddenAtEnd() throws {
    let text = "Top\n\n```swift cell=a hide=code timeline=true\nf()\n```"
    let rendered = try render(text, [run("")])
    let timeline = Self.threeSleepersLines.map { $0 + "\n" }.joined()
    RenderFixture.expectSameBytes(
      rendered, "Top\n\n```output time=2.0s\n```\n```timeline\n" + timeline + "```")
  }

  @Test("front matter lang: fr gives a French legend; backticks in names lengthen the fence")
  func markdownFrenchAndFence() throws {
    let timeline = TaskTimeline(
      lanes: [.init(name: "a```b", created: .zero, ended: .seconds(1), finished: true)],
      duration: .seconds(1))
    let text = "---\nlang: fr\n---\n```swift cell=a timeline=true\nf()\n```\n"
    let run = CellRun(
      cellID: "a", output: "", ending: .returned, simulatedTime: .seconds(1), timeline: timeline)
    let rendered = try render(text, [run])
    RenderFixture.expectSameBytes(
      rendered,
      text + "```output time=1.0s\n```\n````timeline\n"
        + "a```b  ........................................\n"
        + "       0 s                 0.5 s               1 s\n"
        + "       . en attente\n````\n")
  }
}
