/// Collects a cell's `TaskTimeline` while its event loop runs: which task each job belongs to,
/// when tasks sleep and wake, and the names they give themselves.
///
/// A lane is a task of the cell, known by the task ID in its jobs' descriptions. The loop also
/// runs jobs that are no task's: an actor that a task calls is scheduled on the task's preferred
/// executor (the loop) as a job without a task ID (`UnownedJob(id: nil)`), which then runs the
/// jobs of every task queued on the actor, one after the other. Such a job opens no lane and is
/// no task's run: the tasks it serves ran on the loop at that same instant (jobs take no
/// simulated time, and a task reaches an actor from one of its own jobs and leaves it by another
/// one, since the loop's `sleep` is not actor-isolated). What is noted while it runs (a name
/// printed from an actor method) is attributed to no lane rather than to a wrong one.
struct TimelineRecorder {
  private struct LaneRecord {
    var name: String?
    var created: Duration
    var runs: [Duration]
    var sleeps: [TaskTimeline.Sleep] = []
    var openSleeps: [UInt64: Duration] = [:]
    var cancelled: Duration?
  }

  private var lanes: [LaneRecord] = []
  private var laneByTaskID: [UInt64: Int] = [:]
  private var laneBySleepToken: [UInt64: Int] = [:]
  private var currentLane: Int?
  private var probedLanes: [Int]?

  /// Notes that the job with `jobDescription` runs at `time`: a run of the task it names
  /// (`"...(id: N)"`), or of no task (`"...(id: nil)"`, such as an actor's job).
  mutating func jobWillRun(jobDescription: String, at time: Duration) {
    guard let taskID = Self.taskID(in: jobDescription) else {
      currentLane = nil
      return
    }
    defer {
      if let lane = currentLane, probedLanes?.contains(lane) == false { probedLanes?.append(lane) }
    }
    if let lane = laneByTaskID[taskID] {
      currentLane = lane
      if lanes[lane].runs.last != time { lanes[lane].runs.append(time) }
    } else {
      laneByTaskID[taskID] = lanes.count
      currentLane = lanes.count
      lanes.append(LaneRecord(created: time, runs: [time]))
    }
  }

  /// Names the task that is running now, unless it already has a name.
  mutating func nameCurrentTask(_ name: String?) {
    guard let name, let lane = currentLane, lanes[lane].name == nil else { return }
    lanes[lane].name = name
  }

  /// The running task starts sleeping at `time`; `token` identifies the sleep.
  mutating func sleepStarted(token: UInt64, at time: Duration, name: String?) {
    guard let lane = currentLane else { return }
    nameCurrentTask(name)
    laneBySleepToken[token] = lane
    lanes[lane].openSleeps[token] = time
  }

  /// The sleep `token` ends at `time`, at its deadline or cancelled.
  mutating func sleepEnded(token: UInt64, at time: Duration, cancelled: Bool) {
    guard let lane = laneBySleepToken.removeValue(forKey: token),
      let start = lanes[lane].openSleeps.removeValue(forKey: token)
    else { return }
    lanes[lane].sleeps.append(TaskTimeline.Sleep(start: start, end: time, wasCancelled: cancelled))
    if cancelled, lanes[lane].cancelled == nil { lanes[lane].cancelled = time }
  }

  /// Starts noting which lanes run.
  mutating func beginProbe() { probedLanes = [] }

  /// The names of the lanes that ran since `beginProbe`, in the order they first ran.
  mutating func endProbe() -> [String] {
    defer { probedLanes = nil }
    return (probedLanes ?? []).map { laneName($0) }
  }

  /// Every task is cancelled at `time` (the cell's task was cancelled at its time limit).
  mutating func cancelAll(at time: Duration) {
    for lane in lanes.indices where lanes[lane].cancelled == nil { lanes[lane].cancelled = time }
  }

  /// The timeline so far; `finished` tells whether the cell's tasks all completed.
  func timeline(duration: Duration, finished: Bool) -> TaskTimeline {
    let result = lanes.enumerated().map { index, record in
      let sleepsInOrder = record.sleeps.sorted { $0.start < $1.start }
      let stillSleeping = !record.openSleeps.isEmpty
      let lastSeen = max(record.runs.last ?? record.created, sleepsInOrder.last?.end ?? .zero)
      return TaskTimeline.Lane(
        name: record.name,
        created: record.created,
        ended: stillSleeping || !finished ? duration : lastSeen,
        finished: finished && !stillSleeping,
        cancelled: record.cancelled,
        runs: record.runs,
        sleeps: sleepsInOrder)
    }
    return TaskTimeline(lanes: result, duration: duration)
  }

  /// A lane's task name, or a stable generated one in English (for a stall's report).
  private func laneName(_ index: Int) -> String {
    lanes[index].name ?? TaskTimeline.generatedName(lane: index, task: "task")
  }

  /// The number after `id: ` in a job's description (`"UnownedJob(id: 42)"`), read from its
  /// UTF-8 bytes: this runs for every job, and Foundation's string search costs ten times more.
  /// Nil when there is none (`"UnownedJob(id: nil)"`: the job is not a task's).
  static func taskID(in description: String) -> UInt64? {
    var description = description
    return description.withUTF8 { bytes in
      let marker = idMarker
      var index = 0
      while index + marker.count <= bytes.count,
        !marker.indices.allSatisfy({ bytes[index + $0] == marker[$0] })
      {
        index += 1
      }
      index += marker.count
      var value: UInt64?
      while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
        value = (value ?? 0) &* 10 &+ UInt64(bytes[index] - UInt8(ascii: "0"))
        index += 1
      }
      return value
    }
  }

  private static let idMarker = Array("id: ".utf8)
}
