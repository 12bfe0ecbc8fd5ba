import Foundation
import Synchronization

/// The child side of process isolation: reads `CellRequest` frames from the channel's request
/// descriptor, runs each cell in this process, writes `WorkerMessage` frames to its message
/// descriptor. Both sit at the top of the descriptor range, out of a careless cell's reach;
/// stdin is `/dev/null`, and stdout is captured into the running cell's output.
public enum CellWorkerServer {
  /// How long the worker waits at most, when told to stop, for escaped tasks to print.
  static let lateOutputGrace: Duration = .milliseconds(200)

  /// Serves requests until the request descriptor closes; returns the exit status.
  public static func serve(registry: LessonRegistry, channel: WorkerChannel) -> Int32 {
    watchParent()
    for descriptor in [channel.requests, channel.messages] {
      guard fcntl(descriptor, F_SETFD, FD_CLOEXEC) == 0 else { return 70 }
    }
    let messages = MessageChannel(fileDescriptor: channel.messages)
    var requests = FrameReader(fileDescriptor: channel.requests)
    var capture: StandardOutputCapture?
    while case .frame(let payload) = requests.next() {
      guard let request = try? CellRequest(payload: payload) else { return 65 }
      if capture == nil {
        capture = StandardOutputCapture(
          readingFrom: channel.capturedOutput, limit: request.outputLimit + 4)
      }
      var run: CellRun?
      if let cell = registry.lesson(named: request.lessonName)?.cell(id: request.cellID) {
        var runner = CellRunner(
          clock: request.clock,
          wallClockLimit: .seconds(request.wallClockLimitSeconds),
          recordsTimelines: request.recordsTimeline)
        runner.outputLimit = request.outputLimit
        runner.outputObserver = { text in messages.send(.output(text)) }
        runner.directOutput = capture
        run = runner.run(cell, options: request.options)
      }
      messages.send(.finished(run: run, lateOutput: LateOutputLog.shared.drain()))
    }
    // Tasks that escaped their cell keep its context alive: give them a moment to print, so
    // that their output is reported.
    let deadline = ContinuousClock.now + lateOutputGrace
    while !CellContext.liveCells.isEmpty, ContinuousClock.now < deadline { usleep(1000) }
    for cellID in CellContext.liveCells {
      LateOutputLog.shared.append(cellID: cellID, text: "", kind: .stillRunningAtEnd)
    }
    if let written = capture?.take().text, !written.isEmpty {
      CellContext.recordOutsideCells(written)
    }
    messages.send(.closing(lateOutput: LateOutputLog.shared.drain()))
    // Nothing a cell started outlives the worker, even in a process group of its own.
    ProcessTree.killDescendants()
    return 0
  }
}

extension CellWorkerServer {
  /// How often the worker checks that `carnet` is still there.
  static let parentCheckInterval: useconds_t = 100_000

  /// Ends the worker and its process group (what its cells started) within a tenth of a second
  /// once the process that started it is gone (killed with SIGKILL, SIGTERM or SIGINT, or
  /// crashed), even while a cell keeps the processor busy: a worker must never outlive `carnet`.
  /// The check runs on a thread of its own.
  static func watchParent() {
    let parent = getppid()
    let thread = Thread {
      while true {
        usleep(parentCheckInterval)
        if getppid() != parent {
          ProcessTree.killDescendants()
          _ = kill(0, SIGKILL)
          _exit(70)
        }
      }
    }
    thread.start()
  }
}

/// Writes `WorkerMessage`s as frames to a file descriptor, one whole frame at a time (under a
/// lock: cells' tasks print from several threads). A failed write is ignored: the parent sees the
/// channel closed, and reports it.
private final class MessageChannel: Sendable {
  private let descriptor: Mutex<Int32>

  init(fileDescriptor: Int32) {
    descriptor = Mutex(fileDescriptor)
  }

  func send(_ message: WorkerMessage) {
    let frame = message.frame
    descriptor.withLock { descriptor in
      var offset = 0
      while offset < frame.count {
        let written = frame[offset...].withUnsafeBytes {
          write(descriptor, $0.baseAddress, $0.count)
        }
        if written < 0, errno == EINTR { continue }
        guard written > 0 else { return }
        offset += written
      }
    }
  }
}
