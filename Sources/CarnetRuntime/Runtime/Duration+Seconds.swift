extension Duration {
  /// Seconds with at least one and at most three decimals, locale-independent: `2.0s`, `1.25s`.
  package var carnetSeconds: String {
    let (seconds, attoseconds) = components
    let totalMilliseconds =
      seconds * 1000 + (attoseconds + 500_000_000_000_000) / 1_000_000_000_000_000
    let sign = totalMilliseconds < 0 ? "-" : ""
    let magnitude = totalMilliseconds.magnitude
    var fraction = String(magnitude % 1000)
    fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
    while fraction.count > 1, fraction.hasSuffix("0") { fraction.removeLast() }
    return "\(sign)\(magnitude / 1000).\(fraction)s"
  }
}
