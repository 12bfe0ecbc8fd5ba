import CarnetDocument

/// The worker protocol's encoding: each message is a frame `LENGTH:PAYLOAD`, and a payload is a
/// sequence of tokens `LENGTH:BYTES` (netstrings). Hand-written because Foundation's JSON coders
/// cost half of a long lesson's render time; numbers and lengths are written as digits straight
/// into the frame's one buffer, without intermediate strings, and durations as their binary
/// components.
struct WireWriter {
  /// Room kept at the front of the buffer for the frame's length (at most 20 digits and `:`).
  private static let headerRoom = 21

  private var bytes: [UInt8]

  /// Starts an empty payload.
  init() {
    bytes = []
    bytes.reserveCapacity(256)
    for _ in 0..<Self.headerRoom { bytes.append(0) }
  }

  /// Appends one token.
  mutating func write(_ text: String) {
    let utf8 = text.utf8
    writeLength(utf8.count)
    bytes.append(contentsOf: utf8)
  }

  /// Appends an integer token.
  mutating func write(_ value: Int) {
    writeLength(DecimalDigits.count(of: Int64(value)))
    DecimalDigits.append(Int64(value), to: &bytes)
  }

  /// Appends a Boolean token (`1` or `0`).
  mutating func write(_ value: Bool) {
    bytes.append(UInt8(ascii: "1"))
    bytes.append(UInt8(ascii: ":"))
    bytes.append(UInt8(ascii: value ? "1" : "0"))
  }

  /// Appends a duration token: its seconds and attoseconds as two little-endian 64-bit
  /// integers (a netstring holds any bytes, and two stores cost less than up to 38 digits).
  mutating func write(_ value: Duration) {
    writeLength(WireReader.durationSize)
    appendBinary(value)
  }

  private mutating func appendBinary(_ value: Duration) {
    let (seconds, attoseconds) = value.components
    let start = bytes.count
    bytes += Self.durationRoom
    bytes.withUnsafeMutableBytes { raw in
      raw.storeBytes(of: seconds.littleEndian, toByteOffset: start, as: Int64.self)
      raw.storeBytes(of: attoseconds.littleEndian, toByteOffset: start + 8, as: Int64.self)
    }
  }

  /// The room one duration takes, appended in one copy and then written over.
  private static let durationRoom = [UInt8](repeating: 0, count: WireReader.durationSize)

  /// Appends a count token, then one token per string (read back by `WireReader.strings`).
  mutating func write(_ strings: [String]) {
    write(strings.count)
    for string in strings { write(string) }
  }

  /// Appends one token holding the durations, 16 bytes each (read back by
  /// `WireReader.durations`).
  mutating func write(_ durations: [Duration]) {
    writeLength(durations.count * WireReader.durationSize)
    for duration in durations { appendBinary(duration) }
  }

  /// Appends a floating-point token: the bits of `value`, so that it reads back exactly.
  mutating func write(_ value: Double) { write(Int(Int64(bitPattern: value.bitPattern))) }

  /// The payload framed as one message, in the same buffer: its length goes into the room kept
  /// at the front, and the unused part of that room is dropped.
  consuming func frame() -> [UInt8] {
    let colon = Self.headerRoom - 1
    var digits: [UInt8] = []
    DecimalDigits.append(Int64(bytes.count - Self.headerRoom), to: &digits)
    let start = colon - digits.count
    bytes.replaceSubrange(start..<colon, with: digits)
    bytes[colon] = UInt8(ascii: ":")
    bytes.removeFirst(start)
    return bytes
  }

  private mutating func writeLength(_ length: Int) {
    DecimalDigits.append(Int64(length), to: &bytes)
    bytes.append(UInt8(ascii: ":"))
  }

  /// Splits the first complete frame off `buffer` (from `start`), returning its payload and
  /// where the next frame starts; nil while the frame is incomplete; throws on garbage.
  static func takeFrame(
    from buffer: [UInt8], at start: Int
  ) throws(WireError) -> (payload: ArraySlice<UInt8>, next: Int)? {
    guard let content = try Netstring.content(in: buffer[...], at: start) else { return nil }
    return (buffer[content], content.upperBound)
  }
}

/// `LENGTH:BYTES`, the shape of both frames and tokens.
enum Netstring {
  /// The range of the content of the netstring starting at `start`; nil when `bytes` end
  /// before it does; throws when its length is not decimal digits.
  static func content(
    in bytes: ArraySlice<UInt8>, at start: Int
  ) throws(WireError) -> Range<Int>? {
    guard start >= bytes.startIndex else { throw WireError() }
    guard start <= bytes.endIndex else { return nil }
    let base = bytes.startIndex
    // Read through a pointer: a long lesson's messages hold millions of tokens.
    let found: (colon: Int, length: Int)? = try bytes.withUnsafeBufferPointer {
      (buffer) throws(WireError) in
      var index = start - base
      var length = 0
      while index < buffer.count, buffer[index] != UInt8(ascii: ":") {
        let digit = buffer[index] &- UInt8(ascii: "0")
        guard digit < 10, length < Int.max / 10 else { throw WireError() }
        length = length * 10 + Int(digit)
        index += 1
      }
      return index < buffer.count ? (base + index, length) : nil
    }
    guard let (colon, length) = found, length <= bytes.endIndex - (colon + 1) else { return nil }
    return (colon + 1)..<(colon + 1 + length)
  }
}

/// A malformed message.
struct WireError: Error {}

/// Reads the tokens of a payload in order.
struct WireReader {
  private let bytes: ArraySlice<UInt8>
  private var index: Int

  /// Reads `payload`.
  init(_ payload: ArraySlice<UInt8>) {
    bytes = payload
    index = payload.startIndex
  }

  /// The next token's bytes.
  private mutating func token() throws(WireError) -> ArraySlice<UInt8> {
    guard let content = try Netstring.content(in: bytes, at: index) else { throw WireError() }
    index = content.upperBound
    return bytes[content]
  }

  /// The next token as a string.
  mutating func string() throws(WireError) -> String {
    String(decoding: try token(), as: UTF8.self)
  }

  /// The next token as an integer.
  mutating func int() throws(WireError) -> Int {
    guard let value = DecimalDigits.parse(try token()), let int = Int(exactly: value) else {
      throw WireError()
    }
    return int
  }

  /// The next token as a Boolean: true when it is `1`.
  mutating func bool() throws(WireError) -> Bool {
    let token = try token()
    return token.count == 1 && token.first == UInt8(ascii: "1")
  }

  /// The next token as a floating-point number (its bits).
  mutating func double() throws(WireError) -> Double {
    Double(bitPattern: UInt64(bitPattern: Int64(try int())))
  }

  /// The bytes of a duration: seconds and attoseconds, 64 bits each.
  static let durationSize = 16

  /// The next token as a duration.
  mutating func duration() throws(WireError) -> Duration {
    let token = try token()
    guard token.count == Self.durationSize else { throw WireError() }
    return Self.duration(in: token, at: token.startIndex)
  }

  /// The next token as durations, 16 bytes each.
  mutating func durations() throws(WireError) -> [Duration] {
    let token = try token()
    guard token.count % Self.durationSize == 0 else { throw WireError() }
    return stride(from: token.startIndex, to: token.endIndex, by: Self.durationSize).map {
      Self.duration(in: token, at: $0)
    }
  }

  /// The duration in the 16 bytes of `bytes` from `start`.
  private static func duration(in bytes: ArraySlice<UInt8>, at start: Int) -> Duration {
    bytes.withUnsafeBytes { raw in
      let offset = start - bytes.startIndex
      let seconds = raw.loadUnaligned(fromByteOffset: offset, as: Int64.self)
      let attoseconds = raw.loadUnaligned(fromByteOffset: offset + 8, as: Int64.self)
      return Duration(
        secondsComponent: Int64(littleEndian: seconds),
        attosecondsComponent: Int64(littleEndian: attoseconds))
    }
  }

  /// A count token, then that many string tokens.
  mutating func strings() throws(WireError) -> [String] {
    try array { (reader: inout WireReader) throws(WireError) in try reader.string() }
  }

  /// `count` items read by `item`, after a count token.
  mutating func array<T>(_ item: (inout WireReader) throws(WireError) -> T) throws(WireError) -> [T]
  {
    let count = try int()
    // Every item takes two bytes at least (`0:`): a larger count is garbage.
    guard count >= 0, count <= (bytes.endIndex - index) / 2 else { throw WireError() }
    var items: [T] = []
    items.reserveCapacity(count)
    for _ in 0..<count { items.append(try item(&self)) }
    return items
  }
}
