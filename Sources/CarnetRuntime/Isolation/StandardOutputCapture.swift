import Foundation
import Synchronization

/// The worker's standard output, captured: descriptor 1 becomes a pipe this process reads on a
/// thread of its own (so a cell writing much never blocks), and the running cell takes what
/// arrived before each of its prints and when it ends. What a cell writes with `FileHandle`,
/// `fputs` or `write(1, ...)` thus joins its output, in order with what it prints.
final class StandardOutputCapture: DirectOutput {
  private struct State {
    var bytes: [UInt8] = []
    var droppedBytes = 0
    /// Where reads land, allocated once: `take` runs before every print of a cell.
    var chunk = [UInt8](repeating: 0, count: 65536)
  }

  private let readEnd: Int32
  private let limit: Int
  private let state = Mutex(State())

  /// Points descriptor 1 at a new pipe whose reading end is `descriptor`, keeping at most `limit`
  /// bytes between takes; nil if the descriptors cannot be set up.
  init?(readingFrom descriptor: Int32, limit: Int) {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { return nil }
    guard dup2(ends[0], descriptor) >= 0, dup2(ends[1], STDOUT_FILENO) >= 0 else { return nil }
    close(ends[0])
    close(ends[1])
    _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    readEnd = descriptor
    self.limit = limit
    let thread = Thread { [self] in
      var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      while true {
        if poll(&waiting, 1, -1) < 0, errno != EINTR { return }
        if waiting.revents & Int16(POLLNVAL) != 0 { return }
        if !state.withLock({ readAvailable(into: &$0) }) { usleep(1000) }
      }
    }
    thread.start()
  }

  /// What was written since the last take, as whole UTF-8 characters (a character cut between
  /// two writes waits for its end).
  func take() -> (text: String, droppedBytes: Int) {
    fflush(nil)  // every stream: `stdout` itself is a global the compiler cannot check
    return state.withLock { state in
      _ = readAvailable(into: &state)
      var end = state.bytes.count
      var back = 0
      // Keep an unfinished character (at most 3 leading bytes) for the next take.
      while back < min(3, end), state.bytes[end - 1 - back] & 0xC0 == 0x80 { back += 1 }
      if back < end, state.bytes[end - 1 - back] >= 0xC0,
        Self.sequenceLength(state.bytes[end - 1 - back]) > back + 1
      {
        end -= back + 1
      }
      let text = String(decoding: state.bytes[..<end], as: UTF8.self)
      state.bytes.removeFirst(end)
      defer { state.droppedBytes = 0 }
      return (text, state.droppedBytes)
    }
  }

  /// Reads what the pipe holds now; false when it held nothing.
  private func readAvailable(into state: inout State) -> Bool {
    var readSomething = false
    while true {
      let count = read(readEnd, &state.chunk, state.chunk.count)
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { return readSomething }
      readSomething = true
      let room = max(0, limit - state.bytes.count)
      state.bytes += state.chunk[..<min(count, room)]
      state.droppedBytes += count - min(count, room)
    }
  }

  /// How many bytes the UTF-8 sequence that starts with `lead` has.
  private static func sequenceLength(_ lead: UInt8) -> Int {
    lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
  }
}
