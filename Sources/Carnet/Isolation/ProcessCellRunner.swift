import Foundation
import Synchronization

/// Runs each cell in a child process (`carnet worker`), so that a cell that crashes the process
/// (`fatalError`, a failed precondition, an index out of range, a nil force-unwrapped) or that
/// never gives control back is reported under its cell, and the next cells go on in a fresh
/// child.
public final class ProcessCellRunner: CellRunning, Sendable {
  /// Extra real time the parent grants before killing a worker that is past its limit.
  static let grace: Duration = .seconds(2)

  /// How cells run inside the worker (clock, limits, timelines).
  public let settings: CellRunner
  private let executable: URL
  private let arguments: [String]
  private let worker = Mutex<WorkerProcess?>(nil)
  private let lateOutput = Mutex<[LateOutputLog.Entry]>([])

  /// Creates a runner that starts `executable arguments...` as its worker when needed.
  public init(executable: URL, arguments: [String], settings: CellRunner) {
    self.executable = executable
    self.arguments = arguments
    self.settings = settings
  }

  deinit {
    worker.withLock { $0?.finish() }
  }

  /// Runs the cell in the worker; starts a fresh worker if there is none.
  public func run(_ job: CellJob) -> CellRun {
    runAll([job], willStart: { _ in }).first ?? Self.failure(job.cellID, "the cell did not run")
  }

  /// Runs the jobs in the worker, in order, keeping a few requests queued ahead so that the
  /// worker never waits for the parent. After a crash or a cell past its wall-clock limit, the
  /// jobs not yet finished go to a fresh worker.
  public func runAll(_ jobs: [CellJob], willStart: (Int) -> Void) -> [CellRun] {
    worker.withLock { slot in
      var runs: [CellRun] = []
      var sent = 0
      while runs.count < jobs.count {
        let head = jobs[runs.count]
        guard
          let process = slot ?? (try? WorkerProcess(executable: executable, arguments: arguments))
        else {
          runs.append(
            Self.failure(head.cellID, "could not start the worker process \(executable.path)"))
          continue
        }
        if slot == nil {
          slot = process
          sent = runs.count
        }
        while sent < jobs.count, sent - runs.count < Self.queueDepth,
          process.send(request(jobs[sent]))
        {
          sent += 1
        }
        willStart(runs.count)
        let run = awaitRun(of: head, from: process)
        if run.isWorkerFailure { slot = nil }
        runs.append(run.cellRun)
      }
      return runs
    }
  }

  /// How many requests are queued in the worker's stdin ahead of the running cell.
  static let queueDepth = 16

  private func request(_ job: CellJob) -> CellRequest {
    CellRequest(
      lessonName: job.lessonName, cellID: job.cellID, options: job.options, clock: settings.clock,
      wallClockLimitSeconds: settings.wallClockLimit.secondsAsDouble,
      recordsTimeline: settings.recordsTimelines, outputLimit: settings.outputLimit)
  }

  /// The run of the worker's current cell, or a crash or timeout; `isWorkerFailure` tells the
  /// caller to drop the worker.
  private func awaitRun(
    of job: CellJob, from process: WorkerProcess
  ) -> (cellRun: CellRun, isWorkerFailure: Bool) {
    var output = ""
    let deadline = ContinuousClock.now + settings.wallClockLimit + Self.grace
    while true {
      switch process.next(deadline: deadline) {
      case .message(.output(let text)):
        output += text
      case .message(.finished(let run, let late)):
        lateOutput.withLock { $0 += late }
        let failure = Self.failure(job.cellID, "the worker does not know cell '\(job.cellID)'")
        return (run ?? failure, false)
      case .message(.closing(let late)):
        lateOutput.withLock { $0 += late }
      case .exited(let signal, let status):
        let message = Self.crashMessage(process.takeErrorText(), status: status)
        let ending = CellRun.Ending.crashed(signal: signal ?? 0, message: message)
        return (
          CellRun(cellID: job.cellID, output: output, ending: ending, simulatedTime: .zero), true
        )
      case .timedOut:
        process.kill()
        let ending = CellRun.Ending.exceededWallClock(
          seconds: settings.wallClockLimit.secondsAsDouble)
        return (
          CellRun(cellID: job.cellID, output: output, ending: ending, simulatedTime: .zero), true
        )
      }
    }
  }

  /// Output printed by escaped tasks after their cell ended, collected from the workers. Stops
  /// the current worker (the next cell starts a fresh one) to collect its last late output.
  public func drainLateOutput() -> [LateOutputLog.Entry] {
    worker.withLock { slot in
      guard let process = slot else { return }
      slot = nil
      process.finish()
      let deadline = ContinuousClock.now + Self.grace
      while true {
        switch process.next(deadline: deadline) {
        case .message(.closing(let late)), .message(.finished(_, let late)):
          lateOutput.withLock { $0 += late }
        case .message(.output):
          continue
        case .exited:
          return
        case .timedOut:
          process.kill()
          return
        }
      }
    }
    return lateOutput.withLock { entries in
      defer { entries.removeAll() }
      return entries
    }
  }

  /// The runtime's own words from a crashed worker's stderr: its "Fatal error" line if any,
  /// else its last line.
  static func crashMessage(_ errorText: String, status: Int32) -> String {
    let lines = errorText.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
    let markers = ["Fatal error", "Precondition failed", "Assertion failed", "fatal error"]
    let line = lines.last { line in markers.contains { line.contains($0) } } ?? lines.last
    return line ?? "the worker process exited with status \(status) without a message"
  }

  private static func failure(_ cellID: String, _ message: String) -> CellRun {
    CellRun(
      cellID: cellID, output: "", ending: .crashed(signal: 0, message: message),
      simulatedTime: .zero)
  }
}
