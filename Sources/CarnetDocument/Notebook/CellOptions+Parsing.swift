/// Reading the values of a cell's `key=value` options.
extension CellOptions {
  /// Whether a cell ID is well-formed: lowercase ASCII letters, digits and hyphens, starting
  /// with a letter or a digit.
  static func isValidID(_ id: Substring) -> Bool {
    isValidID(utf8: id.utf8)
  }

  /// `isValidID` of an ID's UTF-8 bytes.
  static func isValidID<Bytes: Collection<UInt8>>(utf8 id: Bytes) -> Bool {
    guard let first = id.first, first != UInt8(ascii: "-") else { return false }
    return id.allSatisfy { isLowercaseLetterOrDigit($0) || $0 == UInt8(ascii: "-") }
  }

  /// The message for an ID that `isValidID` rejects.
  static func malformedIDMessage(_ id: Substring) -> String {
    let rule = "use lowercase letters, digits and hyphens"
    if id.utf8.allSatisfy({ isLowercaseLetterOrDigit($0) || $0 == UInt8(ascii: "-") }) {
      return "malformed cell ID '\(id)': \(rule), starting with a letter or digit"
    }
    return "malformed cell ID '\(id)': \(rule)"
  }

  /// A `seed=` value: a UInt64 written with decimal digits only.
  static func seed(from text: Substring) -> UInt64? {
    guard !text.isEmpty, text.utf8.allSatisfy(isDigit) else { return nil }
    return UInt64(text)
  }

  /// A `timeout=` value: a positive decimal number (`10`, `1.5`) followed by `ms`, `s`, `m` or
  /// `h`, read exactly. Nil when malformed, zero, too large, or finer than an attosecond.
  static func timeout(from text: Substring) -> Duration? {
    let units: [(suffix: String, attoseconds: Int128)] = [
      ("ms", 1_000_000_000_000_000), ("s", 1_000_000_000_000_000_000),
      ("m", 60_000_000_000_000_000_000), ("h", 3_600_000_000_000_000_000_000),
    ]
    guard let unit = units.first(where: { text.hasSuffix($0.suffix) }) else { return nil }
    let number = text.dropLast(unit.suffix.count)
    let parts = number.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    guard let whole = parts.first, !whole.isEmpty, whole.utf8.allSatisfy(isDigit) else {
      return nil
    }
    var fraction = parts.count == 2 ? parts[1] : ""
    guard parts.count == 1 || !fraction.isEmpty, fraction.utf8.allSatisfy(isDigit) else {
      return nil
    }
    while fraction.hasSuffix("0") { fraction = fraction.dropLast() }
    guard let total = attoseconds(whole: whole, fraction: fraction, unit: unit.attoseconds),
      total > 0
    else { return nil }
    let (seconds, attoseconds) = total.quotientAndRemainder(dividingBy: 1_000_000_000_000_000_000)
    guard let seconds = Int64(exactly: seconds), let attoseconds = Int64(exactly: attoseconds)
    else { return nil }
    return Duration(secondsComponent: seconds, attosecondsComponent: attoseconds)
  }

  /// `whole.fraction` units in attoseconds, or nil when it overflows or is not a whole number
  /// of attoseconds.
  private static func attoseconds(
    whole: Substring, fraction: Substring, unit: Int128
  ) -> Int128? {
    guard let wholeValue = decimal(whole), let fractionValue = decimal(fraction) else {
      return nil
    }
    var scale: Int128 = 1
    for _ in 0..<fraction.count {
      let (next, overflow) = scale.multipliedReportingOverflow(by: 10)
      guard !overflow else { return nil }
      scale = next
    }
    let (wholePart, overflow1) = wholeValue.multipliedReportingOverflow(by: unit)
    let (scaledFraction, overflow2) = fractionValue.multipliedReportingOverflow(by: unit)
    guard !overflow1, !overflow2, scaledFraction % scale == 0 else { return nil }
    let (total, overflow3) = wholePart.addingReportingOverflow(scaledFraction / scale)
    return overflow3 ? nil : total
  }

  /// The value of a string of decimal digits (0 for an empty one), or nil on overflow.
  private static func decimal(_ digits: Substring) -> Int128? {
    var value: Int128 = 0
    for digit in digits.utf8 {
      let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
      let (next, overflow2) = shifted.addingReportingOverflow(Int128(digit - UInt8(ascii: "0")))
      guard !overflow1, !overflow2 else { return nil }
      value = next
    }
    return value
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  private static func isLowercaseLetterOrDigit(_ byte: UInt8) -> Bool {
    isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
  }
}
