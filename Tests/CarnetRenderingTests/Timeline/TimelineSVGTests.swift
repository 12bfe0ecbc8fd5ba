import Testing

@testable import CarnetDocument
@testable import CarnetRendering
@testable import CarnetRuntime

@Suite("Rendering: TimelineSVG")
struct TimelineSVGTests {
  private let english = PageStrings(language: "en")
  private let french = PageStrings(language: "fr")

  /// Four lanes over 2 s: `main` waits; three tasks sleep from 0 to 2, 1 and 1.5 s.
  private var threeSleepers: TaskTimeline {
    let main = TaskTimeline.Lane(
      name: "main", created: .zero, ended: .seconds(2), finished: true,
      runs: [.zero, .seconds(1), .seconds(1.5), .seconds(2)])
    let tasks = [("Tâche 1", 2.0), ("Tâche 2", 1.0), ("Tâche 3", 1.5)].map { name, seconds in
      TaskTimeline.Lane(
        name: name, created: .zero, ended: .seconds(seconds), finished: true,
        runs: [.zero, .seconds(seconds)], sleeps: [.init(start: .zero, end: .seconds(seconds))])
    }
    return TaskTimeline(lanes: [main] + tasks, duration: .seconds(2))
  }

  private func chart(_ timeline: TaskTimeline, _ strings: PageStrings? = nil) throws -> PageNode {
    try HTMLTestSupport.parse(TimelineSVG.svg(timeline, strings: strings ?? english))
  }

  @Test("an accessible image: role, aria-label summary and a title")
  func accessible() throws {
    let svg = try chart(threeSleepers, french)
    #expect(svg.name == "svg")
    #expect(svg.attributes["role"] == "img")
    #expect(svg.attributes["aria-label"] == "4 tâches, 2.0 s")
    #expect(svg.children.first?.name == "title")
    #expect(svg.children.first?.textContent == "Chronologie: 4 tâches, 2.0 s")
    let one = TaskTimeline(
      lanes: [.init(name: "main", created: .zero, ended: .zero, finished: true)],
      duration: .milliseconds(1250))
    #expect(try chart(one).attributes["aria-label"] == "1 task, 1.25 s")
  }

  @Test("one lane per task, named, in order, with the chart's size")
  func lanes() throws {
    let svg = try chart(threeSleepers)
    #expect(svg.attributes["viewBox"] == "0 0 640 218")
    let lanes = svg.all { $0.name == "g" && $0.attributes["class"] == "lane" }
    #expect(lanes.count == 4)
    let names = lanes.map { $0.all { $0.attributes["class"] == "lane-name" }.first?.textContent }
    #expect(names == ["main", "Tâche 1", "Tâche 2", "Tâche 3"])
    let baselines = lanes.compactMap {
      $0.all { $0.attributes["class"] == "lane-name" }.first?.attributes["y"]
    }
    #expect(baselines == ["25.00", "69.00", "113.00", "157.00"])
  }

  @Test("sleep bars sit at x = 24 + 592 * t / 2 s, on their lane")
  func sleepCoordinates() throws {
    let svg = try chart(threeSleepers)
    let bars = svg.all { $0.attributes["class"] == "sleep" }
    #expect(bars.map { $0.attributes["x"] } == ["24.00", "24.00", "24.00"])
    #expect(bars.map { $0.attributes["width"] } == ["592.00", "296.00", "444.00"])
    #expect(bars.map { $0.attributes["y"] } == ["76.00", "120.00", "164.00"])
    #expect(bars.map { $0.attributes["height"] } == ["14.00", "14.00", "14.00"])
    #expect(bars[1].textContent == "sleeping 0 s – 1 s")
  }

  @Test("runs are short marks at their instants; the lifetime is a waiting line")
  func runsAndWaiting() throws {
    let svg = try chart(threeSleepers)
    let main = try #require(svg.all { $0.attributes["class"] == "lane" }.first)
    let runs = main.all { $0.attributes["class"] == "run" }
    #expect(runs.map { $0.attributes["x1"] } == ["24.00", "320.00", "468.00", "616.00"])
    #expect(runs.map { $0.attributes["y1"] } == ["30.00", "30.00", "30.00", "30.00"])
    #expect(runs.map { $0.attributes["y2"] } == ["48.00", "48.00", "48.00", "48.00"])
    let wait = try #require(main.all { $0.attributes["class"] == "wait" }.first)
    #expect(wait.attributes["x1"] == "24.00")
    #expect(wait.attributes["x2"] == "616.00")
    #expect(wait.attributes["y1"] == "39.00")
  }

  @Test("the axis has round ticks labelled in seconds")
  func axis() throws {
    let svg = try chart(threeSleepers)
    let axis = try #require(svg.all { $0.attributes["class"] == "axis" }.first)
    #expect(axis.all(named: "text").map(\.textContent) == ["0 s", "0.5 s", "1 s", "1.5 s", "2 s"])
    #expect(
      axis.all(named: "text").map { $0.attributes["x"] }
        == ["24.00", "172.00", "320.00", "468.00", "616.00"])
  }

  @Test("cancellations get a cross with a title; cancelled sleeps and unfinished lanes show")
  func cancelledAndUnfinished() throws {
    let timeline = TaskTimeline(
      lanes: [
        .init(name: "main", created: .zero, ended: .seconds(4), finished: false),
        .init(
          name: "worker", created: .zero, ended: .seconds(1), finished: true,
          cancelled: .seconds(1), runs: [.zero, .seconds(1)],
          sleeps: [.init(start: .zero, end: .seconds(1), wasCancelled: true)]),
      ], duration: .seconds(4))
    let svg = try chart(timeline)
    let lanes = svg.all { $0.name == "g" && $0.attributes["class"]?.hasPrefix("lane") == true }
    #expect(lanes.map { $0.attributes["class"] } == ["lane unfinished", "lane"])
    let mark = try #require(lanes[0].all { $0.attributes["class"] == "unfinished-mark" }.first)
    #expect(mark.textContent == "unfinished")
    let cancelled = try #require(
      lanes[1].all { $0.attributes["class"] == "sleep cancelled" }.first)
    #expect(cancelled.attributes["x"] == "24.00")
    #expect(cancelled.attributes["width"] == "148.00")
    #expect(cancelled.textContent == "sleeping 0 s – 1 s (cancelled)")
    let cross = try #require(lanes[1].all { $0.attributes["class"] == "cancel" }.first)
    #expect(cross.all(named: "title").first?.textContent == "cancelled 1 s")
    #expect(
      cross.all(named: "path").first?.attributes["d"]
        == "M167.00 78.00L177.00 88.00M167.00 88.00L177.00 78.00")
  }

  @Test("unnamed lanes are named in the page's language, given names are kept as given")
  func laneNamesInThePageLanguage() throws {
    let timeline = TaskTimeline(
      lanes: [
        .init(name: nil, created: .zero, ended: .seconds(1), finished: true),
        .init(name: nil, created: .zero, ended: .seconds(1), finished: true),
        .init(name: "task 7", created: .zero, ended: .seconds(1), finished: true),
        .init(name: "Lecteur", created: .zero, ended: .seconds(1), finished: true),
      ], duration: .seconds(1))
    func names(_ strings: PageStrings) throws -> [String] {
      try chart(timeline, strings).all { $0.attributes["class"] == "lane-name" }.map(\.textContent)
    }
    #expect(try names(french) == ["main", "tâche 2", "task 7", "Lecteur"])
    #expect(try names(english) == ["main", "task 2", "task 7", "Lecteur"])
  }

  @Test("the legend's marks are exactly the kinds of marks the chart draws")
  func legendExplainsEveryMark() throws {
    let classes: [String: TimelineSVG.Mark] = [
      "sleep": .sleep, "sleep cancelled": .cancelledSleep, "wait": .wait, "run": .run,
      "cancel": .cancel, "unfinished-mark": .unfinished,
    ]
    let cut = TaskTimeline.Sleep(start: .zero, end: .seconds(1), wasCancelled: true)
    let timelines = [
      threeSleepers,
      TaskTimeline(
        lanes: [
          .init(name: nil, created: .zero, ended: .seconds(2), finished: false),
          .init(
            name: nil, created: .zero, ended: .seconds(1), finished: true,
            cancelled: .seconds(1), runs: [.zero], sleeps: [cut]),
        ], duration: .seconds(2)),
      TaskTimeline(
        lanes: [
          .init(
            name: nil, created: .zero, ended: .seconds(2), finished: true,
            sleeps: [.init(start: .zero, end: .seconds(1)), cut])
        ], duration: .seconds(2)),
    ]
    for timeline in timelines {
      let drawn = Set(
        try chart(timeline).all { _ in true }.compactMap { node in
          node.attributes["class"].flatMap { classes[$0] }
        })
      let legend = TimelineSVG.marks(in: timeline)
      #expect(Set(legend) == drawn)
      #expect(legend.count == drawn.count)
    }
    #expect(
      TimelineSVG.marks(in: timelines[1]) == [.cancelledSleep, .wait, .run, .cancel, .unfinished])
    #expect(TimelineSVG.Mark.cancelledSleep.words(french) == "veille annulée")
    #expect(TimelineSVG.Mark.cancelledSleep.words(english) == "sleep cancelled")
  }

  @Test("the narrow layout, for phones: 360 wide, its time axis from 16 to 340, the same lanes")
  func narrowLayout() throws {
    let svg = try HTMLTestSupport.parse(
      TimelineSVG.svg(threeSleepers, strings: english, layout: .narrow))
    #expect(svg.attributes["class"] == "timeline-chart narrow")
    #expect(svg.attributes["viewBox"] == "0 0 360 218")
    #expect(svg.attributes["width"] == "360")
    let bars = svg.all { $0.attributes["class"] == "sleep" }
    #expect(bars.map { $0.attributes["x"] } == ["16.00", "16.00", "16.00"])
    #expect(bars.map { $0.attributes["width"] } == ["324.00", "162.00", "243.00"])
    let axis = try #require(svg.all { $0.attributes["class"] == "axis" }.first)
    #expect(
      axis.all(named: "text").map { $0.attributes["x"] }
        == ["16.00", "97.00", "178.00", "259.00", "340.00"])
    let names = svg.all { $0.attributes["class"] == "lane-name" }
    #expect(names.map { $0.attributes["x"] } == ["16.00", "16.00", "16.00", "16.00"])
    #expect(
      TimelineSVG.charts(threeSleepers, strings: english).components(separatedBy: "<svg ").count
        == 3)
  }

  @Test("names are escaped, and long ones shortened with the full name as a title")
  func names() throws {
    let long = String(repeating: "n", count: 40)
    let timeline = TaskTimeline(
      lanes: [
        .init(name: "<b>&\"'", created: .zero, ended: .zero, finished: true),
        .init(name: long, created: .zero, ended: .zero, finished: true),
      ], duration: .seconds(1))
    let svgText = TimelineSVG.svg(timeline, strings: english)
    #expect(svgText.contains(">&lt;b&gt;&amp;&quot;&#39;<"))
    let names = try chart(timeline).all { $0.attributes["class"] == "lane-name" }
    #expect(names[1].textContent.hasPrefix(String(repeating: "n", count: 31) + "…"))
    #expect(names[1].all(named: "title").first?.textContent == long)
  }

  @Test("the same timeline always gives the same bytes; odd durations round to hundredths")
  func deterministic() {
    let timeline = TaskTimeline(
      lanes: [
        .init(
          name: "a", created: .zero, ended: .milliseconds(1000), finished: true,
          sleeps: [.init(start: .milliseconds(333), end: .milliseconds(1000))])
      ], duration: .milliseconds(3000))
    let svg = TimelineSVG.svg(timeline, strings: english)
    #expect(svg == TimelineSVG.svg(timeline, strings: english))
    // 24 + 592 * 0.333 / 3 = 89.712 -> 89.71; width 24 + 592 / 3 - 89.71 = 131.62.
    #expect(svg.contains("<rect class=\"sleep\" x=\"89.71\" y=\"32.00\" width=\"131.62\""))
  }

  @Test("zero and huge durations draw without trapping")
  func extremeDurations() throws {
    let instant = TaskTimeline(
      lanes: [.init(name: "m", created: .zero, ended: .zero, finished: true, runs: [.zero])],
      duration: .zero)
    let svg = try chart(instant)
    #expect(svg.all { $0.attributes["class"] == "run" }.first?.attributes["x1"] == "24.00")
    let huge = Duration(secondsComponent: .max, attosecondsComponent: 999_999_999_999_999_999)
    let scale = TimelineScale(duration: huge)
    #expect(scale.position(of: huge, length: 59_200) == 59_200)
    #expect(scale.position(of: huge / 2, length: 59_200) == 29_600)
    #expect(scale.ticks(maximumIntervals: 6).count <= 7)
    #expect(scale.cell(of: huge, count: 40) == 39)
  }

  @Test("ticks use steps of 1, 2 or 5 times a power of ten milliseconds")
  func ticks() {
    func labels(_ duration: Duration, _ intervals: Int = 6) -> [String] {
      TimelineScale(duration: duration).ticks(maximumIntervals: intervals).map {
        $0.secondsText(minimumDecimals: 0, unit: "")
      }
    }
    #expect(labels(.seconds(2)) == ["0", "0.5", "1", "1.5", "2"])
    #expect(labels(.milliseconds(4500)) == ["0", "1", "2", "3", "4"])
    #expect(labels(.milliseconds(7)) == ["0", "0.002", "0.004", "0.006"])
    #expect(labels(.seconds(3600)) == ["0", "1000", "2000", "3000"])
    #expect(labels(.zero) == ["0"])
    #expect(labels(.seconds(2), 4) == ["0", "0.5", "1", "1.5", "2"])
  }
}
