import CarnetDocument

/// Highlights Swift source as HTML: escaped text with each token of `SwiftLexer` in a
/// `<span class="tok-KIND">` (`tok-kw`, `tok-str`, `tok-interp`, `tok-com`, `tok-num`,
/// `tok-type`, `tok-attr`). Spans never nest and never cross a token's bounds, so the result is
/// well-formed inside any element.
enum SwiftHighlighter {
  /// The CSS class of each token kind.
  static func cssClass(_ kind: SwiftToken.Kind) -> String {
    switch kind {
    case .keyword: "tok-kw"
    case .string: "tok-str"
    case .interpolation: "tok-interp"
    case .comment: "tok-com"
    case .number: "tok-num"
    case .type: "tok-type"
    case .attribute: "tok-attr"
    }
  }

  /// `source` as highlighted HTML (without the surrounding `<pre><code>`).
  static func html(_ source: String) -> String {
    var out = HTMLBuffer(capacity: source.utf8.count * 2)
    append(source, tokens: SwiftLexer.tokens(in: source), to: &out)
    return out.string
  }

  /// Appends `source`, highlighted with its `SwiftLexer` tokens, to `out`.
  static func append(_ source: String, tokens: [SwiftToken], to out: inout HTMLBuffer) {
    let bytes = Array(source.utf8)
    var copied = 0
    for token in tokens {
      out.text(bytes: bytes[copied..<token.range.lowerBound])
      out.markup("<span class=\"\(cssClass(token.kind))\">")
      out.text(bytes: bytes[token.range])
      out.markup("</span>")
      copied = token.range.upperBound
    }
    out.text(bytes: bytes[copied...])
  }
}
