import Synchronization

/// What a running cell's code reaches through a task-local value: its event loop (clock), its
/// transcript and its seeded random generator. The lessons module routes `print`, `Task.sleep`
/// and the random functions here, so the shown code stays plain Swift.
public final class CellContext: Sendable {
  /// The context of the cell the current task belongs to, if any.
  @TaskLocal public static var current: CellContext?

  /// The cell's event loop and clock.
  public let loop: EventLoop
  /// Where the cell's output goes.
  package let transcript: Transcript
  private let generator: Mutex<SeededGenerator>
  private let directOutput: (any DirectOutput)?

  private static let liveContexts = Mutex<[String: Int]>([:])

  /// Creates a context; what the cell writes to standard output without `print` comes from
  /// `directOutput`, when the process captures it.
  package init(
    loop: EventLoop, transcript: Transcript, generator: SeededGenerator,
    directOutput: (any DirectOutput)? = nil
  ) {
    self.loop = loop
    self.transcript = transcript
    self.generator = Mutex(generator)
    self.directOutput = directOutput
    Self.liveContexts.withLock { $0[transcript.cellID, default: 0] += 1 }
  }

  deinit {
    let cellID = transcript.cellID
    Self.liveContexts.withLock { live in
      live[cellID, default: 1] -= 1
      if live[cellID] == 0 { live[cellID] = nil }
    }
  }

  /// The cells whose context is still alive, sorted. Once its cell has ended, a context is only
  /// kept alive by tasks that escaped the cell (they inherited it), which may still print.
  package static var liveCells: [String] { liveContexts.withLock { $0.keys.sorted() } }

  /// Writes printed text to the cell's transcript (and names the running task in the timeline),
  /// after what the cell wrote to standard output directly since, so both keep their order.
  public func write(_ text: String) {
    if loop.recordsTimeline { loop.nameRunningTask(Task.name) }
    takeDirectOutput()
    transcript.write(text)
  }

  /// Moves what the cell wrote to standard output without `print` to its transcript.
  func takeDirectOutput() {
    guard let taken = directOutput?.take(), !taken.text.isEmpty || taken.droppedBytes > 0 else {
      return
    }
    transcript.write(taken.text, alsoDropped: taken.droppedBytes)
  }

  /// Text printed by a task that belongs to no cell: a `Task.detached` inherits nothing from the
  /// cell that started it, so its output cannot be placed; it is reported (as a warning naming the
  /// running cell, or the last one), never attached. Outside any run of Carnet, it is printed.
  public static func writeOutsideCells(_ text: String) {
    if !recordOutsideCells(text) { Swift.print(text, terminator: "") }
  }

  /// Records `text` as output from outside any cell's tasks, at the cell running (or the last
  /// one); false, and nothing recorded, before any cell ran.
  @discardableResult
  static func recordOutsideCells(_ text: String) -> Bool {
    guard let cellID = RunningCell.latest else { return false }
    LateOutputLog.shared.append(cellID: cellID, text: text, kind: .outsideItsTasks)
    return true
  }

  /// The next 64 bits of the cell's random sequence.
  package func nextRandom() -> UInt64 {
    generator.withLock { $0.next() }
  }
}

/// Bytes a cell wrote to standard output without `print` (`FileHandle.standardOutput`, `fputs`,
/// `write(1, ...)`), which a worker process captures.
package protocol DirectOutput: Sendable {
  /// What was written since the last call (whole UTF-8 characters), and how many bytes were
  /// dropped past the capture's bound.
  func take() -> (text: String, droppedBytes: Int)
}

/// The ID of the cell running in this process, or of the last one that ran.
enum RunningCell {
  private static let id = Mutex<String?>(nil)

  /// The cell running now, or the last one; nil before any cell ran.
  static var latest: String? { id.withLock { $0 } }

  /// Records that `cellID` starts.
  static func start(_ cellID: String) { id.withLock { $0 = cellID } }
}

/// A random number generator that draws from the current cell's seeded sequence, or from the
/// system outside a cell. Lessons pass it as `using:` in their shadowing random functions.
public struct CellRandomNumberGenerator: RandomNumberGenerator {
  /// Creates the proxy.
  public init() {}

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    if let context = CellContext.current { return context.nextRandom() }
    var system = SystemRandomNumberGenerator()
    return system.next()
  }
}
