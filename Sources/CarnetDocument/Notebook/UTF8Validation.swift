/// Finding where bytes stop being valid UTF-8.
enum UTF8Validation {
  /// The offset of the first byte of the first invalid UTF-8 sequence (overlong forms,
  /// surrogates, code points above U+10FFFF and truncated sequences are invalid), or nil when
  /// all the bytes are valid UTF-8.
  static func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
    if #available(macOS 26, *) {
      // Checked in place by the standard library, nothing copied.
      do {
        _ = try UTF8Span(validating: bytes.span)
        return nil
      } catch {
        return error.byteOffsets.lowerBound
      }
    }
    // Before macOS 26 (no UTF8Span): the standard library's check copies, the search is slow.
    guard String(validating: bytes, as: UTF8.self) == nil else { return nil }
    return firstInvalidOffsetByteByByte(in: bytes)
  }

  /// `firstInvalidOffset(in:)` found one byte at a time.
  static func firstInvalidOffsetByteByByte(in bytes: [UInt8]) -> Int? {
    var index = 0
    while index < bytes.count {
      guard let (length, secondRange) = sequence(startingWith: bytes[index]),
        index + length <= bytes.count
      else { return index }
      for position in 1..<length {
        let range = position == 1 ? secondRange : 0x80...0xBF
        guard range.contains(bytes[index + position]) else { return index }
      }
      index += length
    }
    return nil
  }

  /// The length of the sequence a lead byte starts, and the range allowed for its second byte.
  private static func sequence(startingWith lead: UInt8) -> (Int, ClosedRange<UInt8>)? {
    switch lead {
    case 0x00...0x7F: (1, 0x80...0xBF)
    case 0xC2...0xDF: (2, 0x80...0xBF)
    case 0xE0: (3, 0xA0...0xBF)
    case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80...0xBF)
    case 0xED: (3, 0x80...0x9F)
    case 0xF0: (4, 0x90...0xBF)
    case 0xF1...0xF3: (4, 0x80...0xBF)
    case 0xF4: (4, 0x80...0x8F)
    default: nil
    }
  }
}
