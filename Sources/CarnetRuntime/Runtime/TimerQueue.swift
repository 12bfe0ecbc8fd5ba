/// Sleepers waiting for a deadline, ordered by (deadline, sequence number): a binary min-heap with
/// lazy deletion, so cancelling a sleeper is O(1) and firing is O(log n).
struct TimerQueue: ~Copyable {
  private struct Entry {
    var deadline: Duration
    var token: UInt64

    func precedes(_ other: Entry) -> Bool {
      deadline < other.deadline || (deadline == other.deadline && token < other.token)
    }
  }

  private var heap: [Entry] = []
  private var pending: [UInt64: UnsafeContinuation<Void, any Error>] = [:]

  /// Number of sleepers still waiting.
  var count: Int { pending.count }

  /// True when no sleeper waits.
  var isEmpty: Bool { pending.isEmpty }

  /// Registers a sleeper; `token` orders sleepers with equal deadlines (smaller first).
  mutating func insert(
    deadline: Duration, token: UInt64, continuation: UnsafeContinuation<Void, any Error>
  ) {
    pending[token] = continuation
    heap.append(Entry(deadline: deadline, token: token))
    siftUp(heap.count - 1)
  }

  /// Removes a sleeper that has not fired yet and returns its continuation.
  mutating func remove(token: UInt64) -> UnsafeContinuation<Void, any Error>? {
    pending.removeValue(forKey: token)
  }

  /// The earliest deadline among live sleepers.
  mutating func earliestDeadline() -> Duration? {
    dropCancelledTop()
    return heap.first?.deadline
  }

  /// A sleeper that is due: its token, its deadline and how to resume it.
  struct Due {
    var token: UInt64
    var deadline: Duration
    var continuation: UnsafeContinuation<Void, any Error>
  }

  /// Removes and returns, in (deadline, sequence) order, every sleeper due by `deadline`.
  mutating func popDue(upTo deadline: Duration) -> [Due] {
    var due: [Due] = []
    while true {
      dropCancelledTop()
      guard let top = heap.first, top.deadline <= deadline else { return due }
      popTop()
      if let continuation = pending.removeValue(forKey: top.token) {
        due.append(Due(token: top.token, deadline: top.deadline, continuation: continuation))
      }
    }
  }

  /// Removes every sleeper and returns their continuations, in no particular order.
  mutating func removeAll() -> [UnsafeContinuation<Void, any Error>] {
    let all = Array(pending.values)
    pending.removeAll()
    heap.removeAll()
    return all
  }

  private mutating func dropCancelledTop() {
    while let top = heap.first, pending[top.token] == nil { popTop() }
  }

  private mutating func popTop() {
    let last = heap.removeLast()
    guard !heap.isEmpty else { return }
    heap[0] = last
    siftDown(0)
  }

  private mutating func siftUp(_ start: Int) {
    var child = start
    while child > 0 {
      let parent = (child - 1) / 2
      guard heap[child].precedes(heap[parent]) else { return }
      heap.swapAt(child, parent)
      child = parent
    }
  }

  private mutating func siftDown(_ start: Int) {
    var parent = start
    while true {
      let left = 2 * parent + 1
      guard left < heap.count else { return }
      var smallest = left
      let right = left + 1
      if right < heap.count, heap[right].precedes(heap[left]) { smallest = right }
      guard heap[smallest].precedes(heap[parent]) else { return }
      heap.swapAt(smallest, parent)
      parent = smallest
    }
  }
}
