/// Every registered example, looked up by ID.
public struct ExampleRegistry: Sendable {
  /// The examples in registration order, fixtures last.
  public let examples: [Example]
  /// IDs of examples that exist for Carnet's own tests; no lesson is expected to use them.
  public let fixtureIDs: Set<String>
  private let byID: [String: Example]

  /// Builds a registry; when an ID is registered twice, the first registration wins and the ID is
  /// listed in `duplicateIDs`.
  public init(_ examples: [Example], fixtures: [Example] = []) {
    let examples = examples + fixtures
    self.examples = examples
    self.fixtureIDs = Set(fixtures.map(\.id))
    var byID: [String: Example] = [:]
    for example in examples where byID[example.id] == nil { byID[example.id] = example }
    self.byID = byID
  }

  /// The example registered under `id`.
  public func example(id: String) -> Example? { byID[id] }

  /// IDs registered more than once.
  public var duplicateIDs: [String] {
    var seen: Set<String> = []
    var duplicates: [String] = []
    for example in examples where !seen.insert(example.id).inserted {
      if !duplicates.contains(example.id) { duplicates.append(example.id) }
    }
    return duplicates
  }

  /// The registered ID closest to `id` (edit distance at most 3), for "did you mean" hints.
  public func closestID(to id: String) -> String? {
    var best: (id: String, distance: Int)?
    for candidate in byID.keys.sorted() {
      let distance = EditDistance.between(id, candidate)
      if distance <= 3, distance < (best?.distance ?? .max) { best = (candidate, distance) }
    }
    return best?.id
  }
}
