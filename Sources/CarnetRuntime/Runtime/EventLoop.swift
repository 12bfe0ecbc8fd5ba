import Foundation
import Synchronization

/// A cell's single-threaded event loop: a `TaskExecutor` with a FIFO ready queue and a clock.
///
/// The cell's task prefers this executor, so it and its structured children (`async let`, task
/// group children) run here one job at a time, on the thread that calls `drive`. When no job is
/// ready, the clock jumps to the earliest sleeper's deadline (or, in `.real` mode, waits for it),
/// then resumes every sleeper due at that instant in the order they started sleeping.
public final class EventLoop: TaskExecutor, Sendable {
  /// Why `drive` returned.
  enum Stop: Equatable {
    /// The cell's task finished.
    case finished
    /// Nothing ready, nothing sleeping, cell unfinished.
    case stalled
    /// The next deadline lies past the simulated time limit.
    case reachedTimeLimit
    /// More real time than allowed went by.
    case exceededWallClock
  }

  fileprivate struct State: ~Copyable {
    var ready: [UnownedJob] = []
    var timers = TimerQueue()
    var now: Duration = .zero
    var nextToken: UInt64 = 0
    var cancelledBeforeSleeping: Set<UInt64> = []
    var isClosed = false
    var recorder: TimelineRecorder?
  }

  private let state = Mutex(State())
  private let wake = NSCondition()
  /// The clock this loop follows.
  package let mode: ClockMode
  /// Whether the loop records a `TaskTimeline` of the cell's tasks.
  package let recordsTimeline: Bool
  private let start = ContinuousClock.now

  /// Creates an idle loop at time zero.
  package init(mode: ClockMode = .virtual, recordsTimeline: Bool = false) {
    self.mode = mode
    self.recordsTimeline = recordsTimeline
    if recordsTimeline { state.withLock { $0.recorder = TimelineRecorder() } }
  }

  /// Appends a job to the ready queue (called by the Swift runtime, from any thread).
  public func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    state.withLock { $0.ready.append(job) }
    if mode == .real {
      wake.lock()
      wake.signal()
      wake.unlock()
    }
  }

  /// Time elapsed on this loop's clock since it started.
  package var now: Duration { state.withLock { $0.now } }

  /// Suspends the calling task until `now + duration`; throws `CancellationError` if the task is
  /// or becomes cancelled, or if the loop has already stopped.
  public func sleep(for duration: Duration) async throws {
    let token = state.withLock { state in
      state.nextToken += 1
      return state.nextToken
    }
    let name = recordsTimeline ? Task.name : nil
    defer { state.withLock { _ = $0.cancelledBeforeSleeping.remove(token) } }
    try await withTaskCancellationHandler {
      try await withUnsafeThrowingContinuation {
        (continuation: UnsafeContinuation<Void, any Error>) in
        let refused = state.withLock { state -> Bool in
          if state.isClosed || state.cancelledBeforeSleeping.contains(token) { return true }
          let deadline = state.now + max(duration, .zero)
          state.timers.insert(deadline: deadline, token: token, continuation: continuation)
          state.recorder?.sleepStarted(token: token, at: state.now, name: name)
          return false
        }
        if refused { continuation.resume(throwing: CancellationError()) }
      }
    } onCancel: {
      let continuation = state.withLock { state -> UnsafeContinuation<Void, any Error>? in
        if let continuation = state.timers.remove(token: token) {
          state.recorder?.sleepEnded(token: token, at: state.now, cancelled: true)
          return continuation
        }
        state.cancelledBeforeSleeping.insert(token)
        return nil
      }
      continuation?.resume(throwing: CancellationError())
    }
  }

  /// Runs ready jobs and advances the clock until `isFinished()` holds, nothing more can happen,
  /// the next deadline passes `timeLimit`, or `wallClockLimit` of real time has gone by.
  func drive(
    isFinished: () -> Bool, timeLimit: Duration, wallClockLimit: Duration
  ) -> Stop {
    let executor = asUnownedTaskExecutor()
    var jobsSinceCheck = 0
    var batch: [UnownedJob] = []
    while true {
      // One lock per batch of ready jobs; jobs they enqueue form the next batch (FIFO).
      while takeReadyJobs(into: &batch) {
        for job in batch {
          if recordsTimeline { noteJobWillRun(job) }
          job.runSynchronously(on: executor)
          jobsSinceCheck += 1
          if jobsSinceCheck >= 4096 {
            jobsSinceCheck = 0
            if start.duration(to: .now) > wallClockLimit { return .exceededWallClock }
          }
        }
      }
      if isFinished() { return .finished }
      if start.duration(to: .now) > wallClockLimit { return .exceededWallClock }
      switch advanceClock(timeLimit: timeLimit) {
      case .resumed(let due):
        for sleeper in due { sleeper.continuation.resume() }
      case .jobArrived:
        continue
      case .nothingPending:
        return .stalled
      case .pastLimit:
        return .reachedTimeLimit
      }
    }
  }

  /// Moves the clock to `time` (used when a time limit is reached).
  func setTime(_ time: Duration) {
    state.withLock { $0.now = max($0.now, time) }
  }

  /// Stops accepting sleepers and fails every pending one with `CancellationError`.
  func close() {
    let abandoned = state.withLock { state in
      state.isClosed = true
      return state.timers.removeAll()
    }
    for continuation in abandoned { continuation.resume(throwing: CancellationError()) }
  }

  /// Names the running task in the timeline (first name wins), when recording.
  package func nameRunningTask(_ name: String?) {
    guard recordsTimeline, let name else { return }
    state.withLock { $0.recorder?.nameCurrentTask(name) }
  }

  /// Starts noting which tasks run (see `endProbe`).
  func beginProbe() {
    state.withLock { $0.recorder?.beginProbe() }
  }

  /// The names of the tasks that ran since `beginProbe`, in the order they first ran.
  func endProbe() -> [String] {
    state.withLock { $0.recorder?.endProbe() ?? [] }
  }

  /// Marks every task cancelled now, in the timeline (the cell's task was cancelled).
  func recordCancellationOfAllTasks() {
    state.withLock { state in state.recorder?.cancelAll(at: state.now) }
  }

  /// The recorded timeline, if recording; `finished` tells whether the cell's task completed.
  func timeline(finished: Bool) -> TaskTimeline? {
    state.withLock { state in state.recorder?.timeline(duration: state.now, finished: finished) }
  }

  private enum Advance {
    case resumed([TimerQueue.Due])
    case jobArrived
    case nothingPending
    case pastLimit
  }

  /// Moves every ready job into `batch`, in order; false when none is ready.
  private func takeReadyJobs(into batch: inout [UnownedJob]) -> Bool {
    batch.removeAll(keepingCapacity: true)
    state.withLock { swap(&$0.ready, &batch) }
    return !batch.isEmpty
  }

  private func noteJobWillRun(_ job: UnownedJob) {
    state.withLock { state in
      state.recorder?.jobWillRun(jobDescription: job.description, at: state.now)
    }
  }

  private func advanceClock(timeLimit: Duration) -> Advance {
    switch mode {
    case .virtual:
      return state.withLock { state in
        guard let deadline = state.timers.earliestDeadline() else { return .nothingPending }
        guard deadline <= timeLimit else { return .pastLimit }
        state.now = max(state.now, deadline)
        return .resumed(state.popDueSleepers(upTo: deadline))
      }
    case .real:
      return advanceRealClock(timeLimit: timeLimit)
    }
  }

  private func advanceRealClock(timeLimit: Duration) -> Advance {
    let deadline = state.withLock { state -> Duration? in
      state.now = start.duration(to: .now)
      return state.timers.earliestDeadline()
    }
    guard let deadline else { return .nothingPending }
    guard deadline <= timeLimit else { return .pastLimit }
    let waitSeconds = (deadline - start.duration(to: .now)).secondsAsDouble
    if waitSeconds > 0 {
      wake.lock()
      let hasJob = state.withLock { !$0.ready.isEmpty }
      if !hasJob { _ = wake.wait(until: Date(timeIntervalSinceNow: waitSeconds)) }
      wake.unlock()
    }
    return state.withLock { state in
      if !state.ready.isEmpty { return .jobArrived }
      state.now = max(state.now, start.duration(to: .now))
      return .resumed(state.popDueSleepers(upTo: state.now))
    }
  }
}

extension EventLoop.State {
  /// Removes the sleepers due by `deadline`, noting their wake-up in the timeline.
  fileprivate mutating func popDueSleepers(upTo deadline: Duration) -> [TimerQueue.Due] {
    let due = timers.popDue(upTo: deadline)
    if recorder != nil {
      for sleeper in due {
        recorder?.sleepEnded(token: sleeper.token, at: sleeper.deadline, cancelled: false)
      }
    }
    return due
  }
}

extension Duration {
  /// This duration in seconds, as a `Double`.
  package var secondsAsDouble: Double {
    let (seconds, attoseconds) = components
    return Double(seconds) + Double(attoseconds) / 1e18
  }
}
