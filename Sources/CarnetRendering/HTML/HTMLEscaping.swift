/// Escaping text for HTML pages that are also well-formed XML.
enum HTMLEscaping {
  /// Appends UTF-8 `bytes` to `out` as HTML text or attribute content: `&`, `<`, `>`, `"` and
  /// `'` become references, and C0 control characters other than tab, line feed and carriage
  /// return (which XML forbids) become their visible Control Pictures symbol (`␛` for ESC).
  static func append(_ bytes: some Sequence<UInt8>, to out: inout [UInt8]) {
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
      case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
      case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
      case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
      case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
      case 0x09, 0x0A, 0x0D: out.append(byte)
      case 0x00..<0x20:
        // U+2400 + byte, in UTF-8: E2 90 (80 + byte).
        out.append(contentsOf: [0xE2, 0x90, 0x80 + byte])
      default: out.append(byte)
      }
    }
  }
}
