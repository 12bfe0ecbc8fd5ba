import Synchronization

/// A prototype of the changes that `Benchmarks/ANALYSIS.md` proposes for the main package's
/// `EventLoop` (virtual clock only), so that their effect is measured before anyone ports them.
///
/// Same semantics as `EventLoop` in `.virtual` mode: a FIFO ready queue, sleepers ordered by
/// (deadline, sequence), the clock set to a deadline before its sleepers resume, time advanced
/// only when nothing is ready, a stall when nothing is ready and nothing sleeps, cancellation
/// of a sleeping task resuming it with `CancellationError`. What differs:
///
/// 1. No task timeline (recorded only when an output draws it; `EventLoop` records one for
///    every cell and formats and parses `job.description` on every job to do so).
/// 2. The ready queue is drained a batch at a time: one lock per batch instead of one per job
///    (FIFO order is kept: a batch holds every job enqueued before any job of the next batch).
/// 3. A sleep is one `Sleeper` object, shared by the timer heap and the cancellation handler:
///    no token dictionary, no set of tokens cancelled before sleeping, no `defer` taking the
///    lock again after every sleep; sequence numbers come from the same locked section.
final class PrototypeLoop: TaskExecutor, Sendable {
  /// The loop of the running prototype cell.
  @TaskLocal static var current: PrototypeLoop?

  /// One sleeping task. Guarded by the loop's lock.
  final class Sleeper: @unchecked Sendable {
    var continuation: UnsafeContinuation<Void, any Error>?
    var cancelled = false
  }

  /// A heap entry; it holds its sleeper unmanaged (retained once while in the heap), so that
  /// moving entries while sifting costs no reference counting.
  private struct Timer {
    var deadline: Duration
    var sequence: UInt64
    var unmanaged: Unmanaged<Sleeper>
    var sleeper: Sleeper { unmanaged.takeUnretainedValue() }

    func precedes(_ other: Timer) -> Bool {
      deadline < other.deadline || (deadline == other.deadline && sequence < other.sequence)
    }
  }

  private struct State: ~Copyable {
    var ready: [UnownedJob] = []
    var heap: [Timer] = []
    var live = 0
    var now: Duration = .zero
    var sequence: UInt64 = 0
    var isClosed = false
  }

  private let state = Mutex(State())

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    state.withLock { $0.ready.append(job) }
  }

  var now: Duration { state.withLock { $0.now } }

  func sleep(for duration: Duration) async throws {
    let sleeper = Sleeper()
    try await withTaskCancellationHandler {
      try await withUnsafeThrowingContinuation {
        (continuation: UnsafeContinuation<Void, any Error>) in
        let refused = state.withLock { state -> Bool in
          if state.isClosed || sleeper.cancelled { return true }
          sleeper.continuation = continuation
          state.sequence += 1
          let timer = Timer(
            deadline: state.now + max(duration, .zero), sequence: state.sequence,
            unmanaged: .passRetained(sleeper))
          state.heap.append(timer)
          Self.siftUp(&state.heap, state.heap.count - 1)
          state.live += 1
          return false
        }
        if refused { continuation.resume(throwing: CancellationError()) }
      }
    } onCancel: {
      let continuation = state.withLock { state -> UnsafeContinuation<Void, any Error>? in
        sleeper.cancelled = true
        guard let continuation = sleeper.continuation else { return nil }
        sleeper.continuation = nil
        state.live -= 1
        return continuation
      }
      continuation?.resume(throwing: CancellationError())
    }
  }

  enum Stop { case finished, stalled }

  /// Runs jobs and advances the clock until `isFinished()` or a stall.
  func drive(isFinished: () -> Bool) -> Stop {
    let executor = asUnownedTaskExecutor()
    var batch: [UnownedJob] = []
    while true {
      while true {
        state.withLock { swap(&$0.ready, &batch) }
        if batch.isEmpty { break }
        for job in batch { job.runSynchronously(on: executor) }
        batch.removeAll(keepingCapacity: true)
      }
      if isFinished() { return .finished }
      let due = state.withLock { state -> [UnsafeContinuation<Void, any Error>] in
        var due: [UnsafeContinuation<Void, any Error>] = []
        var deadline: Duration?
        while let top = state.heap.first {
          if top.sleeper.continuation == nil {
            Self.popTop(&state.heap)
            top.unmanaged.release()
            continue
          }
          if deadline == nil { deadline = top.deadline }
          guard top.deadline == deadline else { break }
          Self.popTop(&state.heap)
          if let continuation = top.sleeper.continuation {
            top.sleeper.continuation = nil
            due.append(continuation)
          }
          top.unmanaged.release()
        }
        if let deadline { state.now = max(state.now, deadline) }
        state.live -= due.count
        return due
      }
      if due.isEmpty { return .stalled }
      for continuation in due { continuation.resume() }
    }
  }

  /// Stops accepting sleepers and fails every pending one.
  func close() {
    let abandoned = state.withLock { state in
      state.isClosed = true
      let all = state.heap.compactMap { $0.sleeper.continuation }
      for timer in state.heap {
        timer.sleeper.continuation = nil
        timer.unmanaged.release()
      }
      state.heap.removeAll()
      state.live = 0
      return all
    }
    for continuation in abandoned { continuation.resume(throwing: CancellationError()) }
  }

  private static func popTop(_ heap: inout [Timer]) {
    let last = heap.removeLast()
    guard !heap.isEmpty else { return }
    heap[0] = last
    siftDown(&heap, 0)
  }

  private static func siftUp(_ heap: inout [Timer], _ start: Int) {
    var child = start
    while child > 0 {
      let parent = (child - 1) / 2
      guard heap[child].precedes(heap[parent]) else { return }
      heap.swapAt(child, parent)
      child = parent
    }
  }

  private static func siftDown(_ heap: inout [Timer], _ start: Int) {
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

/// Runs an example on a `PrototypeLoop`, as `CellRunner` runs it on an `EventLoop` (without
/// transcript capture of `print`, which the many-tasks example calls once).
enum PrototypeRunner {
  /// Runs `body`; returns whether it finished and the simulated time it took.
  static func run(_ body: @escaping @Sendable () async throws -> Void) -> (
    finished: Bool, simulated: Duration
  ) {
    let loop = PrototypeLoop()
    let done = Mutex(false)
    let task = Task(executorPreference: loop) {
      try? await PrototypeLoop.$current.withValue(loop) { try await body() }
      done.withLock { $0 = true }
    }
    let stop = loop.drive { done.withLock { $0 } }
    if stop != .finished { task.cancel() }
    loop.close()
    return (stop == .finished, loop.now)
  }
}
