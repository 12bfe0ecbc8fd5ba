/// Signed decimal numbers as ASCII digits, written and read without intermediate strings (the
/// worker's messages; the web page's coordinates).
package enum DecimalDigits {
  /// Appends the decimal digits of `value` (after a `-` when negative) to `bytes`. Not
  /// generic, so that other modules call it as it is (a page's charts write 400,000 numbers).
  package static func append(_ value: Int64, to bytes: inout [UInt8]) {
    // Written backwards on the stack, then appended at once. Int64.min takes 20 bytes.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
      var index = buffer.endIndex
      var rest = value.magnitude
      repeat {
        index -= 1
        buffer[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
        rest /= 10
      } while rest > 0
      if value < 0 {
        index -= 1
        buffer[index] = UInt8(ascii: "-")
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[index...]))
    }
  }

  /// How many bytes `append` writes for `value`.
  package static func count(of value: Int64) -> Int {
    var count = value < 0 ? 2 : 1
    var rest = value.magnitude
    while rest >= 10 {
      rest /= 10
      count += 1
    }
    return count
  }

  /// The number `digits` spell (an optional `-`, then at least one digit); nil for anything
  /// else, or a number out of range.
  package static func parse(_ digits: ArraySlice<UInt8>) -> Int64? {
    let negative = digits.first == UInt8(ascii: "-")
    let body = negative ? digits.dropFirst() : digits
    guard !body.isEmpty else { return nil }
    var value: Int64 = 0
    for byte in body {
      let digit = byte &- UInt8(ascii: "0")
      guard digit < 10 else { return nil }
      let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
      let (next, carry) = shifted.subtractingReportingOverflow(Int64(digit))
      guard !overflow, !carry else { return nil }
      value = next
    }
    // Accumulated as a negative number, so that Int64.min reads back.
    if negative { return value }
    return value == .min ? nil : -value
  }
}
