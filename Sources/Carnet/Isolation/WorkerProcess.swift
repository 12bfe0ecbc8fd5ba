import Foundation
import Synchronization

/// One running cell worker: a child process speaking the `WorkerMessage` protocol, with its
/// stderr collected in the background (it holds the runtime's message when the child crashes).
///
/// Unchecked: `Process` is not `Sendable`; a `WorkerProcess` is only used while holding
/// `ProcessCellRunner`'s lock.
final class WorkerProcess: @unchecked Sendable {
  /// How waiting for the next message ended.
  enum Next {
    case message(WorkerMessage)
    case exited(signal: Int32?, status: Int32)
    case timedOut
  }

  private let process: Process
  private let input: FileHandle
  private let outputFD: Int32
  private var buffer: [UInt8] = []
  private let errorText = ByteSink()
  private let errorEnded = DispatchSemaphore(value: 0)

  /// Starts `executable` with `arguments`.
  init(executable: URL, arguments: [String]) throws {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] = "enable=no"
    process.environment = environment
    let inputPipe = Pipe()
    let outputPipe = Pipe()
    let errorPipe = Pipe()
    process.standardInput = inputPipe
    process.standardOutput = outputPipe
    process.standardError = errorPipe
    try process.run()
    self.process = process
    self.input = inputPipe.fileHandleForWriting
    self.outputFD = outputPipe.fileHandleForReading.fileDescriptor
    let errorHandle = errorPipe.fileHandleForReading
    let errorText = self.errorText
    let errorEnded = self.errorEnded
    Thread.detachNewThread {
      while true {
        let chunk = errorHandle.availableData
        if chunk.isEmpty { break }
        errorText.append(chunk)
      }
      errorEnded.signal()
    }
  }

  /// Sends one request line; false when the worker is gone.
  func send(_ request: CellRequest) -> Bool {
    guard var data = try? JSONEncoder().encode(request) else { return false }
    data.append(UInt8(ascii: "\n"))
    do {
      try input.write(contentsOf: data)
      return true
    } catch {
      return false
    }
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
      var descriptor = pollfd(fd: outputFD, events: Int16(POLLIN), revents: 0)
      let milliseconds = Int32(clamping: remaining.components.seconds * 1000 + 1)
      let ready = poll(&descriptor, 1, min(milliseconds, 1000))
      guard ready > 0 else { continue }
      var chunk = [UInt8](repeating: 0, count: 65536)
      let count = read(outputFD, &chunk, chunk.count)
      if count > 0 {
        buffer += chunk[..<count]
      } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
        process.waitUntilExit()
        let signal = process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil
        return .exited(signal: signal, status: process.terminationStatus)
      }
    }
  }

  /// Everything the worker wrote to stderr so far, and forgets it; once the worker has
  /// exited, waits (a little) for the end of its stderr first, so its last words are there.
  func takeErrorText() -> String {
    if !process.isRunning { _ = errorEnded.wait(timeout: .now() + .seconds(2)) }
    return String(decoding: errorText.take(), as: UTF8.self)
  }

  /// Kills the worker at once.
  func kill() {
    if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
  }

  /// Closes the worker's stdin, so it exits after its current request.
  func finish() {
    try? input.close()
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

  func append(_ data: Data) { bytes.withLock { $0 += data } }

  func take() -> [UInt8] {
    bytes.withLock { bytes in
      defer { bytes.removeAll() }
      return bytes
    }
  }
}
