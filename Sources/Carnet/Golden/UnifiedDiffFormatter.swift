/// Prints changes between two texts as unified-diff hunks.
struct UnifiedDiffFormatter {
  private let old: DiffLines
  private let new: DiffLines
  private let context: Int
  private var out: [UInt8] = []

  /// Prepares to print changes from `old` to `new` with `context` lines around each one.
  init(old: DiffLines, new: DiffLines, context: Int) {
    self.old = old
    self.new = new
    self.context = context
  }

  /// The diff: header, then one hunk per group of changes closer than `2 * context` lines.
  mutating func format(_ changes: [LineChange], oldLabel: String, newLabel: String) -> String {
    out = []
    out.append(contentsOf: "--- \(oldLabel)\n+++ \(newLabel)\n".utf8)
    var first = 0
    while first < changes.count {
      var last = first
      while last + 1 < changes.count,
        changes[last + 1].old.lowerBound - changes[last].old.upperBound <= 2 * context
      {
        last += 1
      }
      writeHunk(changes[first...last])
      first = last + 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Writes one hunk: its header, then context, removed and added lines.
  private mutating func writeHunk(_ changes: ArraySlice<LineChange>) {
    guard let firstChange = changes.first, let lastChange = changes.last else { return }
    let leading = min(context, firstChange.old.lowerBound)
    let oldStart = firstChange.old.lowerBound - leading
    let newStart = firstChange.new.lowerBound - leading
    let trailing = min(context, old.count - lastChange.old.upperBound)
    let oldEnd = lastChange.old.upperBound + trailing
    let newEnd = lastChange.new.upperBound + trailing
    let oldRange = Self.range(oldStart, oldEnd - oldStart)
    let newRange = Self.range(newStart, newEnd - newStart)
    out.append(contentsOf: "@@ -\(oldRange) +\(newRange) @@\n".utf8)
    var oldIndex = oldStart
    for change in changes {
      while oldIndex < change.old.lowerBound {
        writeLine(" ", old, oldIndex)
        oldIndex += 1
      }
      for index in change.old { writeLine("-", old, index) }
      for index in change.new { writeLine("+", new, index) }
      oldIndex = change.old.upperBound
    }
    while oldIndex < oldEnd {
      writeLine(" ", old, oldIndex)
      oldIndex += 1
    }
  }

  /// A hunk range: `start,count`, `start` alone when the count is 1, and the line before the
  /// range when it is empty.
  private static func range(_ start: Int, _ count: Int) -> String {
    switch count {
    case 0: return "\(start),0"
    case 1: return "\(start + 1)"
    default: return "\(start + 1),\(count)"
    }
  }

  /// Writes `marker` and line `index` of `lines`, carriage returns shown as `␍`.
  private mutating func writeLine(_ marker: Character, _ lines: DiffLines, _ index: Int) {
    out.append(contentsOf: marker.utf8)
    for byte in lines[index] {
      switch byte {
      case UInt8(ascii: "\n"): break
      case UInt8(ascii: "\r"): out.append(contentsOf: "␍".utf8)
      default: out.append(byte)
      }
    }
    out.append(UInt8(ascii: "\n"))
    if !lines.isTerminated(index) {
      out.append(contentsOf: "\\ No newline at end of file\n".utf8)
    }
  }
}
