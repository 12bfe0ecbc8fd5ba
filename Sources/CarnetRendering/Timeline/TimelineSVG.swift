import CarnetRuntime

/// Draws a cell's `TaskTimeline` as an inline SVG chart: one lane per task, its name above, a
/// thin line for its lifetime (waiting), bars for its sleeps, short vertical marks at
/// the instants it ran, a cross where it was cancelled and an arrow when it never finished; a
/// time axis in seconds at the bottom.
///
/// Coordinates come from integer arithmetic and are written with two decimals, so that the
/// same timeline always gives the same bytes. Styles come from the page's classes
/// (`HTMLStyle`).
enum TimelineSVG {
  /// A chart's geometry, in SVG user units (pixels at scale 1). Each lane has its name on
  /// top and its bar below, so that names never take width from the time axis.
  ///
  /// A page draws each chart twice, `wide` and `narrow`, and its style shows the one that fits
  /// the screen (`HTMLStyle`): an SVG scales as a whole, text included, so one drawn for a desktop
  /// column would shrink its labels to 8 px on a phone, while the narrow one is drawn near the
  /// phone's own width, its text at its nominal size.
  struct Layout: Sendable {
    /// The chart's class besides `timeline-chart`, which the style sheet shows or hides.
    let name: String
    /// Width of the whole chart.
    let width: Int
    /// Where the time axis starts (0 s).
    let plotStart: Int
    /// Where the time axis ends (the timeline's duration).
    let plotEnd: Int
    /// Space above the first lane.
    let top = 8
    /// Height of one lane.
    let laneHeight = 44
    /// Baseline of a lane's name, from the lane's top.
    let nameBaseline = 17
    /// Middle of a lane's bar, from the lane's top.
    let barMiddle = 31
    /// Height of the axis area under the lanes.
    let axisHeight = 34
    /// Height of a sleep bar.
    let sleepHeight = 14
    /// Half the height of a run mark.
    let runHalfHeight = 9
    /// Names longer than this many characters are shortened with an ellipsis.
    let maximumNameLength = 32

    /// For a desktop's column (about 46rem), and for print.
    static let wide = Layout(
      name: "wide", width: 640, plotStart: 24, plotEnd: 616)
    /// For a phone (360 to 430 px wide): shown at about its own size.
    static let narrow = Layout(
      name: "narrow", width: 360, plotStart: 16, plotEnd: 340)
  }

  /// The charts for `timeline` in every layout, `wide` first: what a page shows under a cell.
  static func charts(_ timeline: TaskTimeline, strings: PageStrings) -> String {
    [Layout.wide, Layout.narrow].map { svg(timeline, strings: strings, layout: $0) }
      .joined(separator: "\n")
  }

  /// The chart for `timeline` in `layout`, with words in `strings`' language.
  static func svg(
    _ timeline: TaskTimeline, strings: PageStrings, layout: Layout = .wide
  ) -> String {
    var chart = Chart(timeline: timeline, strings: strings, layout: layout)
    chart.draw()
    return chart.out.string
  }

  /// A kind of mark the chart draws, as its legend names it; the raw value ends the class of
  /// the legend's swatch (`swatch-sleep-cancelled`).
  enum Mark: String, CaseIterable {
    /// A sleep that ran to its deadline: a bar.
    case sleep
    /// A sleep cut short by cancellation: a pale bar with a dashed red edge.
    case cancelledSleep = "sleep-cancelled"
    /// A task alive, neither running nor sleeping: a dashed line.
    case wait
    /// An instant a task ran: a short vertical mark.
    case run
    /// The instant a task was cancelled: a cross.
    case cancel
    /// A task still suspended when the cell ended: an arrow after its lane.
    case unfinished

    /// The words of the legend for this mark.
    func words(_ strings: PageStrings) -> String {
      switch self {
      case .sleep: return strings.sleeping
      case .cancelledSleep: return strings.cancelledSleep
      case .wait: return strings.waiting
      case .run: return strings.running
      case .cancel: return strings.cancelled
      case .unfinished: return strings.unfinished
      }
    }
  }

  /// The kinds of marks the chart of `timeline` draws, in the legend's order: each one it
  /// draws, and no other.
  static func marks(in timeline: TaskTimeline) -> [Mark] {
    let lanes = timeline.lanes
    let sleeps = lanes.flatMap(\.sleeps)
    return Mark.allCases.filter { mark in
      switch mark {
      case .sleep: return sleeps.contains { !$0.wasCancelled }
      case .cancelledSleep: return sleeps.contains { $0.wasCancelled }
      case .wait: return !lanes.isEmpty
      case .run: return lanes.contains { !$0.runs.isEmpty }
      case .cancel: return lanes.contains { $0.cancelled != nil }
      case .unfinished: return lanes.contains { !$0.finished }
      }
    }
  }

  /// The accessible summary: task count and duration, e.g. `3 tasks, 2.0 s`.
  static func summary(_ timeline: TaskTimeline, strings: PageStrings) -> String {
    "\(strings.tasks(timeline.lanes.count)), \(spacedSeconds(timeline.duration))"
  }

  /// `2.0 s` rather than `carnetSeconds`'s `2.0s`.
  static func spacedSeconds(_ duration: Duration) -> String {
    String(duration.carnetSeconds.dropLast()) + " s"
  }

  /// `hundredths / 100` with exactly two decimals: `1234` is `12.34`, `-5` is `-0.05`.
  static func number(_ hundredths: Int) -> String {
    let sign = hundredths < 0 ? "-" : ""
    let magnitude = hundredths.magnitude
    let fraction = magnitude % 100
    return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }

  /// A lane's name as drawn: at most `maximumLength` characters, the last one `…` when cut.
  static func shortName(_ name: String, maximumLength: Int) -> String {
    guard name.count > maximumLength else { return name }
    return name.prefix(maximumLength - 1) + "…"
  }
}

/// One chart being drawn. Coordinates are computed in hundredths of a unit (`TimelineSVG.number`
/// writes them); `height` is in units.
private struct Chart {
  let timeline: TaskTimeline
  let strings: PageStrings
  let layout: TimelineSVG.Layout
  let scale: TimelineScale
  let height: Int
  var out = HTMLBuffer()

  init(timeline: TaskTimeline, strings: PageStrings, layout: TimelineSVG.Layout) {
    self.timeline = timeline
    self.strings = strings
    self.layout = layout
    scale = TimelineScale(duration: timeline.duration)
    height = layout.top + timeline.lanes.count * layout.laneHeight + layout.axisHeight
  }

  mutating func draw() {
    let summary = TimelineSVG.summary(timeline, strings: strings)
    out.markup("<svg class=\"timeline-chart \(layout.name)\" role=\"img\" aria-label=\"")
    out.text(summary)
    out.markup(
      "\" viewBox=\"0 0 \(layout.width) \(height)\" width=\"\(layout.width)\""
        + " height=\"\(height)\">\n<title>")
    out.text("\(strings.timeline): \(summary)")
    out.markup("</title>\n")
    drawGrid()
    for (index, lane) in timeline.lanes.enumerated() { draw(lane, index: index) }
    drawAxis()
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

  private func n(_ hundredths: Int) -> String { TimelineSVG.number(hundredths) }

  private func seconds(_ instant: Duration) -> String { TimelineScale.seconds(instant) + " s" }

  private mutating func drawGrid() {
    out.markup("<g class=\"grid\">")
    for tick in scale.ticks(maximumIntervals: 6) {
      let x = n(x(tick))
      out.markup("<line x1=\"\(x)\" y1=\"\(n(y(lane: 0)))\" x2=\"\(x)\" y2=\"\(n(axisY))\"/>")
    }
    out.markup("</g>\n")
  }

  private mutating func draw(_ lane: TaskTimeline.Lane, index: Int) {
    let top = y(lane: index)
    let middle = top + layout.barMiddle * 100
    out.markup(lane.finished ? "<g class=\"lane\">" : "<g class=\"lane unfinished\">")
    if index % 2 == 1 {
      out.markup(
        "<rect class=\"lane-bg\" x=\"0.00\" y=\"\(n(top))\" width=\"\(n(layout.width * 100))\""
          + " height=\"\(n(layout.laneHeight * 100))\"/>")
    }
    drawName(strings.laneName(lane, at: index), baseline: top + layout.nameBaseline * 100)
    out.markup(
      "<line class=\"wait\" x1=\"\(n(x(lane.created)))\" y1=\"\(n(middle))\""
        + " x2=\"\(n(x(lane.ended)))\" y2=\"\(n(middle))\"/>")
    for sleep in lane.sleeps { draw(sleep, middle: middle) }
    drawRuns(lane.runs, middle: middle)
    if let cancelled = lane.cancelled { drawCancellation(at: cancelled, middle: middle) }
    if !lane.finished { drawUnfinished(at: lane.ended, middle: middle) }
    out.markup("</g>\n")
  }

  private mutating func drawName(_ name: String, baseline: Int) {
    let short = TimelineSVG.shortName(name, maximumLength: layout.maximumNameLength)
    out.markup(
      "<text class=\"lane-name\" x=\"\(n(layout.plotStart * 100))\" y=\"\(n(baseline))\">")
    out.text(short)
    if short != name {
      out.markup("<title>")
      out.text(name)
      out.markup("</title>")
    }
    out.markup("</text>")
  }

  private mutating func draw(_ sleep: TaskTimeline.Sleep, middle: Int) {
    let start = x(sleep.start)
    let width = max(100, x(sleep.end) - start)
    let half = layout.sleepHeight * 50
    let kind = sleep.wasCancelled ? "sleep cancelled" : "sleep"
    out.markup(
      "<rect class=\"\(kind)\" x=\"\(n(start))\" y=\"\(n(middle - half))\""
        + " width=\"\(n(width))\" height=\"\(n(2 * half))\" rx=\"2.00\"><title>")
    var words = "\(strings.sleeping) \(seconds(sleep.start)) – \(seconds(sleep.end))"
    if sleep.wasCancelled { words += " (\(strings.cancelled))" }
    out.text(words)
    out.markup("</title></rect>")
  }

  private mutating func drawRuns(_ runs: [Duration], middle: Int) {
    let half = layout.runHalfHeight * 100
    var previous: Int?
    for run in runs {
      let x = x(run)
      guard x != previous else { continue }
      previous = x
      out.markup(
        "<line class=\"run\" x1=\"\(n(x))\" y1=\"\(n(middle - half))\" x2=\"\(n(x))\""
          + " y2=\"\(n(middle + half))\"/>")
    }
  }

  private mutating func drawCancellation(at instant: Duration, middle: Int) {
    let x = x(instant)
    out.markup("<g class=\"cancel\"><title>")
    out.text("\(strings.cancelled) \(seconds(instant))")
    out.markup(
      "</title><path d=\"M\(n(x - 500)) \(n(middle - 500))L\(n(x + 500)) \(n(middle + 500))"
        + "M\(n(x - 500)) \(n(middle + 500))L\(n(x + 500)) \(n(middle - 500))\"/></g>")
  }

  private mutating func drawUnfinished(at instant: Duration, middle: Int) {
    let x = x(instant) + 300
    out.markup(
      "<path class=\"unfinished-mark\" d=\"M\(n(x)) \(n(middle - 600))L\(n(x + 700)) \(n(middle))"
        + "L\(n(x)) \(n(middle + 600))Z\"><title>")
    out.text(strings.unfinished)
    out.markup("</title></path>")
  }

  private mutating func drawAxis() {
    let y = axisY
    out.markup(
      "<g class=\"axis\"><line x1=\"\(n(layout.plotStart * 100))\" y1=\"\(n(y))\""
        + " x2=\"\(n(layout.plotEnd * 100))\" y2=\"\(n(y))\"/>")
    for tick in scale.ticks(maximumIntervals: 6) {
      let x = n(x(tick))
      out.markup(
        "<line x1=\"\(x)\" y1=\"\(n(y))\" x2=\"\(x)\" y2=\"\(n(y + 400))\"/>"
          + "<text x=\"\(x)\" y=\"\(n(y + 1800))\" text-anchor=\"middle\">")
      out.text(seconds(tick))
      out.markup("</text>")
    }
    out.markup("</g>\n")
  }
}
