import CarnetDocument

/// An HTML document under construction, as UTF-8 bytes.
struct HTMLBuffer {
  /// The bytes written so far.
  private(set) var bytes: [UInt8] = []

  /// Creates an empty buffer with room for `capacity` bytes.
  init(capacity: Int = 0) {
    bytes.reserveCapacity(capacity)
  }

  /// Appends literal markup (already valid HTML).
  mutating func markup(_ markup: String) {
    // Copied as one block when the string is contiguous UTF-8 (literals always are): appending
    // the UTF-8 view itself goes byte by byte.
    let copied: Void? = markup.utf8.withContiguousStorageIfAvailable {
      bytes.append(contentsOf: $0)
    }
    if copied == nil { bytes.append(contentsOf: markup.utf8) }
  }

  /// Appends literal markup given as UTF-8 bytes (already valid HTML, or text escaped before).
  mutating func markup(bytes markup: [UInt8]) {
    bytes.append(contentsOf: markup)
  }

  /// Lets `write` append literal markup (already valid HTML) to the bytes in place.
  mutating func markup(appending write: (inout [UInt8]) -> Void) {
    write(&bytes)
  }

  /// Appends `text`, escaped.
  mutating func text(_ text: String) {
    HTMLEscaping.append(text.utf8, to: &bytes)
  }

  /// Appends UTF-8 bytes, escaped.
  mutating func text(bytes text: some Sequence<UInt8>) {
    HTMLEscaping.append(text, to: &bytes)
  }

  /// `text` escaped, to be appended later with `markup(bytes:)` (as many times as needed).
  static func escaped(_ text: String) -> [UInt8] {
    var out = HTMLBuffer(capacity: text.utf8.count)
    out.text(text)
    return out.bytes
  }

  /// Appends `value / 100` with exactly two decimals: `1234` is `12.34`, `-5` is `-0.05`.
  mutating func hundredths(_ value: Int) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    let magnitude = value.magnitude
    DecimalDigits.append(Int64(magnitude / 100), to: &bytes)
    bytes.append(UInt8(ascii: "."))
    bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 100 / 10))
    bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
  }

  /// Appends `prefix` (such as ` x1="`), `value` in hundredths (see `hundredths`), then `"`.
  mutating func attribute(_ prefix: StaticString, hundredths value: Int) {
    prefix.withUTF8Buffer { bytes.append(contentsOf: $0) }
    hundredths(value)
    bytes.append(UInt8(ascii: "\""))
  }

  /// Appends a path's point `x y` (in hundredths), then the byte `next`.
  mutating func point(_ x: Int, _ y: Int, then next: Unicode.Scalar) {
    hundredths(x)
    bytes.append(UInt8(ascii: " "))
    hundredths(y)
    bytes.append(UInt8(ascii: next))
  }

  /// The document as a string.
  var string: String { String(decoding: bytes, as: UTF8.self) }
}
