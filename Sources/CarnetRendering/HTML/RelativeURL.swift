/// Relative URL references to files, for links between a book's pages.
enum RelativeURL {
  /// `path` as a relative URL reference: ASCII letters, digits, `-`, `.`, `_`, `~` and `/`
  /// stay, every other byte of its UTF-8 is percent-encoded (`mon cours#1.html` becomes
  /// `mon%20cours%231.html`), so that no name reads as a scheme, a query or a fragment, and
  /// the reference needs no further escaping in HTML or in a Markdown link.
  static func reference(toFile path: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(path.utf8.count)
    let hex = Array("0123456789ABCDEF".utf8)
    for byte in path.utf8 {
      if isKept(byte) {
        out.append(byte)
      } else {
        out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static func isKept(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      return true
    default:
      return "-._~/".utf8.contains(byte)
    }
  }
}
