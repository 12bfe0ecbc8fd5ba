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
    var out = HTMLBuffer()
    appendCharts(timeline, strings: strings, to: &out)
    return out.string
  }

  /// Appends the charts for `timeline` in every layout, `wide` first, one per line.
  static func appendCharts(
    _ timeline: TaskTimeline, strings: PageStrings, to out: inout HTMLBuffer
  ) {
    let labels = TimelineChart.Labels(timeline, strings: strings)
    for (index, layout) in [Layout.wide, Layout.narrow].enumerated() {
      if index > 0 { out.markup("\n") }
      TimelineChart(timeline: timeline, labels: labels, layout: layout).draw(to: &out)
    }
  }

  /// The chart for `timeline` in `layout`, with words in `strings`' language.
  static func svg(
    _ timeline: TaskTimeline, strings: PageStrings, layout: Layout = .wide
  ) -> String {
    var out = HTMLBuffer()
    let labels = TimelineChart.Labels(timeline, strings: strings)
    TimelineChart(timeline: timeline, labels: labels, layout: layout).draw(to: &out)
    return out.string
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
    duration.secondsText(minimumDecimals: 1, unit: " s")
  }

  /// A lane's name as drawn: at most `maximumLength` characters, the last one `…` when cut.
  static func shortName(_ name: String, maximumLength: Int) -> String {
    guard name.count > maximumLength else { return name }
    return name.prefix(maximumLength - 1) + "…"
  }
}
