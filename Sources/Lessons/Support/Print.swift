import Carnet

// Lesson code calls `print` as usual; inside a cell, this module-level function shadows
// `Swift.print` and writes to the running cell's transcript instead of standard output.

/// Writes the textual representations of `items` to the current cell's output.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
  let text = items.map { String(describing: $0) }.joined(separator: separator) + terminator
  if let context = CellContext.current {
    context.write(text)
  } else {
    Swift.print(text, terminator: "")
  }
}
