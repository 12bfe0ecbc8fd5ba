import CarnetRuntime

/// One chart of a timeline being drawn in one layout (see `TimelineSVG`). Coordinates are
/// computed in hundredths of a unit (written with two decimals by `HTMLBuffer.hundredths`);
/// `height` is in units. Its words come from `Labels`, made once for all the layouts.
struct TimelineChart {
  /// The words of a timeline's charts, escaped once: a page draws each timeline in two layouts.
  struct Labels {
    /// The accessible summary (`3 tasks, 2.0 s`).
    let summary: [UInt8]
    /// The chart's title (`Timeline: 3 tasks, 2.0 s`).
    let title: [UInt8]
    /// The instants of the axis' ticks, and their labels (`1.5 s`).
    let ticks: [(instant: Duration, label: [UInt8])]
    /// Per lane: its name as drawn, its whole name when that was shortened, the title of each
    /// of its sleeps, and of its cancellation.
    let lanes: [(name: [UInt8], fullName: [UInt8]?, sleeps: [[UInt8]], cancellation: [UInt8]?)]
    /// The title of the mark of an unfinished task.
    let unfinished: [UInt8]

    init(_ timeline: TaskTimeline, strings: PageStrings) {
      let scale = TimelineScale(duration: timeline.duration)
      let summary = TimelineSVG.summary(timeline, strings: strings)
      self.summary = HTMLBuffer.escaped(summary)
      title = HTMLBuffer.escaped("\(strings.timeline): \(summary)")
      ticks = scale.ticks(maximumIntervals: 6).map { ($0, HTMLBuffer.escaped(Self.seconds($0))) }
      let maximumLength = TimelineSVG.Layout.wide.maximumNameLength
      lanes = timeline.lanes.enumerated().map { index, lane in
        let name = strings.laneName(lane, at: index)
        let short = TimelineSVG.shortName(name, maximumLength: maximumLength)
        let sleeps = lane.sleeps.map { sleep in
          let (start, end) = (Self.seconds(sleep.start), Self.seconds(sleep.end))
          var words = "\(strings.sleeping) \(start) – \(end)"
          if sleep.wasCancelled { words += " (\(strings.cancelled))" }
          return HTMLBuffer.escaped(words)
        }
        let cancellation = lane.cancelled.map {
          HTMLBuffer.escaped("\(strings.cancelled) \(Self.seconds($0))")
        }
        return (
          HTMLBuffer.escaped(short), short == name ? nil : HTMLBuffer.escaped(name), sleeps,
          cancellation
        )
      }
      unfinished = HTMLBuffer.escaped(strings.unfinished)
    }

    private static func seconds(_ instant: Duration) -> String {
      instant.secondsText(minimumDecimals: 0, unit: " s")
    }
  }

  let timeline: TaskTimeline
  let labels: Labels
  let layout: TimelineSVG.Layout
  let scale: TimelineScale
  let height: Int

  init(timeline: TaskTimeline, labels: Labels, layout: TimelineSVG.Layout) {
    self.timeline = timeline
    self.labels = labels
    self.layout = layout
    scale = TimelineScale(duration: timeline.duration)
    height = layout.top + timeline.lanes.count * layout.laneHeight + layout.axisHeight
  }

  /// Appends the chart's `<svg>` element.
  func draw(to out: inout HTMLBuffer) {
    out.markup("<svg class=\"timeline-chart \(layout.name)\" role=\"img\" aria-label=\"")
    out.markup(bytes: labels.summary)
    out.markup(
      "\" viewBox=\"0 0 \(layout.width) \(height)\" width=\"\(layout.width)\""
        + " height=\"\(height)\">\n<title>")
    out.markup(bytes: labels.title)
    out.markup("</title>\n")
    drawGrid(to: &out)
    for (index, lane) in timeline.lanes.enumerated() { draw(lane, index: index, to: &out) }
    drawAxis(to: &out)
    out.markup("</svg>")
  }

  private func x(_ instant: Duration) -> Int {
    let length = (layout.plotEnd - layout.plotStart) * 100
    return layout.plotStart * 100 + scale.position(of: instant, length: length)
  }

  private func y(lane index: Int) -> Int {
    (layout.top + index * layout.laneHeight) * 100
  }

  private var axisY: Int { y(lane: timeline.lanes.count) + 400 }

  /// Appends the four coordinates of a `<line>` (in hundredths).
  private func line(x1: Int, y1: Int, x2: Int, y2: Int, to out: inout HTMLBuffer) {
    out.attribute(" x1=\"", hundredths: x1)
    out.attribute(" y1=\"", hundredths: y1)
    out.attribute(" x2=\"", hundredths: x2)
    out.attribute(" y2=\"", hundredths: y2)
  }

  private func drawGrid(to out: inout HTMLBuffer) {
    out.markup("<g class=\"grid\">")
    let (top, bottom) = (y(lane: 0), axisY)
    for tick in labels.ticks {
      let x = x(tick.instant)
      out.markup("<line")
      line(x1: x, y1: top, x2: x, y2: bottom, to: &out)
      out.markup("/>")
    }
    out.markup("</g>\n")
  }

  private func draw(_ lane: TaskTimeline.Lane, index: Int, to out: inout HTMLBuffer) {
    let words = labels.lanes[index]
    let top = y(lane: index)
    let middle = top + layout.barMiddle * 100
    out.markup(lane.finished ? "<g class=\"lane\">" : "<g class=\"lane unfinished\">")
    if index % 2 == 1 {
      out.markup("<rect class=\"lane-bg\" x=\"0.00\"")
      out.attribute(" y=\"", hundredths: top)
      out.attribute(" width=\"", hundredths: layout.width * 100)
      out.attribute(" height=\"", hundredths: layout.laneHeight * 100)
      out.markup("/>")
    }
    out.markup("<text class=\"lane-name\"")
    out.attribute(" x=\"", hundredths: layout.plotStart * 100)
    out.attribute(" y=\"", hundredths: top + layout.nameBaseline * 100)
    out.markup(">")
    out.markup(bytes: words.name)
    if let fullName = words.fullName {
      out.markup("<title>")
      out.markup(bytes: fullName)
      out.markup("</title>")
    }
    out.markup("</text><line class=\"wait\"")
    line(x1: x(lane.created), y1: middle, x2: x(lane.ended), y2: middle, to: &out)
    out.markup("/>")
    for (sleep, title) in zip(lane.sleeps, words.sleeps) {
      draw(sleep, title: title, middle: middle, to: &out)
    }
    drawRuns(lane.runs, middle: middle, to: &out)
    if let cancelled = lane.cancelled, let title = words.cancellation {
      drawCancellation(at: cancelled, title: title, middle: middle, to: &out)
    }
    if !lane.finished { drawUnfinished(at: lane.ended, middle: middle, to: &out) }
    out.markup("</g>\n")
  }

  private func draw(
    _ sleep: TaskTimeline.Sleep, title: [UInt8], middle: Int, to out: inout HTMLBuffer
  ) {
    let start = x(sleep.start)
    let width = max(100, x(sleep.end) - start)
    let half = layout.sleepHeight * 50
    out.markup(sleep.wasCancelled ? "<rect class=\"sleep cancelled\"" : "<rect class=\"sleep\"")
    out.attribute(" x=\"", hundredths: start)
    out.attribute(" y=\"", hundredths: middle - half)
    out.attribute(" width=\"", hundredths: width)
    out.attribute(" height=\"", hundredths: 2 * half)
    out.markup(" rx=\"2.00\"><title>")
    out.markup(bytes: title)
    out.markup("</title></rect>")
  }

  private func drawRuns(_ runs: [Duration], middle: Int, to out: inout HTMLBuffer) {
    let half = layout.runHalfHeight * 100
    var previous: Int?
    for run in runs {
      let x = x(run)
      guard x != previous else { continue }
      previous = x
      out.markup("<line class=\"run\"")
      line(x1: x, y1: middle - half, x2: x, y2: middle + half, to: &out)
      out.markup("/>")
    }
  }

  private func drawCancellation(
    at instant: Duration, title: [UInt8], middle: Int, to out: inout HTMLBuffer
  ) {
    let x = x(instant)
    out.markup("<g class=\"cancel\"><title>")
    out.markup(bytes: title)
    out.markup("</title><path d=\"M")
    out.point(x - 500, middle - 500, then: "L")
    out.point(x + 500, middle + 500, then: "M")
    out.point(x - 500, middle + 500, then: "L")
    out.point(x + 500, middle - 500, then: "\"")
    out.markup("/></g>")
  }

  private func drawUnfinished(at instant: Duration, middle: Int, to out: inout HTMLBuffer) {
    let x = x(instant) + 300
    out.markup("<path class=\"unfinished-mark\" d=\"M")
    out.point(x, middle - 600, then: "L")
    out.point(x + 700, middle, then: "L")
    out.point(x, middle + 600, then: "Z")
    out.markup("\"><title>")
    out.markup(bytes: labels.unfinished)
    out.markup("</title></path>")
  }

  private func drawAxis(to out: inout HTMLBuffer) {
    let y = axisY
    out.markup("<g class=\"axis\"><line")
    line(x1: layout.plotStart * 100, y1: y, x2: layout.plotEnd * 100, y2: y, to: &out)
    out.markup("/>")
    for tick in labels.ticks {
      let x = x(tick.instant)
      out.markup("<line")
      line(x1: x, y1: y, x2: x, y2: y + 400, to: &out)
      out.markup("/><text")
      out.attribute(" x=\"", hundredths: x)
      out.attribute(" y=\"", hundredths: y + 1800)
      out.markup(" text-anchor=\"middle\">")
      out.markup(bytes: tick.label)
      out.markup("</text>")
    }
    out.markup("</g>\n")
  }
}
