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
  private var buffer: [UInt8] = []
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

  /// Sends one request line; false when the worker is gone.
  func send(_ request: CellRequest) -> Bool {
    guard var data = try? JSONEncoder().encode(request) else { return false }
    data.append(UInt8(ascii: "\n"))
    return child.write([UInt8](data))
  }

  /// Waits until `deadline` for the next message line.
  func next(deadline: ContinuousClock.Instant) -> Next {
    while true {
      if let line = takeLine() {
        if let message = try? JSONDecoder().decode(WorkerMessage.self, from: Data(line)) {
          return .message(message)
        }
        continue
      }
      let remaining = ContinuousClock.now.duration(to: deadline)
      guard remaining > .zero else { return .timedOut }
      var descriptor = pollfd(fd: child.output, events: Int16(POLLIN), revents: 0)
      let milliseconds = Int32(clamping: remaining.components.seconds * 1000 + 1)
      let ready = poll(&descriptor, 1, min(milliseconds, 1000))
      guard ready > 0 else { continue }
      var chunk = [UInt8](repeating: 0, count: 65536)
      let count = read(child.output, &chunk, chunk.count)
      if count > 0 {
        buffer += chunk[..<count]
      } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
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

  private func takeLine() -> [UInt8]? {
    guard let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
    let line = Array(buffer[..<newline])
    buffer.removeSubrange(...newline)
    return line
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
