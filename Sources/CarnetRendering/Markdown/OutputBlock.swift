import CarnetDocument
import CarnetRuntime

/// One fenced block written under a cell: its info string and its text.
struct OutputBlock: Hashable, Sendable {
  /// The info string after the opening fence, e.g. `output time=1.5s` or `error`.
  var info: String
  /// The block's text, with any line endings (they are normalised when written).
  var content: String

  /// The blocks shown for a run: the output (unless it is empty and there is an error, or the
  /// cell was only compiled), then
  /// the error when the run has one, then the `timeline` block when the cell asks for it
  /// (`timeline=true`) and the run recorded one.
  static func blocks(
    for run: CellRun, options: CellOptions = CellOptions(),
    strings: PageStrings = PageStrings(language: "en")
  ) -> [OutputBlock] {
    var blocks: [OutputBlock] = []
    let error = run.errorText
    if run.ran && (!run.output.isEmpty || error == nil) {
      blocks.append(
        OutputBlock(info: "output time=\(run.simulatedTime.carnetSeconds)", content: run.output))
    }
    if let error {
      blocks.append(OutputBlock(info: "error", content: error))
    }
    if options.timeline == true, let timeline = run.timeline {
      let lines = TimelineText.lines(timeline, strings: strings)
      blocks.append(OutputBlock(info: "timeline", content: lines.joined(separator: "\n")))
    }
    return blocks
  }
}
