import Dispatch
import Foundation
import Synchronization

/// A value computed on another thread while the thread that started it goes on, then waits for
/// it: cmark's parse (under a time limit), the lint of a lesson, a lesson's early run.
package final class BackgroundWork<Value: Sendable>: Sendable {
  private let result = Mutex<Value?>(nil)
  private let done = DispatchSemaphore(value: 0)

  /// Starts `work` on `queue`.
  package init(on queue: DispatchQueue = .global(), _ work: @escaping @Sendable () -> Value) {
    queue.async { [self] in finish(work()) }
  }

  /// Starts `work` on a thread of its own with a stack of `stackSize` bytes (for cells, which
  /// may recurse deeply).
  package init(stackSize: Int, _ work: @escaping @Sendable () -> Value) {
    let thread = Thread { [self] in finish(work()) }
    thread.stackSize = stackSize
    thread.start()
  }

  /// The value, once computed; nil when `deadline` comes first (the work goes on, and the value
  /// can be waited for again).
  package func wait(until deadline: DispatchTime = .distantFuture) -> Value? {
    guard done.wait(timeout: deadline) == .success else { return nil }
    done.signal()  // for the next wait
    return result.withLock { $0 }
  }

  private func finish(_ value: Value) {
    result.withLock { $0 = value }
    done.signal()
  }
}
