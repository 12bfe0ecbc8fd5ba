import Carnet
import Foundation

/// The examples of `Notebooks/demo.md`, a short tour of what Carnet does with a cell.
enum DemoLesson {
  static let examples: [Example] = [
    Example("hello") {
      print("Bonjour depuis une cellule Carnet !")
    },

    Example("equal-deadlines") {
      await withTaskGroup(of: Void.self) { group in
        for name in ["A", "B", "C"] {
          group.addTask {
            print("\(name) s’endort pour 1 s")
            try? await Task.sleep(for: .seconds(1))
            print("\(name) se réveille")
          }
        }
      }
    },

    Example("async-let") {
      func attendre(_ nom: String, secondes: Double) async throws -> String {
        try await Task.sleep(for: .seconds(secondes))
        print("\(nom) a fini")
        return nom
      }

      async let lent = attendre("lent", secondes: 2)
      async let rapide = attendre("rapide", secondes: 0.5)
      let noms = try await [lent, rapide]
      print("Résultats :", noms)
    },

    Example("random-numbers") {
      let des = (1...5).map { _ in Int.random(in: 1...6) }
      let mesure = Double.random(in: 0..<100)
      print("Dés :", des)
      print("Mesure :", String(format: "%.2f", mesure))
    },

    Example("expected-error") {
      struct StockError: Error, CustomStringConvertible {
        let article: String
        var description: String { "plus de \(article) en stock" }
      }

      print("Commande en cours...")
      try await Task.sleep(for: .milliseconds(250))
      throw StockError(article: "croissants")
    },

    Example("stall") {
      let (flux, continuation) = AsyncStream.makeStream(of: Int.self)
      await withTaskGroup(of: Void.self) { group in
        group.addTask(name: "producteur") {
          for valeur in 1...2 { continuation.yield(valeur) }
          // Oubli : continuation.finish() n’est jamais appelé.
        }
        group.addTask(name: "consommateur") {
          for await valeur in flux { print("Reçu :", valeur) }
          print("Flux terminé")
        }
      }
    },

    Example("slow-loop") {
      var tour = 0
      while true {
        tour += 1
        print("Tour \(tour)")
        try await Task.sleep(for: .seconds(10))
      }
    },
  ]
}
