import CarnetRuntime

/// Draws a cell's `TaskTimeline` as plain text, for the `timeline` block of Markdown output.
///
/// One line per task: its name padded to the longest name, two spaces, then a bar of
/// `width` characters, each standing for `duration / width` of simulated time: `=` while it
/// sleeps, `.` while it waits, `|` at the instants it runs, `x` where it is cancelled, spaces
/// before it starts and after it ends; a `>` after its end when it never finished. Then the
/// time scale (labels start at the instant they name) and a legend of the symbols used:
///
/// ```
/// main     |...................|.........|........|
/// Tâche 1  |======================================|
/// Tâche 2  |===================|
/// Tâche 3  |=============================|
///          0 s       0.5 s     1 s       1.5 s     2 s
///          = sleeping  . waiting  | running
/// ```
///
/// A timeline that takes no simulated time is one column wide, with the single tick `0 s`.
enum TimelineText {
  /// The number of characters standing for the cell's whole duration.
  static let width = 40
  /// Names longer than this many characters are shortened with an ellipsis.
  static let maximumNameLength = 20

  /// The lines of the chart for `timeline`, without line endings.
  static func lines(_ timeline: TaskTimeline, strings: PageStrings) -> [String] {
    let scale = TimelineScale(duration: timeline.duration)
    let width = scale.isInstant ? 1 : Self.width
    let names = timeline.lanes.enumerated().map { index, lane in
      sanitized(
        TimelineSVG.shortName(strings.laneName(lane, at: index), maximumLength: maximumNameLength))
    }
    let nameWidth = names.map(\.count).max() ?? 0
    let indent = String(repeating: " ", count: nameWidth + 2)
    var lines: [String] = []
    var used: Set<Character> = []
    for (name, lane) in zip(names, timeline.lanes) {
      let bar = self.bar(lane, scale: scale, width: width)
      used.formUnion(bar)
      let padding = String(repeating: " ", count: nameWidth - name.count + 2)
      lines.append(trimmingTrailingSpaces(name + padding + String(bar)))
    }
    lines.append(trimmingTrailingSpaces(indent + scaleLine(scale, width: width)))
    lines.append(indent + legend(used: used, strings: strings))
    return lines
  }

  /// The bar of one lane: `width` characters, and one more for the `>` of an unfinished lane.
  static func bar(_ lane: TaskTimeline.Lane, scale: TimelineScale, width: Int) -> [Character] {
    var bar = [Character](repeating: " ", count: width + 1)
    let first = scale.cell(of: lane.created, count: width)
    let last = max(first, scale.cell(of: lane.ended, count: width))
    for column in first...last { bar[column] = "." }
    for sleep in lane.sleeps {
      let start = scale.cell(of: sleep.start, count: width)
      let end = max(start + 1, scale.cellBoundary(atOrAfter: sleep.end, count: width))
      for column in start..<min(end, width) { bar[column] = "=" }
    }
    for run in lane.runs { bar[scale.cell(of: run, count: width)] = "|" }
    if let cancelled = lane.cancelled { bar[scale.cell(of: cancelled, count: width)] = "x" }
    if !lane.finished { bar[last + 1] = ">" }
    return bar
  }

  /// Tick labels (`0 s`, `0.5 s`...) starting at their columns, each at least one space after
  /// the previous one; the duration itself at the end when it is not a tick and fits.
  static func scaleLine(_ scale: TimelineScale, width: Int) -> String {
    var line = ""
    var instants = scale.ticks(maximumIntervals: 4)
    if !scale.isInstant, instants.last != scale.span { instants.append(scale.span) }
    for instant in instants {
      let column = scale.position(of: instant, length: width)
      let label = instant.secondsText(minimumDecimals: 0, unit: " s")
      guard line.isEmpty || column > line.count else { continue }
      line += String(repeating: " ", count: column - line.count) + label
    }
    return line
  }

  /// The symbols of `used` with their meaning, in a fixed order.
  static func legend(used: Set<Character>, strings: PageStrings) -> String {
    let entries: [(Character, String)] = [
      ("=", strings.sleeping), (".", strings.waiting), ("|", strings.running),
      ("x", strings.cancelled), (">", strings.unfinished),
    ]
    return entries.filter { used.contains($0.0) }.map { "\($0.0) \($0.1)" }
      .joined(separator: "  ")
  }

  /// A name without line breaks or other control characters (they would break the block).
  private static func sanitized(_ name: String) -> String {
    String(name.map { isControl($0) ? " " : $0 })
  }

  private static func isControl(_ character: Character) -> Bool {
    character.isNewline
      || character.unicodeScalars.contains { $0.properties.generalCategory == .control }
  }

  private static func trimmingTrailingSpaces(_ line: String) -> String {
    var line = line
    while line.last == " " { line.removeLast() }
    return line
  }
}
