import CarnetDocument
import Synchronization

// How each worker message and its parts are written as tokens (see `WireWriter`), and read back.

extension CellOptions {
  /// As the words of an info string (`expect=error timeout=2s`), read back by the parser of
  /// info strings: an option added there travels without a change here.
  func write(to writer: inout WireWriter) {
    writer.write(words.joined(separator: " "))
  }

  init(reading reader: inout WireReader) throws(WireError) {
    let text = try reader.string()
    if let known = Self.read.withLock({ $0.first { $0.words == text }?.options }) {
      self = known
      return
    }
    do {
      try self.init(words: text.split(separator: " ").map(String.init))
    } catch {
      throw WireError()
    }
    Self.read.withLock { read in
      if read.count >= Self.readLimit { read.removeAll() }
      read.append((text, self))
    }
  }

  /// The options read so far, with their words: parsing an info string costs as much as running
  /// a small cell, and the cells of a lesson share a few sets of options (looked up by
  /// comparing words, cheaper than hashing them).
  private static let read = Mutex<[(words: String, options: CellOptions)]>([])
  private static let readLimit = 16
}

extension CellRequest {
  /// The request as one frame.
  var frame: [UInt8] {
    var writer = WireWriter()
    writer.write(lessonName)
    writer.write(cellID)
    options.write(to: &writer)
    writer.write(clock.rawValue)
    writer.write(wallClockLimitSeconds)
    writer.write(recordsTimeline)
    writer.write(outputLimit)
    return writer.frame()
  }

  /// Reads a request from a frame's payload.
  init(payload: ArraySlice<UInt8>) throws(WireError) {
    var reader = WireReader(payload)
    lessonName = try reader.string()
    cellID = try reader.string()
    options = try CellOptions(reading: &reader)
    guard let clock = ClockMode(rawValue: try reader.string()) else { throw WireError() }
    self.clock = clock
    wallClockLimitSeconds = try reader.double()
    recordsTimeline = try reader.bool()
    outputLimit = try reader.int()
  }
}

extension CellRun.Ending {
  /// The first token of each ending, its number, written and read by the two functions below.
  private enum Tag: Int {
    case returned, threw, stalled, timedOut, exceededWallClock, crashed, didNotCompile, compiled
  }

  func write(to writer: inout WireWriter) {
    switch self {
    case .returned:
      writer.write(Tag.returned.rawValue)
    case .threw(let type, let description):
      writer.write(Tag.threw.rawValue)
      writer.write(type)
      writer.write(description)
    case .stalled(let time, let suspended):
      writer.write(Tag.stalled.rawValue)
      writer.write(time)
      writer.write(suspended)
    case .timedOut(let limit, let suspended):
      writer.write(Tag.timedOut.rawValue)
      writer.write(limit)
      writer.write(suspended)
    case .exceededWallClock(let seconds):
      writer.write(Tag.exceededWallClock.rawValue)
      writer.write(seconds)
    case .crashed(let signal, let message):
      writer.write(Tag.crashed.rawValue)
      writer.write(Int(signal))
      writer.write(message)
    case .didNotCompile(let diagnostics):
      writer.write(Tag.didNotCompile.rawValue)
      writer.write(diagnostics)
    case .compiled:
      writer.write(Tag.compiled.rawValue)
    }
  }

  init(reading reader: inout WireReader) throws(WireError) {
    switch Tag(rawValue: try reader.int()) {
    case .returned?:
      self = .returned
    case .threw?:
      self = .threw(type: try reader.string(), description: try reader.string())
    case .stalled?:
      self = .stalled(at: try reader.duration(), suspended: try reader.strings())
    case .timedOut?:
      self = .timedOut(limit: try reader.duration(), suspended: try reader.strings())
    case .exceededWallClock?:
      self = .exceededWallClock(seconds: try reader.double())
    case .crashed?:
      guard let signal = Int32(exactly: try reader.int()) else { throw WireError() }
      self = .crashed(signal: signal, message: try reader.string())
    case .didNotCompile?:
      self = .didNotCompile(diagnostics: try reader.string())
    case .compiled?:
      self = .compiled
    case nil:
      throw WireError()
    }
  }
}

extension TaskTimeline {
  func write(to writer: inout WireWriter) {
    writer.write(duration)
    writer.write(lanes.count)
    for lane in lanes {
      writer.write(lane.name != nil)
      if let name = lane.name { writer.write(name) }
      writer.write(lane.created)
      writer.write(lane.ended)
      writer.write(lane.finished)
      writer.write(lane.cancelled != nil)
      if let cancelled = lane.cancelled { writer.write(cancelled) }
      writer.write(lane.runs)
      writer.write(lane.sleeps.count)
      for sleep in lane.sleeps {
        writer.write(sleep.start)
        writer.write(sleep.end)
        writer.write(sleep.wasCancelled)
      }
    }
  }

  init(reading reader: inout WireReader) throws(WireError) {
    let duration = try reader.duration()
    let lanes = try reader.array { (reader: inout WireReader) throws(WireError) in
      Lane(
        name: try reader.bool() ? try reader.string() : nil, created: try reader.duration(),
        ended: try reader.duration(),
        finished: try reader.bool(), cancelled: try reader.bool() ? try reader.duration() : nil,
        runs: try reader.durations(),
        sleeps: try reader.array { (reader: inout WireReader) throws(WireError) in
          Sleep(
            start: try reader.duration(), end: try reader.duration(),
            wasCancelled: try reader.bool())
        })
    }
    self.init(lanes: lanes, duration: duration)
  }
}

extension CellRun {
  func write(to writer: inout WireWriter) {
    writer.write(cellID)
    writer.write(output)
    ending.write(to: &writer)
    writer.write(simulatedTime)
    writer.write(timeline != nil)
    timeline?.write(to: &writer)
  }

  init(reading reader: inout WireReader) throws(WireError) {
    self.init(
      cellID: try reader.string(), output: try reader.string(),
      ending: try Ending(reading: &reader), simulatedTime: try reader.duration(),
      timeline: try reader.bool() ? try TaskTimeline(reading: &reader) : nil)
  }
}

extension WorkerMessage {
  /// The first token of each message, its number, written and read by the two functions below.
  private enum Tag: Int {
    case output, finished, closing
  }

  /// The message as one frame.
  var frame: [UInt8] {
    var writer = WireWriter()
    switch self {
    case .output(let text):
      writer.write(Tag.output.rawValue)
      writer.write(text)
    case .finished(let run, let late):
      writer.write(Tag.finished.rawValue)
      writer.write(run != nil)
      run?.write(to: &writer)
      Self.write(late, to: &writer)
    case .closing(let late):
      writer.write(Tag.closing.rawValue)
      Self.write(late, to: &writer)
    }
    return writer.frame()
  }

  /// Reads a message from a frame's payload.
  init(payload: ArraySlice<UInt8>) throws(WireError) {
    var reader = WireReader(payload)
    switch Tag(rawValue: try reader.int()) {
    case .output?:
      self = .output(try reader.string())
    case .finished?:
      let run = try reader.bool() ? try CellRun(reading: &reader) : nil
      self = .finished(run: run, lateOutput: try Self.readLate(&reader))
    case .closing?:
      self = .closing(lateOutput: try Self.readLate(&reader))
    case nil:
      throw WireError()
    }
  }

  private static func write(_ late: [LateOutputLog.Entry], to writer: inout WireWriter) {
    writer.write(late.count)
    for entry in late {
      writer.write(entry.cellID)
      writer.write(entry.text)
      writer.write(entry.kind.rawValue)
    }
  }

  private static func readLate(
    _ reader: inout WireReader
  ) throws(WireError) -> [LateOutputLog.Entry] {
    try reader.array { (reader: inout WireReader) throws(WireError) in
      let cellID = try reader.string()
      let text = try reader.string()
      guard let kind = LateOutputLog.Entry.Kind(rawValue: try reader.string()) else {
        throw WireError()
      }
      return LateOutputLog.Entry(cellID: cellID, text: text, kind: kind)
    }
  }
}
