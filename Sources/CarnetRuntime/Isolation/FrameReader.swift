import Foundation

/// Reads `WireWriter` frames from a file descriptor, buffering what arrives.
struct FrameReader {
  /// What reading the next frame gave.
  enum Next {
    case frame(ArraySlice<UInt8>)
    case endOfFile
    case timedOut
    case malformed
  }

  private let fileDescriptor: Int32
  private var buffer: [UInt8] = []
  private var start = 0
  /// Where reads land, allocated once (a read per frame must not allocate and zero 64 KiB).
  private var chunk = [UInt8](repeating: 0, count: 65536)

  /// Reads from `fileDescriptor`.
  init(fileDescriptor: Int32) {
    self.fileDescriptor = fileDescriptor
  }

  /// The next frame, waiting at most until `deadline` (forever when nil).
  mutating func next(deadline: ContinuousClock.Instant? = nil) -> Next {
    while true {
      do {
        if let (payload, next) = try WireWriter.takeFrame(from: buffer, at: start) {
          start = next
          return .frame(payload)
        }
      } catch {
        return .malformed
      }
      if start > 0, start * 2 >= buffer.count {
        buffer.removeFirst(start)
        start = 0
      }
      if let deadline {
        let remaining = ContinuousClock.now.duration(to: deadline)
        guard remaining > .zero else { return .timedOut }
        var descriptor = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(clamping: remaining.components.seconds * 1000 + 1)
        guard poll(&descriptor, 1, min(milliseconds, 1000)) > 0 else { continue }
      }
      let count = read(fileDescriptor, &chunk, chunk.count)
      if count > 0 {
        buffer += chunk[..<count]
      } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
        return .endOfFile
      }
    }
  }
}
