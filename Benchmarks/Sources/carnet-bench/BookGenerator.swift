/// Generates a long lesson ("book"): headings, prose with inline markup, lists, block quotes,
/// untagged code blocks, and one cell per kilobyte or so, each running a trivial example.
/// The same arguments always give the same bytes.
enum BookGenerator {
  /// About how many bytes one cell and the prose around it take.
  static let bytesPerCell = 1000

  /// A book of about `bytes` bytes, with one cell per `bytesPerCell` bytes (at least one).
  /// With `cellID`, every cell names that example (e.g. `hello`, which the real `carnet`
  /// binary registers); otherwise cells take `BenchExamples.bookIDs` in turn.
  static func book(bytes: Int, cellID: String? = nil) -> String {
    let cells = max(1, bytes / bytesPerCell)
    var text = "# Un long livre généré\n\nCe livre sert à mesurer Carnet sur un long texte.\n\n"
    text.reserveCapacity(cells * bytesPerCell + 1024)
    for index in 0..<cells {
      text += unit(index, cellID: cellID)
    }
    return text
  }

  /// The code each example shows, by cell ID (what `BenchExamples.book` runs).
  private static let code: [String: String] = [
    "book-hello": """
    print("Bonjour depuis une cellule Carnet !")
    """,
    "book-sleep": """
    try await Task.sleep(for: .milliseconds(500))
    print("réveillé après 0,5 s")
    """,
    "book-pair": """
    func attendre(_ nom: String, secondes: Double) async throws -> String {
      try await Task.sleep(for: .seconds(secondes))
      return nom
    }
    async let a = attendre("a", secondes: 1)
    async let b = attendre("b", secondes: 0.5)
    print(try await [a, b])
    """,
  ]

  private static let words = [
    "tâche", "boucle", "horloge", "attente", "suspension", "reprise", "groupe", "enfant",
    "annulation", "échéance", "file", "exécuteur", "priorité", "résultat", "erreur", "flux",
  ]

  /// One cell with the prose around it, about `bytesPerCell` bytes.
  private static func unit(_ index: Int, cellID: String?) -> String {
    var unit = ""
    if index % 10 == 0 {
      unit += "## Chapitre \(index / 10 + 1) : la concurrence, pas à pas\n\n"
    } else if index % 5 == 0 {
      unit += "### Exemple \(index + 1)\n\n"
    }
    unit += "Le paragraphe \(index) explique *pourquoi* une tâche attend : "
    unit += "`Task.sleep(for:)` la suspend sans bloquer le fil, et "
    unit +=
      "[la boucle d’événements](https://example.org/carnet/\(index)) reprend **la suivante**.\n"
    unit += "Une seconde ligne du même paragraphe parle de l’\(words[index % words.count]).\n\n"
    if index % 3 == 0 {
      unit += "- une **liste** à puces\n- avec `du code` en ligne\n- et un troisième point\n\n"
    }
    if index % 13 == 0 {
      unit += "> Une citation : « le temps simulé avance quand rien n’est prêt ».\n\n"
    }
    if index % 7 == 0 {
      unit += "```swift\n// Un bloc Swift sans `cell=` : de la prose, jamais exécuté.\n"
      unit += "let x = \(index)\n```\n\n"
    }
    let base = cellID ?? BenchExamples.bookIDs[index % BenchExamples.bookIDs.count]
    let body = code[base] ?? #"print("Bonjour depuis une cellule Carnet !")"#
    let id = "\(base)-\(index)"  // IDs are unique within a lesson
    if index % 50 == 49 {
      // A cell inside a list item: its output goes inside the item too.
      unit += "1. Dans une liste :\n\n   ```swift cell=\(id)\n"
      for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
        unit += line.isEmpty ? "\n" : "   \(line)\n"
      }
      unit += "   ```\n\n"
    } else {
      unit += "```swift cell=\(id)\n\(body)\n```\n\n"
    }
    var filler = "Pour finir,"
    var word = index
    while unit.utf8.count + filler.utf8.count < bytesPerCell - 2 {
      filler += " \(words[word % words.count])"
      word += 7
    }
    unit += filler + ".\n\n"
    return unit
  }
}
