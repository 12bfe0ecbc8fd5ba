/// One fenced block written under a cell: its info string and its text.
struct OutputBlock: Hashable, Sendable {
  /// The info string after the opening fence, e.g. `output time=1.5s` or `error`.
  var info: String
  /// The block's text, with any line endings (they are normalised when written).
  var content: String

  /// The blocks shown for a run: the output (unless it is empty and there is an error), then
  /// the error when the run has one.
  static func blocks(for run: CellRun) -> [OutputBlock] {
    var blocks: [OutputBlock] = []
    let error = run.errorText
    if !run.output.isEmpty || error == nil {
      blocks.append(
        OutputBlock(info: "output time=\(run.simulatedTime.carnetSeconds)", content: run.output))
    }
    if let error {
      blocks.append(OutputBlock(info: "error", content: error))
    }
    return blocks
  }
}
