/// The life of each task of one cell, in simulated time: when it was created, when it ran, when
/// it slept, when it was cancelled and when it ended. Drawn under the cell in HTML output.
///
/// Jobs take no simulated time, so a task "runs" at instants (`runs`); between its creation and
/// its end it is otherwise sleeping (`sleeps`) or waiting (for a child, a stream, a continuation).
package struct TaskTimeline: Hashable, Sendable {
  /// A sleeping interval of one task.
  package struct Sleep: Hashable, Sendable {
    /// When the task started sleeping.
    package var start: Duration
    /// When it woke up (its deadline, or the moment it was cancelled).
    package var end: Duration
    /// True when the sleep was cut short by cancellation.
    package var wasCancelled: Bool

    /// Creates a sleep interval.
    package init(start: Duration, end: Duration, wasCancelled: Bool = false) {
      self.start = start
      self.end = end
      self.wasCancelled = wasCancelled
    }
  }

  /// One task's lane.
  package struct Lane: Hashable, Sendable {
    /// The name the cell's code gave the task (`Task(name:)`, `group.addTask(name:)`), nil when
    /// it has none: then the lane is named by its place, in the page's language
    /// (`generatedName(lane:task:)`).
    package var name: String?
    /// When the task first ran.
    package var created: Duration
    /// When the task last ran: its end when `finished`, else the last time it was seen.
    package var ended: Duration
    /// False when the task was still suspended when the cell ended (stall, timeout).
    package var finished: Bool
    /// When the task was cancelled, if it was.
    package var cancelled: Duration?
    /// The instants at which the task ran, ascending, without repeats.
    package var runs: [Duration]
    /// The task's sleeps, in order.
    package var sleeps: [Sleep]

    /// Creates a lane.
    package init(
      name: String?, created: Duration, ended: Duration, finished: Bool,
      cancelled: Duration? = nil, runs: [Duration] = [], sleeps: [Sleep] = []
    ) {
      self.name = name
      self.created = created
      self.ended = ended
      self.finished = finished
      self.cancelled = cancelled
      self.runs = runs
      self.sleeps = sleeps
    }
  }

  /// One lane per task, in the order the tasks first ran (the cell's main task first).
  package var lanes: [Lane]
  /// The cell's total simulated time.
  package var duration: Duration

  /// Creates a timeline.
  package init(lanes: [Lane], duration: Duration) {
    self.lanes = lanes
    self.duration = duration
  }

  /// The name of lane `index` when its task has none: `main` for the cell's own task (the first
  /// lane), else `task` (the word for one task, in a language) and the lane's number from 1,
  /// `task 2`. `main` is kept in every language: it is the name the stall report gives that task.
  package static func generatedName(lane index: Int, task: String) -> String {
    index == 0 ? "main" : "\(task) \(index + 1)"
  }
}
