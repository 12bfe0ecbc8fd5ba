/// The time axis of a drawn timeline: maps simulated instants to positions and picks round
/// tick instants, in integer arithmetic only, so that every drawing is the same on every
/// machine.
struct TimelineScale: Hashable, Sendable {
  /// The instant at the end of the axis: the timeline's duration, or 1 s when it is zero.
  let span: Duration
  /// True when the timeline takes no time: its only tick is 0.
  let isInstant: Bool
  /// `span` in `divisor`s of an attosecond.
  private let spanUnits: Int128
  /// Attoseconds per unit: 1, or 10¹² for spans over 10⁶ s (no overflow for any `Duration`).
  private let divisor: Int128

  /// A scale from 0 to `duration` (to 1 s when `duration` is not positive).
  init(duration: Duration) {
    isInstant = duration <= .zero
    span = isInstant ? .seconds(1) : duration
    let attoseconds = Self.attoseconds(span)
    divisor = attoseconds > 1_000_000_000_000_000_000_000_000 ? 1_000_000_000_000 : 1
    spanUnits = attoseconds / divisor
  }

  /// The position of `instant` on an axis `length` units long, rounded to the nearest unit and
  /// clamped to `0...length`.
  func position(of instant: Duration, length: Int) -> Int {
    Int((units(instant) * Int128(length) + spanUnits / 2) / spanUnits)
  }

  /// The cell of `instant` when the axis is cut into `count` equal cells: the cell whose
  /// interval `[i, i + 1) * span / count` holds it, clamped to `0..<count`.
  func cell(of instant: Duration, count: Int) -> Int {
    min(count - 1, Int(units(instant) * Int128(count) / spanUnits))
  }

  /// The first cell boundary at or after `instant`: `ceil(instant * count / span)`, clamped to
  /// `0...count`.
  func cellBoundary(atOrAfter instant: Duration, count: Int) -> Int {
    Int((units(instant) * Int128(count) + spanUnits - 1) / spanUnits)
  }

  /// Round tick instants from 0 to the span, at most `maximumIntervals + 1` of them: the
  /// smallest step among 1, 2 and 5 times a power of ten milliseconds that needs no more than
  /// `maximumIntervals` intervals. Only 0 when the timeline takes no time.
  func ticks(maximumIntervals: Int) -> [Duration] {
    guard !isInstant else { return [.zero] }
    let perMillisecond: Int128 = 1_000_000_000_000_000
    let spanAttoseconds = Self.attoseconds(span)
    let spanMilliseconds = (spanAttoseconds + perMillisecond - 1) / perMillisecond
    var step: Int128 = 1
    while spanMilliseconds > step * Int128(maximumIntervals) { step = Self.step(after: step) }
    var ticks: [Duration] = []
    var milliseconds: Int128 = 0
    while milliseconds * perMillisecond <= spanAttoseconds, ticks.count <= maximumIntervals {
      ticks.append(Duration(attoseconds: milliseconds * perMillisecond))
      milliseconds += step
    }
    return ticks
  }

  /// A duration in attoseconds.
  static func attoseconds(_ duration: Duration) -> Int128 {
    let (seconds, attoseconds) = duration.components
    return Int128(seconds) * 1_000_000_000_000_000_000 + Int128(attoseconds)
  }

  /// `instant` clamped to `0...span`, in units.
  private func units(_ instant: Duration) -> Int128 {
    max(0, min(spanUnits, Self.attoseconds(instant) / divisor))
  }

  /// The next round step: 1, 2, 5, 10, 20, 50...
  private static func step(after step: Int128) -> Int128 {
    var power: Int128 = 1
    while power * 10 <= step { power *= 10 }
    switch step / power {
    case 1: return 2 * power
    case 2: return 5 * power
    default: return 10 * power
    }
  }
}
