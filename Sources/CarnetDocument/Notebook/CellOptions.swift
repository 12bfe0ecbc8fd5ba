/// The `key=value` options of a cell's info string, with their defaults.
public struct CellOptions: Hashable, Sendable {
  /// How a cell is expected to end (`expect=`).
  package enum Expectation: String, Hashable, Sendable, CaseIterable {
    // Raw values are the `expect=` words.
    /// The cell returns normally (no `expect=` option).
    case success
    /// `expect=error`: the cell must throw; its error is shown.
    case error
    /// `expect=stall`: the cell must stall (for lessons that show a deadlock).
    case stall
    /// `expect=timeout`: the cell must be cut by its simulated `timeout`.
    case timeout
    /// `expect=compile-error`: the cell must not compile; it is left out of the build, and the
    /// compiler's diagnostics are shown instead of an output.
    case compileError = "compile-error"
  }

  /// The simulated-time limit used when a cell gives no `timeout=`.
  package static let defaultTimeout: Duration = .seconds(3600)

  /// `shared=true`: the block declares types and functions that every cell of the lesson can
  /// use; it is compiled but never run, and has no output.
  package var isShared: Bool = false
  /// `expect=`: how the cell must end for the run to succeed.
  package var expectation: Expectation = .success
  /// `timeout=DURATION`: limit in simulated time, after which the cell is cancelled.
  package var timeout: Duration = CellOptions.defaultTimeout
  /// `seed=N`: seed of the cell's random generator; `nil` derives one from the cell ID.
  package var seed: UInt64? = nil
  /// `hide=code`: render only the output, not the code (for setup cells).
  package var hidesCode: Bool = false
  /// `timeline=true|false`: draw the cell's task timeline; `nil` lets each format decide (HTML
  /// draws it for cells with more than one task, Markdown only when asked).
  package var timeline: Bool? = nil

  /// Default options.
  public init() {}

  /// `expect=error`: the cell must throw.
  package var expectsError: Bool {
    get { expectation == .error }
    set { expectation = newValue ? .error : .success }
  }
}

extension CellOptions {
  /// The options that differ from the defaults, as `key=value` words in the order of
  /// `CellTag.knownKeys` (without `cell=`).
  public var words: [String] {
    var words: [String] = []
    if isShared { words.append("shared=true") }
    if expectation != .success { words.append("expect=\(expectation.rawValue)") }
    if timeout != Self.defaultTimeout { words.append("timeout=\(timeout.formattedForOptions)") }
    if let seed { words.append("seed=\(seed)") }
    if hidesCode { words.append("hide=code") }
    if let timeline { words.append("timeline=\(timeline)") }
    return words
  }
}

extension CellOptions {
  /// The options that `words` (as `words` writes them) give, read by the parser of info
  /// strings: the one way options are read, so what is written and read cannot drift (the
  /// worker protocol carries options this way).
  package init(words: [String]) throws {
    let tag = try CellTag.parse((["swift", "cell=x"] + words).joined(separator: " "))
    self = tag?.options ?? CellOptions()
  }
}

extension Duration {
  /// The duration as a `timeout=` value reads it back: whole seconds as `10s`, else `1.5s`.
  fileprivate var formattedForOptions: String {
    let (seconds, attoseconds) = components
    guard attoseconds != 0 else { return "\(seconds)s" }
    var fraction = String(attoseconds)
    fraction = String(repeating: "0", count: 18 - fraction.count) + fraction
    while fraction.hasSuffix("0") { fraction.removeLast() }
    return "\(seconds).\(fraction)s"
  }
}
