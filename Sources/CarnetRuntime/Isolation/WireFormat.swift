/// The worker protocol's encoding: each message is a frame `LENGTH:PAYLOAD`, and a payload is a
/// sequence of tokens `LENGTH:BYTES` (netstrings). Hand-written because Foundation's JSON coders
/// cost half of a long lesson's render time.
struct WireWriter {
  /// The bytes written so far.
  private(set) var bytes: [UInt8] = []

  /// Appends one token.
  mutating func write(_ text: String) {
    var text = text
    text.withUTF8 { Netstring.append($0, to: &bytes) }
  }

  /// Appends an integer token.
  mutating func write(_ value: Int) { write(String(value)) }

  /// Appends a Boolean token.
  mutating func write(_ value: Bool) { write(value ? "1" : "0") }

  /// Appends a duration token (`seconds,attoseconds`).
  mutating func write(_ value: Duration) {
    write("\(value.components.seconds),\(value.components.attoseconds)")
  }

  /// The payload framed as one message.
  var frame: [UInt8] {
    var frame: [UInt8] = []
    Netstring.append(bytes, to: &frame)
    return frame
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
  /// Appends `content` as a netstring.
  static func append(_ content: some Collection<UInt8>, to bytes: inout [UInt8]) {
    bytes += Array(String(content.count).utf8)
    bytes.append(UInt8(ascii: ":"))
    bytes += content
  }

  /// The range of the content of the netstring starting at `start`; nil when `bytes` end
  /// before it does; throws when its length is not decimal digits.
  static func content(
    in bytes: ArraySlice<UInt8>, at start: Int
  ) throws(WireError) -> Range<Int>? {
    var index = start
    var length = 0
    while index < bytes.endIndex, bytes[index] != UInt8(ascii: ":") {
      let digit = bytes[index] &- UInt8(ascii: "0")
      guard digit < 10, length < Int.max / 10 else { throw WireError() }
      length = length * 10 + Int(digit)
      index += 1
    }
    guard index < bytes.endIndex, length <= bytes.endIndex - (index + 1) else { return nil }
    return (index + 1)..<(index + 1 + length)
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

  /// The next token as a string.
  mutating func string() throws(WireError) -> String {
    guard let content = try Netstring.content(in: bytes, at: index) else { throw WireError() }
    index = content.upperBound
    return String(decoding: bytes[content], as: UTF8.self)
  }

  /// The next token as an integer.
  mutating func int() throws(WireError) -> Int {
    guard let value = Int(try string()) else { throw WireError() }
    return value
  }

  /// The next token as a Boolean.
  mutating func bool() throws(WireError) -> Bool { try string() == "1" }

  /// The next token as a duration.
  mutating func duration() throws(WireError) -> Duration {
    let parts = try string().split(separator: ",")
    guard parts.count == 2, let seconds = Int64(parts[0]), let attoseconds = Int64(parts[1])
    else { throw WireError() }
    return Duration(secondsComponent: seconds, attosecondsComponent: attoseconds)
  }

  /// A count token, then that many string tokens.
  mutating func strings() throws(WireError) -> [String] {
    try array { (reader: inout WireReader) throws(WireError) in try reader.string() }
  }

  /// A count token, then that many duration tokens.
  mutating func durations() throws(WireError) -> [Duration] {
    try array { (reader: inout WireReader) throws(WireError) in try reader.duration() }
  }

  /// `count` items read by `item`, after a count token.
  mutating func array<T>(_ item: (inout WireReader) throws(WireError) -> T) throws(WireError) -> [T]
  {
    let count = try int()
    guard count >= 0 else { throw WireError() }
    var items: [T] = []
    for _ in 0..<count { items.append(try item(&self)) }
    return items
  }
}
