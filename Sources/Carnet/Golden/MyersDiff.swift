/// Myers' O(ND) difference algorithm, linear-space variant ("middle snake" divide and conquer).
///
/// Compares two sequences of line numbers (equal lines have equal numbers) and marks which
/// elements of `a` are deleted and which of `b` are inserted in a shortest edit script.
///
/// When a middle snake would need more than `costLimit` edits on each side, the search stops
/// and splits at the point reached furthest (the heuristic of GNU diff): the script is then
/// still correct but may not be the shortest. This keeps huge, very different inputs from taking
/// quadratic time; inputs with fewer differences than the limit always get a shortest script.
struct MyersDiff {
  /// The default `costLimit`: large enough that ordinary changes stay minimal.
  static let defaultCostLimit = 2048

  private let a: [Int32]
  private let b: [Int32]
  private let costLimit: Int
  /// `deleted[i]`: `a[i]` is not part of the common subsequence found.
  private(set) var deleted: [Bool]
  /// `inserted[j]`: `b[j]` is not part of the common subsequence found.
  private(set) var inserted: [Bool]
  /// Furthest-reaching x per diagonal, forward and backward, indexed by `k + offset`.
  private var forward: [Int]
  private var backward: [Int]
  private let offset: Int

  /// A pair of ranges still to compare.
  private struct Ranges {
    var aLow: Int
    var aHigh: Int
    var bLow: Int
    var bHigh: Int
  }

  /// Computes the edit script between `a` and `b`.
  init(_ a: [Int32], _ b: [Int32], costLimit: Int = MyersDiff.defaultCostLimit) {
    self.a = a
    self.b = b
    self.costLimit = max(1, costLimit)
    deleted = [Bool](repeating: false, count: a.count)
    inserted = [Bool](repeating: false, count: b.count)
    offset = (a.count + b.count + 1) / 2 + 2
    forward = [Int](repeating: 0, count: 2 * offset + 1)
    backward = forward
    var pending = [Ranges(aLow: 0, aHigh: a.count, bLow: 0, bHigh: b.count)]
    while let ranges = pending.popLast() {
      compare(ranges, pending: &pending)
    }
  }

  /// Marks the edits of `ranges` if it is simple, or splits it in two and queues the halves.
  private mutating func compare(_ ranges: Ranges, pending: inout [Ranges]) {
    var r = ranges
    while r.aLow < r.aHigh, r.bLow < r.bHigh, a[r.aLow] == b[r.bLow] {
      r.aLow += 1
      r.bLow += 1
    }
    while r.aLow < r.aHigh, r.bLow < r.bHigh, a[r.aHigh - 1] == b[r.bHigh - 1] {
      r.aHigh -= 1
      r.bHigh -= 1
    }
    if r.aLow == r.aHigh {
      for j in r.bLow..<r.bHigh { inserted[j] = true }
      return
    }
    if r.bLow == r.bHigh {
      for i in r.aLow..<r.aHigh { deleted[i] = true }
      return
    }
    // Both ranges are non-empty and differ at both ends, so the split is strictly inside and
    // each half is a smaller problem.
    let snake = middleSnake(r)
    pending.append(Ranges(aLow: r.aLow, aHigh: snake.x, bLow: r.bLow, bHigh: snake.y))
    pending.append(Ranges(aLow: snake.u, aHigh: r.aHigh, bLow: snake.v, bHigh: r.bHigh))
  }

  /// Finds the middle snake of an optimal path, from `(x, y)` to `(u, v)` in absolute indices,
  /// or past `costLimit` an empty snake at the furthest point reached.
  private mutating func middleSnake(_ r: Ranges) -> (x: Int, y: Int, u: Int, v: Int) {
    let n = r.aHigh - r.aLow
    let m = r.bHigh - r.bLow
    let delta = n - m
    let oddDelta = delta & 1 != 0
    forward[offset + 1] = 0
    backward[offset + 1] = 0
    for d in 0...((n + m + 1) / 2) {
      for k in stride(from: -d, through: d, by: 2) {
        var x: Int
        if k == -d || (k != d && forward[offset + k - 1] < forward[offset + k + 1]) {
          x = forward[offset + k + 1]
        } else {
          x = forward[offset + k - 1] + 1
        }
        let startX = x
        var y = x - k
        while x < n, y < m, a[r.aLow + x] == b[r.bLow + y] {
          x += 1
          y += 1
        }
        forward[offset + k] = x
        let reverseK = delta - k
        if oddDelta, reverseK >= -(d - 1), reverseK <= d - 1,
          x + backward[offset + reverseK] >= n
        {
          return (r.aLow + startX, r.bLow + startX - k, r.aLow + x, r.bLow + y)
        }
      }
      for reverseK in stride(from: -d, through: d, by: 2) {
        var x: Int
        if reverseK == -d
          || (reverseK != d
            && backward[offset + reverseK - 1] < backward[offset + reverseK + 1])
        {
          x = backward[offset + reverseK + 1]
        } else {
          x = backward[offset + reverseK - 1] + 1
        }
        let startX = x
        var y = x - reverseK
        while x < n, y < m, a[r.aHigh - 1 - x] == b[r.bHigh - 1 - y] {
          x += 1
          y += 1
        }
        backward[offset + reverseK] = x
        let k = delta - reverseK
        if !oddDelta, k >= -d, k <= d, x + forward[offset + k] >= n {
          return (r.aHigh - x, r.bHigh - y, r.aHigh - startX, r.bHigh - (startX - reverseK))
        }
      }
      if d >= costLimit, let split = furthestPoint(d: d, n: n, m: m) {
        return (r.aLow + split.x, r.bLow + split.y, r.aLow + split.x, r.bLow + split.y)
      }
    }
    preconditionFailure("Myers: no middle snake between two finite sequences")
  }

  /// The point strictly inside the grid reached furthest after `d` edits, from either end, in
  /// coordinates relative to the ranges' start; `nil` if there is none.
  private func furthestPoint(d: Int, n: Int, m: Int) -> (x: Int, y: Int)? {
    var best: (progress: Int, x: Int, y: Int)?
    for k in stride(from: -d, through: d, by: 2) {
      let x = forward[offset + k]
      let y = x - k
      let progress = x + y
      if x <= n, y >= 0, y <= m, progress > 0, progress < n + m,
        progress > best?.progress ?? 0
      {
        best = (progress, x, y)
      }
      let backX = backward[offset + k]
      let backY = backX - k
      let backProgress = backX + backY
      if backX <= n, backY >= 0, backY <= m, backProgress > 0, backProgress < n + m,
        backProgress > best?.progress ?? 0
      {
        best = (backProgress, n - backX, m - backY)
      }
    }
    return best.map { ($0.x, $0.y) }
  }
}
