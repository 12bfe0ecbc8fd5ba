import Foundation
import Synchronization

/// One running cell worker: a child process speaking the `WorkerMessage` protocol, with its
/// stderr collected in the background (it holds the runtime's message when the child crashes).
///
/// Unchecked: its read buffer is mutable; a `WorkerProcess` is only used while holding
/// `ProcessCellRunner`'s lock.
final class WorkerProcess: @unchecked Sendable {
  /// How waiting for the next message ended.
  enum Next {
    case message(WorkerMessage)
    case exited(signal: Int32?, status: Int32)
    case timedOut
  }

  private let child: ChildProcess
  private var reader: FrameReader
  private var exitStatus: (signal: Int32?, status: Int32)?
  private var inputClosed = false
  private let errorText = ByteSink()
  private let errorEnded = DispatchSemaphore(value: 0)

  /// Starts `executable` with `arguments`.
  init(executable: URL, arguments: [String]) throws {
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] = "enable=no"
    child = try ChildProcess.spawn(
      executable: executable.path, arguments: arguments, environment: environment)
    reader = FrameReader(fileDescriptor: child.output)
    let errorFD = child.error
    let errorText = self.errorText
    let errorEnded = self.errorEnded
    Thread.detachNewThread {
      var chunk = [UInt8](repeating: 0, count: 16384)
      while true {
        let count = read(errorFD, &chunk, chunk.count)
        if count < 0, errno == EINTR { continue }
        if count <= 0 { break }
        errorText.append(chunk[..<count])
      }
      errorEnded.signal()
    }
  }

  deinit {
    finish()
    kill()
    child.closePipes()
  }

  /// Sends one request frame; false when the worker is gone.
  func send(_ request: CellRequest) -> Bool {
    child.write(request.frame)
  }

  /// Waits until `deadline` for the next message.
  func next(deadline: ContinuousClock.Instant) -> Next {
    while true {
      switch reader.next(deadline: deadline) {
      case .frame(let payload):
        if let message = try? WorkerMessage(payload: payload) { return .message(message) }
      case .timedOut:
        return .timedOut
      case .endOfFile, .malformed:
        let status = waitForExit()
        return .exited(signal: status.signal, status: status.status)
      }
    }
  }

  /// Everything the worker wrote to stderr so far, and forgets it; once the worker has
  /// exited, waits (a little) for the end of its stderr first, so its last words are there.
  func takeErrorText() -> String {
    if exitStatus != nil { _ = errorEnded.wait(timeout: .now() + .seconds(2)) }
    return String(decoding: errorText.take(), as: UTF8.self)
  }

  /// Kills the worker at once.
  func kill() {
    guard exitStatus == nil else { return }
    child.kill()
    _ = waitForExit()
  }

  /// Closes the worker's stdin, so it exits after its current request.
  func finish() {
    guard !inputClosed else { return }
    inputClosed = true
    child.closeInput()
  }

  private func waitForExit() -> (signal: Int32?, status: Int32) {
    if let exitStatus { return exitStatus }
    let status = child.waitForExit()
    exitStatus = status
    return status
  }

}

/// Bytes appended by one thread and taken by another.
private final class ByteSink: Sendable {
  private let bytes = Mutex<[UInt8]>([])

  func append(_ data: ArraySlice<UInt8>) { bytes.withLock { $0 += data } }

  func take() -> [UInt8] {
    bytes.withLock { bytes in
      defer { bytes.removeAll() }
      return bytes
    }
  }
}
