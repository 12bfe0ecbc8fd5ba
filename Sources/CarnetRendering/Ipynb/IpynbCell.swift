import CarnetDocument
import CarnetRuntime

/// The cells of a Jupyter notebook (nbformat 4.5), as JSON values.
enum IpynbCell {
  /// A Markdown cell, `md-NUMBER`.
  static func markdown(_ source: String, number: Int) -> JSONValue {
    [
      "cell_type": "markdown", "id": .string("md-\(number)"), "metadata": [:],
      "source": lines(source),
    ]
  }

  /// A code cell: the cell's code, without its final line ending (as Jupyter saves a cell);
  /// for a cell that ran, its execution count and outputs; for a shared block (`run` nil),
  /// a null count and no output. `hide=code` collapses the source (`source_hidden`).
  static func code(_ cell: Cell, run: CellRun?, executionCount: Int?) -> JSONValue {
    var code = cell.code
    if code.hasSuffix("\n") { code.removeLast() }
    let metadata: JSONValue = cell.options.hidesCode ? ["jupyter": ["source_hidden": true]] : [:]
    return [
      "cell_type": "code", "id": .string(id(of: cell)), "metadata": metadata,
      "execution_count": executionCount.map { .integer($0) } ?? .null,
      "outputs": .array(run.map(outputs) ?? []),
      "source": lines(code),
    ]
  }

  /// What a run shows: what it printed, as a `stdout` stream, when it printed anything; then
  /// its error, when it has one, as an `error` output: `ename` a short kind, `evalue` the
  /// error's text (for a thrown error, its description, the text after `Type: `), `traceback`
  /// the error's text, line by line.
  static func outputs(of run: CellRun) -> [JSONValue] {
    var outputs: [JSONValue] = []
    if !run.output.isEmpty {
      outputs.append(["output_type": "stream", "name": "stdout", "text": lines(run.output)])
    }
    if let error = run.errorText {
      var value = error
      if case .threw(_, let description) = run.ending { value = description }
      let traceback = IpynbText.lines(IpynbText.normalizingLineEndings(error)).map {
        JSONValue.string($0.hasSuffix("\n") ? String($0.dropLast()) : $0)
      }
      outputs.append([
        "output_type": "error", "ename": .string(errorName(of: run.ending)),
        "evalue": .string(value), "traceback": .array(traceback),
      ])
    }
    return outputs
  }

  /// The kind of a run's error: the thrown type, or a word for how Carnet stopped the cell.
  static func errorName(of ending: CellRun.Ending) -> String {
    switch ending {
    case .returned: "Returned"
    case .threw(let type, _): type
    case .stalled: "Stall"
    case .timedOut: "Timeout"
    case .exceededWallClock: "WallClockLimit"
    case .crashed: "Crash"
    case .didNotCompile: "CompileError"
    case .compiled: "NoCompileError"
    }
  }

  /// The notebook cell's ID: `cell-ID`. nbformat allows 64 characters: a longer one keeps
  /// its first 42 characters and ends with a hash of the whole ID, so IDs stay unique.
  static func id(of cell: Cell) -> String {
    let id = "cell-" + cell.id
    guard id.utf8.count > maximumIDLength else { return id }
    return String(id.prefix(maximumIDLength - 17)) + "-" + Fingerprint.hex(of: cell.id)
  }

  /// nbformat's limit on a cell ID's length.
  static let maximumIDLength = 64

  private static func lines(_ text: String) -> JSONValue {
    .array(IpynbText.lines(text).map { .string($0) })
  }
}
