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
  public let transcript: Transcript
  private let generator: Mutex<SeededGenerator>

  private static let liveContexts = Atomic<Int>(0)

  /// Creates a context.
  public init(loop: EventLoop, transcript: Transcript, generator: SeededGenerator) {
    self.loop = loop
    self.transcript = transcript
    self.generator = Mutex(generator)
    Self.liveContexts.add(1, ordering: .relaxed)
  }

  deinit {
    Self.liveContexts.subtract(1, ordering: .relaxed)
  }

  /// How many cell contexts are still alive. Once its cell has ended, a context is only kept
  /// alive by tasks that escaped the cell (they inherited it), which may still print.
  public static var liveCount: Int { liveContexts.load(ordering: .relaxed) }

  /// Writes printed text to the cell's transcript (and names the running task in the timeline).
  public func write(_ text: String) {
    if loop.recordsTimeline { loop.nameRunningTask(Task.name) }
    transcript.write(text)
  }

  /// The next 64 bits of the cell's random sequence.
  public func nextRandom() -> UInt64 {
    generator.withLock { $0.next() }
  }
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
