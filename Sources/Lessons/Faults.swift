import Carnet

/// Examples that misbehave on purpose, so Carnet's end-to-end tests can show that each fault is
/// contained and reported under its cell. No lesson uses them; `carnet list` does not flag them.
enum FaultFixtures {
  static let examples: [Example] = [
    Example("fault-fatal-error") {
      print("avant la panne")
      fatalError("panne voulue")
    },

    Example("fault-precondition") {
      let stock = Int.random(in: 1...3)
      precondition(stock > 10, "stock insuffisant")
    },

    Example("fault-index") {
      let valeurs = [1, 2, 3]
      print(valeurs[Int.random(in: 5...9)])
    },

    Example("fault-unwrap") {
      let absent: Int? = [Int]().first
      // swift-format-ignore: NeverForceUnwrap
      print(absent!)
    },

    Example("fault-busy-loop") {
      var tours = 0
      while tours >= 0 { tours = (tours + 1) % 1_000 }
    },

    Example("fault-yield-forever") {
      while true { await Task.yield() }
    },

    Example("fault-flood") {
      for ligne in 0..<100_000 {
        print("ligne \(ligne) : du texte pour remplir la sortie")
      }
    },

    Example("fault-escape") {
      Task {
        try? await Task.sleep(for: .milliseconds(1))
        print("imprimé après la fin de la cellule")
      }
      print("la cellule se termine")
    },
  ]
}
