/// A JSON value, and its text exactly as nbformat writes a notebook: as Python's
/// `json.dumps(value, indent=1, sort_keys=True, separators=(",", ": "), ensure_ascii=False)`.
///
/// Objects' keys are sorted by code point (their UTF-8 bytes); every array and object that is
/// not empty has one member per line, indented by one space per level; non-ASCII characters
/// are written as UTF-8; `"`, `\` and control characters are escaped, the latter as `\n`,
/// `\r`, `\t`, `\b`, `\f` or `\u00XX` (lowercase). So the same value always gives the same
/// bytes.
enum JSONValue: Hashable, Sendable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A whole number.
  case integer(Int)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object; its keys are written sorted.
  case object([String: JSONValue])

  /// The value's JSON text, without a final line ending.
  var text: String {
    var out: [UInt8] = []
    write(to: &out, depth: 0)
    return String(decoding: out, as: UTF8.self)
  }

  private func write(to out: inout [UInt8], depth: Int) {
    switch self {
    case .null:
      out += "null".utf8
    case .bool(let value):
      out += (value ? "true" : "false").utf8
    case .integer(let value):
      out += String(value).utf8
    case .string(let value):
      Self.write(string: value, to: &out)
    case .array(let items):
      Self.writeMembers(of: items, open: "[", close: "]", depth: depth, to: &out) { item, out in
        item.write(to: &out, depth: depth + 1)
      }
    case .object(let members):
      let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      Self.writeMembers(of: keys, open: "{", close: "}", depth: depth, to: &out) { key, out in
        Self.write(string: key, to: &out)
        out += ": ".utf8
        members[key]?.write(to: &out, depth: depth + 1)
      }
    }
  }

  /// `[]` or `{}` when empty, else each member on its own line, then the closing bracket on
  /// a line indented like the opening one.
  private static func writeMembers<Member>(
    of members: [Member], open: Unicode.Scalar, close: Unicode.Scalar, depth: Int,
    to out: inout [UInt8], writeMember: (Member, inout [UInt8]) -> Void
  ) {
    out.append(UInt8(ascii: open))
    for (index, member) in members.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      out.append(UInt8(ascii: "\n"))
      out += repeatElement(UInt8(ascii: " "), count: depth + 1)
      writeMember(member, &out)
    }
    if !members.isEmpty {
      out.append(UInt8(ascii: "\n"))
      out += repeatElement(UInt8(ascii: " "), count: depth)
    }
    out.append(UInt8(ascii: close))
  }

  private static func write(string: String, to out: inout [UInt8]) {
    let hex = Array("0123456789abcdef".utf8)
    out.append(UInt8(ascii: "\""))
    for byte in string.utf8 {
      switch byte {
      case UInt8(ascii: "\""): out += #"\""#.utf8
      case UInt8(ascii: "\\"): out += #"\\"#.utf8
      case 0x0A: out += #"\n"#.utf8
      case 0x0D: out += #"\r"#.utf8
      case 0x09: out += #"\t"#.utf8
      case 0x08: out += #"\b"#.utf8
      case 0x0C: out += #"\f"#.utf8
      case 0x00..<0x20: out += #"\u00"#.utf8 + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
      default: out.append(byte)
      }
    }
    out.append(UInt8(ascii: "\""))
  }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  init(stringLiteral value: String) { self = .string(value) }

  init(integerLiteral value: Int) { self = .integer(value) }

  init(booleanLiteral value: Bool) { self = .bool(value) }

  init(arrayLiteral elements: JSONValue...) { self = .array(elements) }

  /// An object; a key given twice keeps its last value.
  init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(Dictionary(elements, uniquingKeysWith: { $1 }))
  }
}
