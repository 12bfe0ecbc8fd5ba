import CarnetTestSupport
import Testing

@testable import CarnetDocument
@testable import CarnetRuntime

@Suite struct TimelineRecorderTests {
  @Test func threeSleepersGetALaneEachAndTheirSleeps() throws {
    let run = CellTestSupport.run {
      await withTaskGroup(of: Void.self) { group in
        for (index, seconds) in [2.0, 1.0, 1.5].enumerated() {
          group.addTask(name: "Tâche \(index + 1)") {
            CellTestSupport.say("début \(index + 1)")
            try? await CellTestSupport.nap(.milliseconds(Int64(seconds * 1000)))
          }
        }
      }
    }
    let timeline = try #require(run.timeline)
    #expect(timeline.duration == .seconds(2))
    #expect(timeline.lanes.map(\.name) == [nil, "Tâche 1", "Tâche 2", "Tâche 3"])
    let sleeps = timeline.lanes.dropFirst().map { $0.sleeps }
    #expect(
      sleeps == [
        [TaskTimeline.Sleep(start: .zero, end: .seconds(2))],
        [TaskTimeline.Sleep(start: .zero, end: .seconds(1))],
        [TaskTimeline.Sleep(start: .zero, end: .milliseconds(1500))],
      ])
    #expect(timeline.lanes.allSatisfy { $0.finished })
    #expect(timeline.lanes[2].ended == .seconds(1))
    #expect(timeline.lanes[0].ended == .seconds(2))
  }

  @Test func cancelledSleepsAndUnnamedTasksAreMarked() throws {
    let run = CellTestSupport.run {
      await withTaskGroup(of: Void.self) { group in
        group.addTask { try? await CellTestSupport.nap(.seconds(100)) }
        try? await CellTestSupport.nap(.seconds(1))
        group.cancelAll()
      }
    }
    let timeline = try #require(run.timeline)
    #expect(timeline.lanes.map(\.name) == [nil, nil])
    #expect(timeline.lanes[1].sleeps == [.init(start: .zero, end: .seconds(1), wasCancelled: true)])
    #expect(timeline.lanes[1].cancelled == .seconds(1))
  }

  @Test func timelineCanBeTurnedOff() {
    var options = CellOptions()
    options.timeline = false
    let run = CellRunner().run(CompiledCell("quiet") {}, options: options)
    #expect(run.timeline == nil)
  }

  @Test func taskIDsAreReadFromJobDescriptions() {
    #expect(TimelineRecorder.taskID(in: "UnownedJob(id: 42)") == 42)
    #expect(TimelineRecorder.taskID(in: "UnownedJob(id: nil)") == nil)
    #expect(TimelineRecorder.taskID(in: "something else") == nil)
  }

  @Test func anActorsJobsAreNoLanesAndWhatTasksDoThereStaysTheirs() throws {
    let run = CellTestSupport.run {
      let counter = TimelineTestCounter()
      await counter.add(sleeping: .zero)
      await withTaskGroup(of: Void.self) { group in
        for index in 1...2 {
          group.addTask(name: "worker \(index)") {
            await counter.add(sleeping: .seconds(Int64(index)))
            await counter.add(sleeping: .zero)
          }
        }
      }
    }
    #expect(run.output == "1 nil\n2 worker 1\n3 worker 2\n4 worker 1\n5 worker 2\n")
    let timeline = try #require(run.timeline)
    #expect(timeline.lanes.map(\.name) == [nil, "worker 1", "worker 2"])
    #expect(timeline.lanes[1].sleeps == [.init(start: .zero, end: .seconds(1))])
    #expect(timeline.lanes[2].sleeps == [.init(start: .zero, end: .seconds(2))])
    #expect(timeline.lanes[1].runs == [.zero, .seconds(1)])
  }

  @Test func aCellWhoseOnlyOtherExecutorIsAnActorHasOneLane() throws {
    let run = CellTestSupport.run {
      let counter = TimelineTestCounter()
      await counter.add(sleeping: .seconds(1))
      await counter.add(sleeping: .zero)
    }
    let timeline = try #require(run.timeline)
    #expect(timeline.lanes.map(\.name) == [nil])
    #expect(timeline.lanes[0].sleeps == [.init(start: .zero, end: .seconds(1))])
  }

  @Test func aStallDoesNotNameAnActorsJobAsATask() {
    let run = CellTestSupport.run {
      let counter = TimelineTestCounter()
      let (stream, _) = AsyncStream.makeStream(of: Int.self)
      for await _ in stream {}
      await counter.add(sleeping: .zero)  // runs when the stall's probe cancels the cell
    }
    #expect(run.ending == .stalled(at: .zero, suspended: ["main"]))
  }
}

/// An actor whose method prints the count and the calling task's name, and sleeps from
/// actor-isolated code.
private actor TimelineTestCounter {
  private var count = 0

  func add(sleeping duration: Duration) async {
    count += 1
    CellTestSupport.say("\(count) \(Task.name ?? "nil")")
    if duration > .zero { try? await CellTestSupport.nap(duration) }
  }
}
