import Carnet
import Foundation

/// The examples of `Notebooks/programmation-asynchrone.md`, a lesson on asynchronous programming
/// with Swift concurrency: `async`/`await`, `async let` and task groups, sequences and
/// asynchronous sequences, timeouts and cancellation, and an asynchronous pipeline.
enum ProgrammationAsynchroneLesson {
  static let examples: [Example] = [
    Example("fetch-and-analyze") {
      /// Récupère un jeu de données aléatoires, calcule sa moyenne et affiche le résultat.
      func fetchAndAnalyze(source: String, delay: Double) async throws -> Double {
        print("[\(source)] Récupération des données...")
        try await Task.sleep(for: .seconds(delay))
        let data = (0..<5).map { _ in Double.random(in: 0...100) }
        let average = data.reduce(0, +) / Double(data.count)
        print("[\(source)] Moyenne calculée: \(String(format: "%.2f", average))")
        return average
      }

      async let first = fetchAndAnalyze(source: "Source 1", delay: 1)
      async let second = fetchAndAnalyze(source: "Source 2", delay: 1.5)
      let results = try await [first, second]
      let globalAverage = results.reduce(0, +) / Double(results.count)
      print("Moyenne globale: \(String(format: "%.2f", globalAverage))")
    },

    Example("taches") {
      /// Simule une tâche asynchrone avec un délai.
      func tache(_ nom: String, delai: Double) async throws -> String {
        print("Début de \(nom)")
        try await Task.sleep(for: .seconds(delai))
        print("Fin de \(nom)")
        return "Résultat de \(nom)"
      }

      let taches = [("Tâche 1", 2.0), ("Tâche 2", 1.0), ("Tâche 3", 1.5)]
      let resultats = try await withThrowingTaskGroup(of: (Int, String).self) { group in
        for (index, (nom, delai)) in taches.enumerated() {
          group.addTask(name: nom) { (index, try await tache(nom, delai: delai)) }
        }
        var resultats = [String](repeating: "", count: taches.count)
        for try await (index, resultat) in group {
          resultats[index] = resultat
        }
        return resultats
      }
      print("Résultats :", resultats)
    },

    Example("generateur") {
      /// Générateur : une séquence paresseuse de 0 à `maximum` exclu.
      func genererNombres(_ maximum: Int) -> some Sequence<Int> {
        sequence(state: 0) { suivant in
          guard suivant < maximum else { return nil }
          defer { suivant += 1 }
          return suivant
        }
      }

      /// Coroutine : traite un nombre avec une attente asynchrone.
      func traiterNombre(_ nombre: Int) async throws {
        try await Task.sleep(for: .milliseconds(500))  // simule une entrée/sortie
        print("Traité : \(nombre)")
      }

      try await withThrowingTaskGroup(of: Void.self) { group in
        for nombre in genererNombres(3) {
          group.addTask { try await traiterNombre(nombre) }
        }
        try await group.waitForAll()
      }
    },

    Example("flux-clients") {
      /// L’erreur levée quand une opération dépasse son délai.
      struct TimeoutError: Error, CustomStringConvertible {
        let secondes: Double
        var description: String {
          "délai dépassé : l’opération n’a pas fini en \(String(format: "%g", secondes)) s"
        }
      }

      /// Exécute `operation`, ou l’annule et lève `TimeoutError` au bout de `secondes`.
      func withTimeout<T: Sendable>(
        secondes: Double, _ operation: @escaping @Sendable () async throws -> T
      ) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
          group.addTask { try await operation() }
          group.addTask {
            try await Task.sleep(for: .seconds(secondes))
            throw TimeoutError(secondes: secondes)
          }
          defer { group.cancelAll() }
          guard let premier = try await group.next() else { throw CancellationError() }
          return premier
        }
      }

      /// Simule la réception de données réseau pendant un nombre limité d’itérations.
      @Sendable func simulerReception(
        _ nom: String, intervalle: Double, iterations: Int
      ) async throws {
        for _ in 0..<iterations {
          print("\(nom) reçoit des données")
          try await Task.sleep(for: .seconds(intervalle))
        }
      }

      try await withTimeout(secondes: 10) {
        async let client1: Void = simulerReception("Client 1", intervalle: 1, iterations: 4)
        async let client2: Void = simulerReception("Client 2", intervalle: 1.5, iterations: 3)
        _ = try await (client1, client2)
      }
    },

    Example("flux-timeout") {
      /// L’erreur levée quand une opération dépasse son délai.
      struct TimeoutError: Error, CustomStringConvertible {
        let secondes: Double
        var description: String {
          "délai dépassé : l’opération n’a pas fini en \(String(format: "%g", secondes)) s"
        }
      }

      /// Exécute `operation`, ou l’annule et lève `TimeoutError` au bout de `secondes`.
      func withTimeout<T: Sendable>(
        secondes: Double, _ operation: @escaping @Sendable () async throws -> T
      ) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
          group.addTask { try await operation() }
          group.addTask {
            try await Task.sleep(for: .seconds(secondes))
            throw TimeoutError(secondes: secondes)
          }
          defer { group.cancelAll() }
          guard let premier = try await group.next() else { throw CancellationError() }
          return premier
        }
      }

      /// Simule la réception de données réseau pendant un nombre limité d’itérations.
      @Sendable func simulerReception(
        _ nom: String, intervalle: Double, iterations: Int
      ) async throws {
        for _ in 0..<iterations {
          print("\(nom) reçoit des données")
          try await Task.sleep(for: .seconds(intervalle))
        }
      }

      // Les deux clients ont besoin de 4,5 s : un délai de 2,5 s ne suffit pas.
      try await withTimeout(secondes: 2.5) {
        async let client1: Void = simulerReception("Client 1", intervalle: 1, iterations: 4)
        async let client2: Void = simulerReception("Client 2", intervalle: 1.5, iterations: 3)
        _ = try await (client1, client2)
      }
    },

    Example("pipeline") {
      /// Génère les données simulées, à la demande (un intervalle ne stocke pas ses éléments).
      func genererDonnees() -> some Sequence<Int> {
        0..<5
      }

      /// Transforme une donnée avec un délai.
      func transformer(_ donnee: Int) async throws -> Int {
        try await Task.sleep(for: .milliseconds(300))
        return donnee * 2
      }

      /// Consomme une donnée transformée.
      func consommer(_ donnee: Int) async throws {
        try await Task.sleep(for: .milliseconds(200))
        print("Consommé : \(donnee)")
      }

      // Étape 1 : toutes les transformations, concurremment ; on attend qu’elles aient toutes fini.
      let resultats = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
        for (index, donnee) in genererDonnees().enumerated() {
          group.addTask { (index, try await transformer(donnee)) }
        }
        var resultats: [Int: Int] = [:]
        for try await (index, resultat) in group {
          resultats[index] = resultat
        }
        return resultats.sorted { $0.key < $1.key }.map(\.value)
      }

      // Étape 2 : toutes les consommations, concurremment.
      try await withThrowingTaskGroup(of: Void.self) { group in
        for resultat in resultats {
          group.addTask { try await consommer(resultat) }
        }
        try await group.waitForAll()
      }
    },

    Example("pipeline-flux") {
      /// Génère les données simulées, à la demande.
      func genererDonnees() -> some Sequence<Int> {
        0..<5
      }

      /// Transforme une donnée avec un délai.
      func transformer(_ donnee: Int) async throws -> Int {
        try await Task.sleep(for: .milliseconds(300))
        return donnee * 2
      }

      /// Consomme une donnée transformée.
      func consommer(_ donnee: Int) async throws {
        try await Task.sleep(for: .milliseconds(200))
        print("Consommé : \(donnee)")
      }

      let (flux, continuation) = AsyncStream.makeStream(of: Int.self)
      try await withThrowingTaskGroup(of: Void.self) { group in
        // Producteur : transforme les données concurremment et publie chaque résultat dès qu’il
        // est prêt ; `finish()` ferme le flux, même en cas d’erreur.
        group.addTask {
          defer { continuation.finish() }
          try await withThrowingTaskGroup(of: Int.self) { transformations in
            for donnee in genererDonnees() {
              transformations.addTask { try await transformer(donnee) }
            }
            for try await resultat in transformations {
              continuation.yield(resultat)
            }
          }
        }

        // Consommateur : chaque donnée est consommée dès qu’elle arrive dans le flux.
        for await resultat in flux {
          group.addTask { try await consommer(resultat) }
        }
        try await group.waitForAll()
      }
    },
  ]
}
