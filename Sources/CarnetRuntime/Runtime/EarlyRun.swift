import CarnetDocument
import Foundation
import Synchronization

/// A lesson's run started from its compiled cells alone, before the lesson file is read, on a
/// thread of its own: the build records the cells that run and their options, and a lesson whose
/// fingerprint matches the build is exactly what was built, so its run is known before the
/// parse. The cells then run (in their worker) while the lesson is parsed; the parse confirms
/// the run (`NotebookRunner.run(_:cells:startedEarly:progress:)`), or the run is stopped and
/// dropped.
public final class EarlyRun: Sendable {
  /// The jobs, in order: those of every cell of the compiled lesson that runs.
  let jobs: [CellJob]
  /// The runner running them (the lesson's late output is drained from its cell runner).
  let runner: NotebookRunner
  /// How many jobs have started, and whether the run must stop before its next job.
  private let state = RunState()
  /// The runs, once the run ended.
  private let runs: BackgroundWork<[CellRun]>

  /// How often the thread waiting for the run tells which cells started (it is not woken at
  /// each cell: a lesson's cells often take microseconds each).
  static let progressInterval: DispatchTimeInterval = .milliseconds(50)

  /// Starts running `jobs` with `runner`.
  init(jobs: [CellJob], runner: NotebookRunner) {
    self.jobs = jobs
    self.runner = runner
    let state = state
    // Cells run on this thread in process (`CellRunner`): a stack as large as a main thread's.
    runs = BackgroundWork(stackSize: 8 << 20) {
      runner.cellRunner.runAll(jobs) { index in
        state.value.withLock { state in
          state.started = index + 1
          return !state.stopped
        }
      }
    }
  }

  /// Whether the run is the one of `jobs`: the same cells of the same lesson, in the same
  /// order, with the same options.
  func isRun(of other: [CellJob]) -> Bool {
    jobs.count == other.count
      && zip(jobs, other).allSatisfy {
        $0.lessonName == $1.lessonName && $0.cellID == $1.cellID && $0.options == $1.options
      }
  }

  /// Waits for the run's end, telling `progress(i)` once for each job, in order, after it
  /// started; the runs, or nil when the run was stopped before its end.
  func wait(progress: (Int) -> Void) -> [CellRun]? {
    var told = 0
    while true {
      let ran = runs.wait(until: .now() + Self.progressInterval)
      let started = state.value.withLock { $0.started }
      while told < started {
        progress(told)
        told += 1
      }
      guard let ran else { continue }
      return ran.count == jobs.count ? ran : nil
    }
  }

  /// Stops the run before its next cell, without waiting (a cell running goes on to its end;
  /// its worker is then stopped); its runs are dropped.
  package func stop() {
    state.value.withLock { $0.stopped = true }
  }

  /// What the running thread and the waiting one share.
  private final class RunState: Sendable {
    let value = Mutex((started: 0, stopped: false))
  }
}
