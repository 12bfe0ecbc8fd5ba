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
  package let settings: CellRunner
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
    runAll([job], willStart: { _ in true }).first
      ?? Self.failure(job.cellID, "the cell did not run")
  }

  /// Runs the jobs in the worker, in order, keeping a few requests queued ahead so that the
  /// worker never waits for the parent. After a crash or a cell past its wall-clock limit, the
  /// jobs not yet finished go to a fresh worker.
  ///
  /// A crash is blamed by evidence, not on whichever cell happened to run: when the worker dies
  /// during a cell after it ran others, that cell runs again alone in a fresh worker (cells are
  /// deterministic). If it crashes again, the crash is its own; if it runs fine, its run is the
  /// fresh one and the crash is reported as something an earlier cell left behind (an escaped
  /// task, a closed descriptor...).
  public func runAll(_ jobs: [CellJob], willStart: (Int) -> Bool) -> [CellRun] {
    worker.withLock { slot in
      var runs: [CellRun] = []
      var sent = 0
      var finishedInWorker = 0
      var suspect: CellRun?
      while runs.count < jobs.count {
        let head = jobs[runs.count]
        let process: WorkerProcess
        if let current = slot {
          process = current
        } else {
          guard let fresh = try? WorkerProcess(executable: executable, arguments: arguments)
          else {
            runs.append(
              Self.failure(head.cellID, "could not start the worker process \(executable.path)"))
            continue
          }
          (slot, process, sent, finishedInWorker) = (fresh, fresh, runs.count, 0)
        }
        // Refilled in one write once half the queue has run: a write per cell would wake the
        // worker and cost a system call each time.
        if sent - runs.count <= Self.queueDepth / 2 {
          let batch = jobs[sent..<min(jobs.count, runs.count + Self.queueDepth)]
          if !batch.isEmpty, process.send(batch.map(request)) { sent += batch.count }
        }
        if suspect == nil, !willStart(runs.count) {
          // What the worker was sent and did not run must not answer a later run's requests.
          if sent > runs.count { slot = nil }
          break
        }
        let (run, failure) = awaitRun(of: head, from: process)
        switch failure {
        case .none:
          finishedInWorker += 1
        case .crash where finishedInWorker > 0 && suspect == nil:
          // Run the cell again, alone, before blaming it.
          (slot, suspect) = (nil, run)
          continue
        case .crash, .timeout:
          slot = nil
        }
        if let first = suspect, failure == nil {
          lateOutput.withLock {
            $0.append(
              LateOutputLog.Entry(
                cellID: head.cellID, text: first.errorText ?? "", kind: .crashedWhileItRan))
          }
        }
        suspect = nil
        runs.append(run)
      }
      return runs
    }
  }

  /// How many requests are queued in the worker's request pipe, the running cell's included, at
  /// most.
  static let queueDepth = 16

  private func request(_ job: CellJob) -> CellRequest {
    CellRequest(
      lessonName: job.lessonName, cellID: job.cellID, options: job.options, clock: settings.clock,
      wallClockLimitSeconds: settings.wallClockLimit.secondsAsDouble,
      recordsTimeline: settings.recordsTimelines, outputLimit: settings.outputLimit)
  }

  /// How a worker failed during a cell (it is dropped either way).
  private enum WorkerFailure {
    /// It crashed, exited or broke its channel.
    case crash
    /// It was killed at the wall-clock limit.
    case timeout
  }

  /// The run of the worker's current cell, and how the worker failed, if it did.
  private func awaitRun(
    of job: CellJob, from process: WorkerProcess
  ) -> (CellRun, WorkerFailure?) {
    var output = ""
    let deadline = ContinuousClock.now + settings.wallClockLimit + Self.grace
    let ended = { (ending: CellRun.Ending) in
      CellRun(cellID: job.cellID, output: output, ending: ending, simulatedTime: .zero)
    }
    while true {
      switch process.next(deadline: deadline) {
      case .message(.output(let text)):
        // Most cells print once: the first text is kept as it is, not copied.
        if output.isEmpty { output = text } else { output += text }
      case .message(.finished(let run, let late)):
        lateOutput.withLock { $0 += late }
        // What the worker wrote to stderr during the cell is not another cell's crash message.
        process.discardErrorText()
        return (
          run ?? Self.failure(job.cellID, "the worker does not know cell '\(job.cellID)'"), nil
        )
      case .message(.closing(let late)):
        lateOutput.withLock { $0 += late }
      case .exited(let signal, let status):
        let message = Self.crashMessage(process.takeErrorText(), signal: signal, status: status)
        return (ended(.crashed(signal: signal ?? 0, message: message)), .crash)
      case .brokeChannel(let reason):
        return (ended(.crashed(signal: 0, message: reason)), .crash)
      case .timedOut:
        process.kill()
        return (
          ended(.exceededWallClock(seconds: settings.wallClockLimit.secondsAsDouble)), .timeout
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
        case .exited, .brokeChannel:
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

  /// The runtime's own words from a crashed worker's stderr (its "Fatal error" line), else
  /// what its signal or status tells. Other lines on stderr are what cells wrote, not a cause.
  static func crashMessage(_ errorText: String, signal: Int32?, status: Int32) -> String {
    let lines = errorText.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    let markers = [
      "Fatal error", "Precondition failed", "Assertion failed", "fatal error",
      "Simultaneous accesses", "Could not cast value",
    ]
    if let line = lines.last(where: { line in markers.contains { line.contains($0) } }) {
      return line
    }
    switch signal {
    case SIGSEGV?, SIGBUS?:
      return "a bad memory access (a stack overflow, or unsafe code)"
    case SIGKILL?:
      return "the worker process was killed (by the system for lack of memory, or by a signal)"
    case let signal?:
      return "the worker process was ended by signal \(signal), without a message"
    case nil:
      return "the worker process exited with status \(status) in the middle of the cell"
    }
  }

  private static func failure(_ cellID: String, _ message: String) -> CellRun {
    CellRun(
      cellID: cellID, output: "", ending: .crashed(signal: 0, message: message),
      simulatedTime: .zero)
  }
}
