import Foundation
import Synchronization

/// Whether this process has seen a task that escaped its cell (an unstructured `Task {}` that
/// keeps running off the cell's event loop). Only then is it worth waiting, before a worker
/// exits, for late output to report.
public enum EscapedTasks {
  private static let seen = Atomic<Bool>(false)

  /// True once an escaped task was seen.
  public static var wereSeen: Bool { seen.load(ordering: .relaxed) }

  /// Notes that an escaped task is running.
  static func noteEscapedTask() { seen.store(true, ordering: .relaxed) }
}
