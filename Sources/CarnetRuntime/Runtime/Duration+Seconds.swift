extension Duration {
  /// Seconds with at least one and at most three decimals, locale-independent: `2.0s`, `1.25s`.
  package var carnetSeconds: String {
    let (seconds, attoseconds) = components
    let totalMilliseconds =
      seconds * 1000 + (attoseconds + 500_000_000_000_000) / 1_000_000_000_000_000
    let magnitude = totalMilliseconds.magnitude
    // The milliseconds' three digits, then trailing zeros dropped down to one digit.
    var fraction = magnitude % 1000
    var digits = 3
    while digits > 1, fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(24)
    if totalMilliseconds < 0 { bytes.append(UInt8(ascii: "-")) }
    DecimalDigits.append(Int64(magnitude / 1000), to: &bytes)
    bytes.append(UInt8(ascii: "."))
    var divisor: UInt64 = digits == 3 ? 100 : digits == 2 ? 10 : 1
    while divisor > 0 {
      bytes.append(UInt8(ascii: "0") &+ UInt8(fraction / divisor % 10))
      divisor /= 10
    }
    bytes.append(UInt8(ascii: "s"))
    return String(decoding: bytes, as: UTF8.self)
  }
}
