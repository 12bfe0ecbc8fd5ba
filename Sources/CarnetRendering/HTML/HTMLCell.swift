import CarnetDocument
import CarnetRuntime

/// The HTML of one cell in a rendered page: its highlighted code (unless `hide=code`), its
/// output, its error and its timeline chart, in a `<div class="cell">`.
enum HTMLCell {
  /// The cell's HTML, as UTF-8 bytes; `anchor` is its element ID, unique in the page.
  static func html(cell: Cell, run: CellRun, anchor: String, strings: PageStrings) -> [UInt8] {
    var out = HTMLBuffer(capacity: cell.code.utf8.count * 2 + run.output.utf8.count + 256)
    out.markup(cell.options.hidesCode ? "<div class=\"cell hidden-code\"" : "<div class=\"cell\"")
    out.markup(" id=\"")
    out.text(anchor)
    out.markup("\">\n")
    if !cell.options.hidesCode { appendCode(cell.code, to: &out) }
    appendResults(cell: cell, run: run, strings: strings, to: &out)
    if let timeline = shownTimeline(cell: cell, run: run) {
      appendTimeline(timeline, strings: strings, to: &out)
    }
    out.markup("</div>\n")
    return out.bytes
  }

  /// The timeline drawn under a cell: for `timeline=true`, never for `timeline=false`, else
  /// only when there is concurrency to show.
  static func shownTimeline(cell: Cell, run: CellRun) -> TaskTimeline? {
    guard cell.options.timeline != false, let timeline = run.timeline else { return nil }
    // Concurrency to show is several tasks (a lane is a task, never an actor's job) over some
    // simulated time. One lane is the cell's own code running in order: a cell that only prints,
    // or only sleeps, gets no chart (its output block gives its time). With no time, every mark
    // of every lane would sit at 0 s: a chart of zero width that shows nothing.
    let worthDrawing = timeline.lanes.count > 1 && timeline.duration > .zero
    return cell.options.timeline == true || worthDrawing ? timeline : nil
  }

  /// A Swift code block, highlighted from its `SwiftLexer` tokens.
  static func appendCode(_ code: String, to out: inout HTMLBuffer) {
    out.markup("<pre class=\"code\"><code class=\"language-swift\">")
    SwiftHighlighter.append(code, tokens: SwiftLexer.tokens(in: code), to: &out)
    out.markup("</code></pre>\n")
  }

  private static func appendResults(
    cell: Cell, run: CellRun, strings: PageStrings, to out: inout HTMLBuffer
  ) {
    let error = run.errorText
    if run.ran && (!run.output.isEmpty || error == nil) {
      out.markup("<div class=\"output\"><p class=\"label\">")
      out.text(strings.output)
      out.markup(" <span class=\"time\">")
      out.text(TimelineSVG.spacedSeconds(run.simulatedTime))
      out.markup("</span></p>")
      if run.output.isEmpty {
        out.markup("<p class=\"empty\">")
        out.text(strings.noOutput)
        out.markup("</p>")
      } else {
        out.markup("<pre>")
        out.text(run.output)
        out.markup("</pre>")
      }
      out.markup("</div>\n")
    }
    guard let error else { return }
    let expected = run.failure == nil
    out.markup(expected ? "<div class=\"error expected\">" : "<div class=\"error\">")
    out.markup("<p class=\"label\">")
    out.text(strings.error)
    if expected {
      out.markup(" <span class=\"expected-note\">(")
      out.text(strings.expected)
      out.markup(")</span>")
    }
    out.markup("</p><pre>")
    out.text(error)
    out.markup("</pre></div>\n")
  }

  private static func appendTimeline(
    _ timeline: TaskTimeline, strings: PageStrings, to out: inout HTMLBuffer
  ) {
    out.markup("<figure class=\"timeline\"><div class=\"timeline-scroll\">")
    TimelineSVG.appendCharts(timeline, strings: strings, to: &out)
    out.markup("</div><figcaption>")
    for mark in TimelineSVG.marks(in: timeline) {
      out.markup("<span class=\"key\"><span class=\"swatch swatch-\(mark.rawValue)\"></span>")
      out.text(mark.words(strings))
      out.markup("</span> ")
    }
    out.markup("</figcaption></figure>\n")
  }
}
