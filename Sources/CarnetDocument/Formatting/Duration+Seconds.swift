extension Duration {
  /// Seconds with at least one and at most three decimals, locale-independent: `2.0s`, `1.25s`
  /// (a cell's `time=`, the runtime's messages).
  package var carnetSeconds: String { secondsText(minimumDecimals: 1, unit: "s") }

  /// The duration in seconds followed by `unit`, rounded to the nearest millisecond (halves away
  /// from zero), with `minimumDecimals` (0 to 3) to 3 decimals: the one formatting of durations
  /// that pages and messages show (`0 s`, `0.5 s`, `12 s` on a timeline's axis with 0; `0.08 s`
  /// for the time a command took, with 2).
  package func secondsText(minimumDecimals: Int, unit: StaticString) -> String {
    let (seconds, attoseconds) = components
    let total = Int128(seconds) * 1_000_000_000_000_000_000 + Int128(attoseconds)
    let milliseconds = (total.magnitude + 500_000_000_000_000) / 1_000_000_000_000_000
    // The milliseconds' three digits, then trailing zeros dropped down to `minimumDecimals`.
    var fraction = Int(milliseconds % 1000)
    var digits = 3
    while digits > minimumDecimals, fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(48)
    if total < 0 { bytes.append(UInt8(ascii: "-")) }
    let whole = milliseconds / 1000
    if let small = Int64(exactly: whole) {
      DecimalDigits.append(small, to: &bytes)
    } else {
      bytes += "\(whole)".utf8  // past 292 billion years
    }
    if digits > 0 {
      // `fraction` holds `digits` decimals: written with their leading zeros.
      var decimals: [UInt8] = []
      DecimalDigits.append(Int64(fraction), to: &decimals)
      bytes.append(UInt8(ascii: "."))
      bytes += repeatElement(UInt8(ascii: "0"), count: digits - decimals.count)
      bytes += decimals
    }
    unit.withUTF8Buffer { bytes += $0 }
    return String(decoding: bytes, as: UTF8.self)
  }
}
