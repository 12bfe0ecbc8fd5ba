/// A short digest of a text, to tell whether two texts are the same without keeping both: the
/// 64-bit FNV-1a hash of its UTF-8 bytes, in 16 hexadecimal digits. Not for security.
package enum Fingerprint {
  package static func hex(of text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
