import Foundation
import Synchronization

/// One running cell worker: a child process speaking the `WorkerMessage` protocol, with the
/// tail of its stderr collected in the background (it holds the runtime's message when the child
/// crashes).
///
/// Unchecked: its read buffer is mutable; a `WorkerProcess` is only used while holding
/// `ProcessCellRunner`'s lock.
final class WorkerProcess: @unchecked Sendable {
  /// How waiting for the next message ended.
  enum Next {
    case message(WorkerMessage)
    case exited(signal: Int32?, status: Int32)
    /// The worker broke its channel (closed it, or wrote what is not a frame) and was killed.
    case brokeChannel(String)
    case timedOut
  }

  /// The most bytes of the worker's stderr kept (the last ones, where a crash's message is).
  static let errorTextLimit = 64 * 1024

  private let child: ChildProcess
  private var reader: FrameReader
  private var exitStatus: (signal: Int32?, status: Int32)?
  private var requestsClosed = false
  private let errorText = TailBuffer(limit: WorkerProcess.errorTextLimit)
  private let errorEnded = DispatchSemaphore(value: 0)

  /// Starts `executable` with `arguments`, and the arguments that name its channel.
  init(executable: URL, arguments: [String]) throws {
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] = "enable=no"
    environment[ProcessTree.marker] = String(getpid())
    let channel = WorkerChannel.standard
    child = try ChildProcess.spawn(
      executable: executable.path, arguments: arguments + channel.arguments,
      environment: environment, channel: channel)
    reader = FrameReader(fileDescriptor: child.messages)
    let errorFD = child.error
    let errorText = self.errorText
    let errorEnded = self.errorEnded
    Thread.detachNewThread {
      var chunk = [UInt8](repeating: 0, count: 1 << 18)
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

  /// Sends request frames, in one write; false when the worker is gone.
  func send(_ requests: [CellRequest]) -> Bool {
    var frames: [UInt8] = []
    frames.reserveCapacity(requests.count * 256)
    for request in requests { frames += request.frame }
    return child.sendRequest(frames)
  }

  /// Waits until `deadline` for the next message.
  func next(deadline: ContinuousClock.Instant) -> Next {
    while true {
      switch reader.next(deadline: deadline) {
      case .frame(let payload):
        guard let message = try? WorkerMessage(payload: payload) else {
          kill()
          return .brokeChannel("its worker sent carnet a message it cannot read")
        }
        return .message(message)
      case .timedOut:
        return .timedOut
      case .malformed:
        kill()
        return .brokeChannel("its worker wrote bytes that are not a message on carnet's channel")
      case .endOfFile:
        // The worker exits, or a cell closed the channel: give it a moment to exit on its own.
        let patience = min(deadline, ContinuousClock.now + .seconds(1))
        if let status = waitForExit(deadline: patience) {
          return .exited(signal: status.signal, status: status.status)
        }
        kill()
        return .brokeChannel("its worker closed the channel carnet reads its messages from")
      }
    }
  }

  /// Everything the worker wrote to stderr so far (its last 64 KiB), and forgets it; once the
  /// worker has exited, waits (a little) for the end of its stderr first, so its last words are
  /// there.
  func takeErrorText() -> String {
    if exitStatus != nil { _ = errorEnded.wait(timeout: .now() + .seconds(2)) }
    return String(decoding: errorText.take(), as: UTF8.self)
  }

  /// Forgets what the worker wrote to stderr so far (what cells wrote, not a crash's message).
  func discardErrorText() {
    errorText.clear()
  }

  /// Kills the worker and its process group at once.
  func kill() {
    guard exitStatus == nil else { return }
    child.killGroup()
    _ = waitForExit(deadline: nil)
  }

  /// Closes the worker's request pipe, so it exits after its current request.
  func finish() {
    guard !requestsClosed else { return }
    requestsClosed = true
    child.closeRequests()
  }

  private func waitForExit(deadline: ContinuousClock.Instant?) -> (signal: Int32?, status: Int32)? {
    if let exitStatus { return exitStatus }
    guard let status = child.waitForExit(deadline: deadline) else { return nil }
    exitStatus = status
    return status
  }
}

/// The last bytes appended by one thread, taken by another: at most `limit`, older ones dropped.
final class TailBuffer: Sendable {
  private let limit: Int
  private let bytes = Mutex<[UInt8]>([])

  /// Keeps at most `limit` bytes.
  init(limit: Int) {
    self.limit = limit
  }

  /// Appends `data`, dropping the oldest bytes past the limit (in batches, so that a flood costs
  /// a copy of each byte, not one of the whole buffer per write).
  func append(_ data: ArraySlice<UInt8>) {
    bytes.withLock { bytes in
      guard data.count < limit else {
        bytes = Array(data.suffix(limit))
        return
      }
      bytes += data
      if bytes.count > 2 * limit { bytes.removeFirst(bytes.count - limit) }
    }
  }

  /// Forgets the bytes kept.
  func clear() {
    bytes.withLock { $0.removeAll(keepingCapacity: true) }
  }

  /// Returns and forgets the bytes kept (the last `limit` ones).
  func take() -> [UInt8] {
    bytes.withLock { bytes in
      defer { bytes.removeAll() }
      return Array(bytes.suffix(limit))
    }
  }
}
