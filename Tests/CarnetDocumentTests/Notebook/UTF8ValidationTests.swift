import Testing

@testable import CarnetDocument

@Suite("Notebook: UTF8Validation") struct UTF8ValidationTests {
  /// The byte-by-byte search (the check before macOS 26) finds the offset the standard
  /// library's check reports, on every text of up to three pieces, good or bad.
  @Test func bothChecksFindTheSameFirstBadByte() {
    let pieces: [[UInt8]] = [
      Array("a".utf8), Array("é".utf8), Array("€".utf8), Array("😀".utf8), [0x0A],
      [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82],
      [0x80], [0xF0, 0x9F],
    ]
    var texts: [[UInt8]] = [[]]
    var longest: [[UInt8]] = [[]]
    for _ in 1...3 {
      longest = longest.flatMap { text in pieces.map { text + $0 } }
      texts += longest
    }
    #expect(texts.count == 1 + 12 + 144 + 1_728)
    for bytes in texts {
      let valid = String(validating: bytes, as: UTF8.self) != nil
      let offset = UTF8Validation.firstInvalidOffset(in: bytes)
      #expect((offset == nil) == valid, "\(bytes)")
      #expect(UTF8Validation.firstInvalidOffsetByteByByte(in: bytes) == offset, "\(bytes)")
    }
  }
}
