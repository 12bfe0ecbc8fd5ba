import Testing

@testable import Carnet
@testable import CarnetDocument

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
    #expect(timeline.lanes.map(\.name) == ["main", "Tâche 1", "Tâche 2", "Tâche 3"])
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
    #expect(timeline.lanes.map(\.name) == ["main", "task 2"])
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
    #expect(TimelineRecorder.taskID(in: "something else") == 0)
  }
}
