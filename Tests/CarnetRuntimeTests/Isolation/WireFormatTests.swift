import Testing

@testable import CarnetDocument
@testable import CarnetRuntime

@Suite struct WireFormatTests {
  private func roundTrip(_ message: WorkerMessage) throws -> WorkerMessage {
    let frame = message.frame
    let (payload, next) = try #require(try WireWriter.takeFrame(from: frame, at: 0))
    #expect(next == frame.count)
    return try WorkerMessage(payload: payload)
  }

  @Test(arguments: [
    CellRun.Ending.returned,
    .threw(type: "TimeoutError", description: "délai dépassé : 2.5 s\nligne 2"),
    .stalled(at: .milliseconds(1500), suspended: ["main", "consommateur"]),
    .timedOut(limit: .seconds(30), suspended: []),
    .exceededWallClock(seconds: 0.5),
    .crashed(signal: 4, message: "Fatal error: 12:34"),
  ])
  func everyEndingSurvivesTheTrip(ending: CellRun.Ending) throws {
    let timeline = TaskTimeline(
      lanes: [
        .init(name: nil, created: .zero, ended: .seconds(2), finished: true),
        .init(
          name: "Tâche 1:", created: .zero, ended: .seconds(2), finished: false,
          cancelled: .seconds(1), runs: [.zero, .seconds(2)],
          sleeps: [.init(start: .zero, end: .seconds(1), wasCancelled: true)]),
      ], duration: .seconds(2))
    let run = CellRun(
      cellID: "c-1", output: "3:abc\n\u{0}🙂", ending: ending, simulatedTime: .seconds(2),
      timeline: timeline)
    let late = [
      LateOutputLog.Entry(cellID: "x", text: "tard", kind: .afterItEnded),
      LateOutputLog.Entry(cellID: "y", text: "dehors", kind: .outsideItsTasks),
    ]
    guard
      case .finished(let back, let lateBack) = try roundTrip(.finished(run: run, lateOutput: late))
    else {
      Issue.record("expected a finished message")
      return
    }
    #expect(back == run)
    #expect(lateBack == late)
  }

  @Test func requestsSurviveTheTrip() throws {
    var options = CellOptions()
    options.expectation = .timeout
    options.timeout = .milliseconds(2500)
    options.seed = 42
    options.hidesCode = true
    options.timeline = false
    let request = CellRequest(
      lessonName: "demo", cellID: "gather", options: options, clock: .real,
      wallClockLimitSeconds: 0.25,
      recordsTimeline: true, outputLimit: 1000)
    let frame = request.frame
    let (payload, _) = try #require(try WireWriter.takeFrame(from: frame, at: 0))
    let back = try CellRequest(payload: payload)
    #expect(back.lessonName == "demo")
    #expect(back.cellID == "gather")
    #expect(back.options == options)
    #expect(back.clock == .real)
    #expect(back.wallClockLimitSeconds == 0.25)
    #expect(back.outputLimit == 1000)
    // Every option differs from its default in one of the samples that travel (a shared block
    // takes no other option), so a new option left out of this test fails it.
    var shared = CellOptions()
    shared.isShared = true
    let sharedBack = try CellRequest(
      payload: try #require(
        try WireWriter.takeFrame(
          from: CellRequest(
            lessonName: "demo", cellID: "outils", options: shared, clock: .virtual,
            wallClockLimitSeconds: 1, recordsTimeline: false, outputLimit: 1
          ).frame, at: 0)
      ).0)
    #expect(sharedBack.options == shared)
    let values = { (options: CellOptions) in
      Mirror(reflecting: options).children.map { ($0.label ?? "?", String(describing: $0.value)) }
    }
    for ((label, unset), ((_, run), (_, block))) in zip(
      values(CellOptions()), zip(values(options), values(shared)))
    {
      #expect(unset != run || unset != block, "option \(label) keeps its default in this test")
    }
  }

  @Test func framesArriveInPieces() throws {
    let frames = WorkerMessage.output("un").frame + WorkerMessage.output("deux").frame
    #expect(try WireWriter.takeFrame(from: Array(frames.prefix(3)), at: 0) == nil)
    let (first, next) = try #require(try WireWriter.takeFrame(from: frames, at: 0))
    let (second, end) = try #require(try WireWriter.takeFrame(from: frames, at: next))
    #expect(end == frames.count)
    guard case .output("un") = try WorkerMessage(payload: first),
      case .output("deux") = try WorkerMessage(payload: second)
    else {
      Issue.record("frames decoded wrongly")
      return
    }
  }

  @Test func garbageIsRejected() {
    #expect(throws: WireError.self) { try WireWriter.takeFrame(from: Array("x1:a".utf8), at: 0) }
    #expect(throws: WireError.self) { try WorkerMessage(payload: Array("5:bogus".utf8)[...]) }
    #expect(throws: WireError.self) { try WorkerMessage(payload: Array("6:output9:ab".utf8)[...]) }
  }
  @Test func numbersAndStringsSurviveTheTripExactly() throws {
    let ints = [0, 9, 10, -1, -10, Int.max, Int.min]
    let durations: [Duration] = [
      .zero, .nanoseconds(1), .seconds(-2), .milliseconds(-1500),
      Duration(secondsComponent: .max, attosecondsComponent: 999_999_999_999_999_999),
      Duration(secondsComponent: .min, attosecondsComponent: 0),
    ]
    let doubles = [0.1, -0.0, 1e300, -.infinity, .leastNonzeroMagnitude]
    let strings = ["", "a", "123456789", "déjà 🙂", "0:1,2"]
    var writer = WireWriter()
    for value in ints { writer.write(value) }
    writer.write(durations)
    for value in doubles { writer.write(value) }
    writer.write(strings)
    writer.write(true)
    writer.write(false)
    let frame = writer.frame()
    let (payload, next) = try #require(try WireWriter.takeFrame(from: frame, at: 0))
    #expect(next == frame.count)
    var reader = WireReader(payload)
    for value in ints { #expect(try reader.int() == value) }
    #expect(try reader.durations() == durations)
    for value in doubles { #expect(try reader.double().bitPattern == value.bitPattern) }
    #expect(try reader.strings() == strings)
    #expect(try reader.bool() == true)
    #expect(try reader.bool() == false)
  }

  @Test(arguments: [1, 8, 9, 10, 98, 99, 100, 1000])
  func aFrameSaysItsLength(payloadLength: Int) throws {
    var writer = WireWriter()
    // A token of n bytes takes n + 2 bytes (one-digit length) up to 9, n + 3 up to 99...
    writer.write(String(repeating: "x", count: max(0, payloadLength - 2)))
    let frame = writer.frame()
    let (payload, next) = try #require(try WireWriter.takeFrame(from: frame, at: 0))
    #expect(next == frame.count)
    #expect(
      Array(frame.prefix(while: { $0 != UInt8(ascii: ":") })) == Array("\(payload.count)".utf8))
  }

  @Test(arguments: ["", "-", "+1", "1a", "--1", "9223372036854775808", "99999999999999999999"])
  func aMalformedNumberIsRejected(token: String) {
    let payload = Array("\(token.utf8.count):\(token)".utf8)[...]
    #expect(throws: WireError.self) {
      var reader = WireReader(payload)
      _ = try reader.int()
    }
  }

  @Test(arguments: [0, 1, 15, 17, 32])
  func aDurationOfAnotherSizeIsRejected(size: Int) {
    let payload = (Array("\(size):".utf8) + repeatElement(UInt8(ascii: "0"), count: size))[...]
    #expect(throws: WireError.self) {
      var reader = WireReader(payload)
      _ = try reader.duration()
    }
  }

  @Test(arguments: [1, 15, 17, 33])
  func durationsOfAnotherSizeAreRejected(size: Int) {
    let payload = (Array("\(size):".utf8) + repeatElement(UInt8(ascii: "0"), count: size))[...]
    #expect(throws: WireError.self) {
      var reader = WireReader(payload)
      _ = try reader.durations()
    }
  }

  @Test func aCountLargerThanThePayloadIsRejected() {
    #expect(throws: WireError.self) {
      var reader = WireReader(Array("3:1001:a1:b".utf8)[...])
      _ = try reader.strings()
    }
    var reader = WireReader(Array("1:21:a1:b".utf8)[...])
    #expect((try? reader.strings()) == ["a", "b"])
  }
  @Test func optionsReadAgainAreReadAlike() throws {
    var timeout = CellOptions()
    timeout.expectation = .timeout
    var seeded = CellOptions()
    seeded.seed = 7
    let samples = [timeout, seeded, CellOptions(), timeout, seeded, CellOptions()]
    for options in samples {
      let request = CellRequest(
        lessonName: "l", cellID: "c", options: options, clock: .virtual,
        wallClockLimitSeconds: 1, recordsTimeline: false, outputLimit: 1)
      let frame = request.frame
      let (payload, _) = try #require(try WireWriter.takeFrame(from: frame, at: 0))
      #expect(try CellRequest(payload: payload).options == options)
    }
    // Words that do not parse are rejected every time, not remembered.
    for _ in 0..<2 {
      #expect(throws: WireError.self) {
        var reader = WireReader(Array("8:timeout=".utf8)[...])
        _ = try CellOptions(reading: &reader)
      }
    }
  }
}
