/// A short digest of a text, to tell whether two texts are the same without keeping both: the
/// 64-bit FNV-1a hash of its UTF-8 bytes, in 16 hexadecimal digits. Not for security.
package struct Fingerprint {
  private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

  /// The digest of no bytes; `add` feeds it more.
  package init() {}

  /// Feeds `bytes` to the digest: adding texts one after the other gives the digest of the
  /// texts joined.
  package mutating func add<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
    var hash = self.hash
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    self.hash = hash
  }

  /// The digest of the bytes added, as a number.
  package var value: UInt64 { hash }

  /// The digest of the bytes added, in 16 hexadecimal digits.
  package var hex: String {
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  /// The digest of `text`'s UTF-8 bytes.
  package static func hex(of text: String) -> String {
    var fingerprint = Fingerprint()
    fingerprint.add(text.utf8)
    return fingerprint.hex
  }
}
