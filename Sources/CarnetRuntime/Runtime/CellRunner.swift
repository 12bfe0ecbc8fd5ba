import CarnetDocument
import Synchronization

/// Runs one compiled cell: on a fresh event loop, with a fresh transcript and a generator
/// seeded for the cell, on the calling thread, and returns what happened.
public struct CellRunner: Sendable {
  /// The clock cells follow.
  package var clock: ClockMode
  /// Real time a cell may take before it is abandoned (a guard against endless loops).
  package var wallClockLimit: Duration
  /// Whether cells record a `TaskTimeline` (needed by HTML output); a cell's `timeline=true`
  /// or `timeline=false` overrides it.
  package var recordsTimelines: Bool
  /// The most bytes of output kept per cell; the rest is dropped with a note.
  package var outputLimit: Int = Transcript.defaultLimit
  /// Called with each piece of output as the cell prints it (used by worker processes).
  package var outputObserver: (@Sendable (String) -> Void)?
  /// What the cell writes to standard output without `print`, when the process captures it
  /// (worker processes do); it joins the cell's output in order with what it prints.
  package var directOutput: (any DirectOutput)?

  /// Creates a runner.
  public init(
    clock: ClockMode = .virtual, wallClockLimit: Duration = .seconds(10),
    recordsTimelines: Bool = true
  ) {
    self.clock = clock
    self.wallClockLimit = wallClockLimit
    self.recordsTimelines = recordsTimelines
  }

  /// Runs `cell` with its options and returns its output and ending.
  public func run(_ cell: CompiledCell, options: CellOptions) -> CellRun {
    let cellID = cell.id
    let run = run(
      cell, cellID: cellID, options: options,
      recordsTimeline: options.timeline ?? recordsTimelines)
    guard case .stalled = run.ending, run.timeline == nil else { return run }
    // Naming the tasks of a stall needs the timeline's bookkeeping: run the cell again with it
    // (the run is deterministic, so it stalls the same way), and drop the timeline.
    var named = self.run(cell, cellID: cellID, options: options, recordsTimeline: true)
    named.timeline = nil
    return named
  }

  private func run(
    _ cell: CompiledCell, cellID: String, options: CellOptions, recordsTimeline: Bool
  ) -> CellRun {
    let loop = EventLoop(mode: clock, recordsTimeline: recordsTimeline)
    let transcript = Transcript(cellID: cellID, limit: outputLimit, observer: outputObserver)
    let generator =
      options.seed.map { SeededGenerator(seed: $0) } ?? SeededGenerator(cellID: cellID)
    // Written to standard output between cells: by no cell's code, so not placed.
    if let between = directOutput?.take(), !between.text.isEmpty {
      CellContext.recordOutsideCells(between.text)
    }
    RunningCell.start(cellID)
    let context = CellContext(
      loop: loop, transcript: transcript, generator: generator, directOutput: directOutput)
    let outcome = Outcome()
    let body = cell.body
    let task = Task(executorPreference: loop) {
      do {
        try await CellContext.$current.withValue(context) { try await body() }
        outcome.set(.success(()))
      } catch {
        outcome.set(.failure(error))
      }
    }
    let isFinished = { outcome.get() != nil }
    let stop = loop.drive(
      isFinished: isFinished, timeLimit: options.timeout, wallClockLimit: wallClockLimit)
    let ending: CellRun.Ending
    switch stop {
    case .finished:
      ending = Self.ending(of: outcome.get(), limit: outputLimit)
    case .stalled:
      let time = loop.now
      context.takeDirectOutput()
      transcript.sealDiscardingLaterWrites()
      let suspended = probeSuspendedTasks(loop: loop, task: task, isFinished: isFinished)
      ending = .stalled(at: time, suspended: suspended)
    case .reachedTimeLimit:
      loop.setTime(options.timeout)
      loop.recordCancellationOfAllTasks()
      task.cancel()
      _ = loop.drive(
        isFinished: isFinished, timeLimit: options.timeout, wallClockLimit: wallClockLimit)
      let suspended = isFinished() ? [] : ["the cell's main task"]
      ending = .timedOut(limit: options.timeout, suspended: suspended)
    case .exceededWallClock:
      task.cancel()
      ending = .exceededWallClock(seconds: wallClockLimit.secondsAsDouble)
    }
    // Seal first: tasks that escaped the cell and wake when the loop closes print late.
    context.takeDirectOutput()
    let output = transcript.seal()
    loop.close()
    let timeline = loop.timeline(finished: stop == .finished || isFinished())
    return CellRun(
      cellID: cellID, output: output, ending: ending, simulatedTime: loop.now, timeline: timeline)
  }

  /// After a stall, cancels the cell's task and runs what wakes up, without moving the clock:
  /// the tasks that run were the suspended ones (those waiting where cancellation reaches them,
  /// such as a stream or a sleep). Returns their names, the cell's main task first.
  private func probeSuspendedTasks(
    loop: EventLoop, task: Task<Void, Never>, isFinished: () -> Bool
  ) -> [String] {
    guard loop.recordsTimeline else { return ["the cell's main task"] }
    loop.beginProbe()
    task.cancel()
    // The wall-clock budget counts from the loop's start, like the cell's own.
    _ = loop.drive(isFinished: isFinished, timeLimit: loop.now, wallClockLimit: wallClockLimit)
    let woken = loop.endProbe()
    return ["main"] + woken.filter { $0 != "main" }
  }

  /// How the cell ended; a thrown error's description is cut like the output, at `limit`.
  private static func ending(of outcome: Result<Void, any Error>?, limit: Int) -> CellRun.Ending {
    switch outcome {
    case .success, .none:
      return .returned
    case .failure(let error):
      return .threw(
        type: String(describing: type(of: error)),
        description: Transcript.cut(String(describing: error), limit: limit))
    }
  }
}

/// The result of a cell's task, written on the loop's thread and read by the runner.
private final class Outcome: Sendable {
  private let result = Mutex<Result<Void, any Error>?>(nil)

  func set(_ value: Result<Void, any Error>) { result.withLock { $0 = value } }

  func get() -> Result<Void, any Error>? { result.withLock { $0 } }
}
