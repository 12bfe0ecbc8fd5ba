import Foundation
import Synchronization

/// Works on many lessons at once: up to `jobs` lessons at a time, each on its own thread (and,
/// with a `ProcessCellRunner`, each lesson's cells in a worker process of its own), while the
/// caller receives the results one by one in the lessons' order. So what the caller writes and
/// prints, and in which order, is the same for any number of jobs.
package struct LessonBatch: Sendable {
  /// How many lessons are worked on at the same time (at least 1).
  package var jobs: Int

  /// A batch of `jobs` lessons at a time.
  package init(jobs: Int) {
    self.jobs = max(1, jobs)
  }

  /// Calls `work` on every lesson, up to `jobs` at a time on other threads (on this one when
  /// `jobs` is 1), and `deliver(index, result)` on this thread for each lesson in order, as soon
  /// as that lesson and the ones before it are done.
  package func run<Result: Sendable>(
    _ lessons: [Lesson], work: @escaping @Sendable (Lesson) -> Result,
    deliver: (Int, Result) -> Void
  ) {
    guard jobs > 1, lessons.count > 1 else {
      for (index, lesson) in lessons.enumerated() { deliver(index, work(lesson)) }
      return
    }
    let results = ResultSlots<Result>(count: lessons.count)
    let next = Atomic<Int>(0)
    for _ in 0..<min(jobs, lessons.count) {
      let thread = Thread {
        while true {
          let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
          guard index < lessons.count else { return }
          results.store(work(lessons[index]), at: index)
        }
      }
      thread.stackSize = 8 << 20  // cells run here with --in-process
      thread.start()
    }
    for index in lessons.indices { deliver(index, results.take(at: index)) }
  }
}

/// One slot per lesson, filled by the workers and emptied in order by the caller.
private final class ResultSlots<Result: Sendable>: Sendable {
  private let slots: Mutex<[Result?]>
  private let filled: [DispatchSemaphore]

  init(count: Int) {
    slots = Mutex(Array(repeating: nil, count: count))
    filled = (0..<count).map { _ in DispatchSemaphore(value: 0) }
  }

  func store(_ result: Result, at index: Int) {
    slots.withLock { $0[index] = result }
    filled[index].signal()
  }

  /// Waits until the slot is filled, then empties it.
  func take(at index: Int) -> Result {
    filled[index].wait()
    return slots.withLock { slots in
      defer { slots[index] = nil }
      guard let result = slots[index] else { preconditionFailure("slot \(index) signalled empty") }
      return result
    }
  }
}
