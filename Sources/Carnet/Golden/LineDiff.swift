/// Line-by-line differences between two texts, printed as a unified diff.
///
/// Lines are compared byte for byte, line ending included: a line ending in `\r\n` differs from
/// the same line ending in `\n`, and a last line without a newline differs from one with it.
/// In the printed diff every carriage return is shown as `␍` so such differences are visible.
package enum LineDiff {
  /// A unified diff from `old` to `new` (`--- oldLabel`, `+++ newLabel`, `@@` hunks with
  /// `context` unchanged lines around each change), or `""` when the texts are equal.
  ///
  /// A hunk header numbers the lines of the whole texts, the files its labels name (from 1,
  /// a line ending at each `\n`, as an editor and `grep -n` count them): `@@ -26,7 +28,7 @@` is
  /// line 26 of the committed file and line 28 of the rendered one, never a line within a cell
  /// or an output block.
  ///
  /// Uses Myers' O(ND) algorithm after removing the common prefix and suffix and the lines found
  /// in only one text, so large texts with few changes are compared quickly. The diff is a
  /// shortest one unless the texts differ in thousands of places that could pair up in many
  /// ways; then a faster, possibly longer diff is given (see `MyersDiff`).
  package static func unified(
    old: String, new: String, oldLabel: String, newLabel: String, context: Int = 3
  ) -> String {
    let oldLines = DiffLines(old)
    let newLines = DiffLines(new)
    let changes = self.changes(from: oldLines, to: newLines)
    if changes.isEmpty { return "" }
    var formatter = UnifiedDiffFormatter(old: oldLines, new: newLines, context: max(0, context))
    return formatter.format(changes, oldLabel: oldLabel, newLabel: newLabel)
  }

  /// The changed regions, in order: lines `old[oldRange]` are replaced by `new[newRange]`.
  /// `costLimit` bounds the work per split (see `MyersDiff`).
  static func changes(
    from old: DiffLines, to new: DiffLines, costLimit: Int = MyersDiff.defaultCostLimit
  ) -> [LineChange] {
    var prefix = 0
    while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < old.count - prefix, suffix < new.count - prefix,
      old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
    {
      suffix += 1
    }
    let oldMiddle = prefix..<(old.count - suffix)
    let newMiddle = prefix..<(new.count - suffix)
    var deleted = [Bool](repeating: false, count: old.count)
    var inserted = [Bool](repeating: false, count: new.count)
    markEdits(
      old: old, oldMiddle, new: new, newMiddle, costLimit: costLimit, deleted: &deleted,
      inserted: &inserted)
    return collectChanges(deleted: deleted, inserted: inserted)
  }

  /// Marks the lines of the middle ranges that are deleted or inserted.
  private static func markEdits(
    old: DiffLines, _ oldMiddle: Range<Int>, new: DiffLines, _ newMiddle: Range<Int>,
    costLimit: Int, deleted: inout [Bool], inserted: inout [Bool]
  ) {
    var numbers: [DiffLineKey: Int32] = [:]
    func number(_ line: ArraySlice<UInt8>) -> Int32 {
      let key = DiffLineKey(bytes: line)
      if let known = numbers[key] { return known }
      let fresh = Int32(numbers.count)
      numbers[key] = fresh
      return fresh
    }
    let oldNumbers = oldMiddle.map { number(old[$0]) }
    let newNumbers = newMiddle.map { number(new[$0]) }
    var inOld = [Bool](repeating: false, count: numbers.count)
    var inNew = [Bool](repeating: false, count: numbers.count)
    for line in oldNumbers { inOld[Int(line)] = true }
    for line in newNumbers { inNew[Int(line)] = true }
    // A line found in only one text cannot be common: mark it now and leave it out of Myers.
    var oldKept: [Int] = []
    var newKept: [Int] = []
    for (offset, line) in oldNumbers.enumerated() {
      if inNew[Int(line)] {
        oldKept.append(offset)
      } else {
        deleted[oldMiddle.lowerBound + offset] = true
      }
    }
    for (offset, line) in newNumbers.enumerated() {
      if inOld[Int(line)] {
        newKept.append(offset)
      } else {
        inserted[newMiddle.lowerBound + offset] = true
      }
    }
    let myers = MyersDiff(
      oldKept.map { oldNumbers[$0] }, newKept.map { newNumbers[$0] }, costLimit: costLimit)
    for (index, offset) in oldKept.enumerated() where myers.deleted[index] {
      deleted[oldMiddle.lowerBound + offset] = true
    }
    for (index, offset) in newKept.enumerated() where myers.inserted[index] {
      inserted[newMiddle.lowerBound + offset] = true
    }
  }

  /// Groups consecutive deleted and inserted lines into changes.
  private static func collectChanges(deleted: [Bool], inserted: [Bool]) -> [LineChange] {
    var changes: [LineChange] = []
    var i = 0
    var j = 0
    while i < deleted.count || j < inserted.count {
      if (i < deleted.count && deleted[i]) || (j < inserted.count && inserted[j]) {
        let (oldStart, newStart) = (i, j)
        while i < deleted.count, deleted[i] { i += 1 }
        while j < inserted.count, inserted[j] { j += 1 }
        changes.append(LineChange(old: oldStart..<i, new: newStart..<j))
      } else {
        i += 1
        j += 1
      }
    }
    return changes
  }
}

/// Lines `old` of the old text replaced by lines `new` of the new text (either may be empty).
struct LineChange: Hashable, Sendable {
  /// Removed lines, as 0-based indices into the old text.
  var old: Range<Int>
  /// Added lines, as 0-based indices into the new text.
  var new: Range<Int>
}
