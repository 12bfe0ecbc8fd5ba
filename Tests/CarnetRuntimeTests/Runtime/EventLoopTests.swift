import CarnetTestSupport
import Testing

@testable import CarnetDocument
@testable import CarnetRuntime

private typealias Cell = CellTestSupport

@Suite struct EventLoopTests {
  @Test func readyJobsRunInFIFOOrder() {
    let run = Cell.run {
      await withTaskGroup(of: Void.self) { group in
        for index in 0..<3 {
          group.addTask {
            Cell.say("start \(index)")
            await Task.yield()
            Cell.say("after yield \(index)")
          }
        }
      }
    }
    #expect(
      run.output == """
        start 0
        start 1
        start 2
        after yield 0
        after yield 1
        after yield 2

        """)
    #expect(run.ending == .returned)
  }

  @Test func sleepersDueTogetherResumeInTheOrderTheyStartedSleeping() {
    let run = Cell.run {
      await withTaskGroup(of: Void.self) { group in
        group.addTask {
          try? await Cell.nap(.milliseconds(500))
          try? await Cell.nap(.milliseconds(1500))
          Cell.say("A (created first, slept second) at \(Cell.now.carnetSeconds)")
        }
        group.addTask {
          try? await Cell.nap(.seconds(2))
          Cell.say("B (created second, slept first) at \(Cell.now.carnetSeconds)")
        }
      }
    }
    #expect(
      run.output == """
        B (created second, slept first) at 2.0s
        A (created first, slept second) at 2.0s

        """)
    #expect(run.simulatedTime == .seconds(2))
  }

  @Test func clockIsSetBeforeSleepersResume() {
    let run = Cell.run {
      async let first: Void = {
        try await Cell.nap(.seconds(1))
        Cell.say("1: \(Cell.now.carnetSeconds)")
      }()
      async let second: Void = {
        try await Cell.nap(.milliseconds(1500))
        Cell.say("2: \(Cell.now.carnetSeconds)")
      }()
      _ = try await (first, second)
    }
    #expect(run.output == "1: 1.0s\n2: 1.5s\n")
  }

  @Test func threeConcurrentSleepsTakeTheLongestNotTheSum() {
    let run = Cell.run {
      await withTaskGroup(of: Void.self) { group in
        for seconds in [2.0, 1.0, 1.5] {
          group.addTask { try? await Cell.nap(.milliseconds(Int64(seconds * 1000))) }
        }
      }
    }
    #expect(run.simulatedTime == .seconds(2))
  }

  @Test func aCellWithNothingToRunAndNothingSleepingStalls() {
    let run = Cell.run {
      try await Cell.nap(.seconds(1))
      Cell.say("waiting forever")
      let (stream, _) = AsyncStream.makeStream(of: Int.self)
      for await _ in stream {}
    }
    #expect(run.output == "waiting forever\n")
    guard case .stalled(let time, let suspended) = run.ending else {
      Issue.record("expected a stall, got \(run.ending)")
      return
    }
    #expect(time == .seconds(1))
    #expect(!suspended.isEmpty)
    #expect(run.errorText?.hasPrefix("stalled at 1.0s") == true)
  }

  @Test func aStallNamesTheTasksStillSuspended() {
    let run = Cell.run {
      let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
      await withTaskGroup(of: Void.self) { group in
        group.addTask(name: "producteur") {
          Cell.say("produit 1")
          continuation.yield(1)  // but never finish()
        }
        group.addTask(name: "consommateur") {
          Cell.say("attend")
          for await value in stream { Cell.say("reçu \(value)") }
          Cell.say("jamais affiché : le flux n'est pas fini")
        }
      }
    }
    #expect(run.output == "produit 1\nattend\nreçu 1\n")
    #expect(run.ending == .stalled(at: .zero, suspended: ["main", "consommateur"]))
    #expect(
      run.errorText
        == "stalled at 0.0s: no task can run and none is sleeping; suspended: main, consommateur")
  }

  @Test func aStallNamesItsTasksEvenWithoutATimeline() {
    let runner = CellRunner(recordsTimelines: false)
    let cell = CompiledCell("stuck") {
      await withTaskGroup(of: Void.self) { group in
        group.addTask(name: "lecteur") {
          Cell.say("attend")
          let (stream, _) = AsyncStream.makeStream(of: Int.self)
          for await _ in stream {}
        }
      }
    }
    let run = runner.run(cell, options: CellOptions())
    #expect(run.ending == .stalled(at: .zero, suspended: ["main", "lecteur"]))
    #expect(run.output == "attend\n")
    #expect(run.timeline == nil)
  }

  @Test func aCellPastItsSimulatedTimeoutIsCancelled() {
    let run = Cell.run(timeout: .seconds(10)) {
      for step in 1... {
        Cell.say("step \(step)")
        try await Cell.nap(.seconds(4))
      }
    }
    #expect(run.output == "step 1\nstep 2\nstep 3\n")
    #expect(run.simulatedTime == .seconds(10))
    guard case .timedOut(let limit, _) = run.ending else {
      Issue.record("expected a timeout, got \(run.ending)")
      return
    }
    #expect(limit == .seconds(10))
  }

  @Test func cancellingASleeperWakesItAtOnce() {
    let run = Cell.run {
      await withTaskGroup(of: Void.self) { group in
        group.addTask {
          do {
            try await Cell.nap(.seconds(100))
          } catch {
            Cell.say("cancelled at \(Cell.now.carnetSeconds): \(type(of: error))")
          }
        }
        try? await Cell.nap(.seconds(1))
        group.cancelAll()
      }
    }
    #expect(run.output == "cancelled at 1.0s: CancellationError\n")
    #expect(run.simulatedTime == .seconds(1))
  }

  @Test func aThrownErrorIsRecordedWithItsType() {
    struct Oops: Error, CustomStringConvertible { var description: String { "it broke" } }
    let run = Cell.run {
      Cell.say("before")
      throw Oops()
    }
    #expect(run.output == "before\n")
    #expect(run.ending == .threw(type: "Oops", description: "it broke"))
    #expect(run.errorText == "Oops: it broke")
  }

  @Test func realTimeModeGivesTheSameOrder() {
    let body: @Sendable () async throws -> Void = {
      await withTaskGroup(of: Void.self) { group in
        for (name, milliseconds) in [("slow", 30), ("fast", 10), ("middle", 20)] {
          group.addTask {
            try? await Cell.nap(.milliseconds(milliseconds))
            Cell.say(name)
          }
        }
      }
    }
    let simulated = Cell.run("order", body)
    let real = Cell.run("order", clock: .real, body)
    #expect(simulated.output == "fast\nmiddle\nslow\n")
    #expect(real.output == simulated.output)
    #expect(real.simulatedTime >= .milliseconds(30))
  }

  @Test func aLongSimulatedLessonIsNotSlowedByItsSleeps() {
    let run = Cell.run {
      for _ in 0..<60 { try await Cell.nap(.seconds(60)) }
    }
    #expect(run.simulatedTime == .seconds(3600))
    #expect(run.ending == .returned)
  }
}
