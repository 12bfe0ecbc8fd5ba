import Foundation
import Synchronization

/// The child side of process isolation: reads `CellRequest` frames on stdin, runs each cell in
/// this process, writes `WorkerMessage` frames. The protocol uses a private copy of stdout; the
/// real stdout is pointed at stderr, so stray writes by a cell cannot corrupt it.
public enum CellWorkerServer {
  /// How long the worker waits at most, when told to stop, for escaped tasks to print.
  static let lateOutputGrace: Duration = .milliseconds(200)

  /// Serves requests until stdin closes; returns the exit status.
  public static func serve(registry: LessonRegistry) -> Int32 {
    watchParent()
    let protocolFD = dup(STDOUT_FILENO)
    guard protocolFD >= 0, dup2(STDERR_FILENO, STDOUT_FILENO) >= 0 else { return 70 }
    let channel = MessageChannel(fileDescriptor: protocolFD)
    var requests = FrameReader(fileDescriptor: STDIN_FILENO)
    while case .frame(let payload) = requests.next() {
      guard let request = try? CellRequest(payload: payload) else { return 65 }
      var run: CellRun?
      if let cell = registry.lesson(named: request.lessonName)?.cell(id: request.cellID) {
        var runner = CellRunner(
          clock: request.clock,
          wallClockLimit: .seconds(request.wallClockLimitSeconds),
          recordsTimelines: request.recordsTimeline)
        runner.outputLimit = request.outputLimit
        runner.outputObserver = { text in channel.send(.output(text)) }
        run = runner.run(cell, options: request.options)
      }
      channel.send(.finished(run: run, lateOutput: LateOutputLog.shared.drain()))
    }
    // Tasks that escaped their cell keep its context alive: give them a moment to print, so
    // that their output is reported.
    let deadline = ContinuousClock.now + lateOutputGrace
    while CellContext.liveCount > 0, ContinuousClock.now < deadline { usleep(1000) }
    channel.send(.closing(lateOutput: LateOutputLog.shared.drain()))
    return 0
  }
}

extension CellWorkerServer {
  /// How often the worker checks that `carnet` is still there.
  static let parentCheckInterval: useconds_t = 100_000

  /// Ends the worker within a tenth of a second once the process that started it is gone (killed
  /// with SIGKILL, SIGTERM or SIGINT, or crashed), even while a cell keeps the processor busy:
  /// a worker must never outlive `carnet`. The check runs on a thread of its own.
  static func watchParent() {
    let parent = getppid()
    let thread = Thread {
      while true {
        usleep(parentCheckInterval)
        if getppid() != parent { _exit(70) }
      }
    }
    thread.start()
  }
}

/// Writes `WorkerMessage`s as frames to a file descriptor, one whole frame per write.
private final class MessageChannel: Sendable {
  private let handle: Mutex<FileHandle>

  init(fileDescriptor: Int32) {
    handle = Mutex(FileHandle(fileDescriptor: fileDescriptor, closeOnDealloc: true))
  }

  func send(_ message: WorkerMessage) {
    let data = Data(message.frame)
    handle.withLock { $0.write(data) }
  }
}
