import Carnet

// Lesson code draws random numbers with the standard library's functions; inside a cell, these
// declarations shadow them and draw from the cell's seeded generator, so outputs are reproducible.

extension BinaryFloatingPoint where RawSignificand: FixedWidthInteger {
  /// A random value in `range`, from the cell's seeded generator.
  static func random(in range: Range<Self>) -> Self {
    var generator = CellRandomNumberGenerator()
    return random(in: range, using: &generator)
  }

  /// A random value in `range`, from the cell's seeded generator.
  static func random(in range: ClosedRange<Self>) -> Self {
    var generator = CellRandomNumberGenerator()
    return random(in: range, using: &generator)
  }
}

extension FixedWidthInteger {
  /// A random value in `range`, from the cell's seeded generator.
  static func random(in range: Range<Self>) -> Self {
    var generator = CellRandomNumberGenerator()
    return random(in: range, using: &generator)
  }

  /// A random value in `range`, from the cell's seeded generator.
  static func random(in range: ClosedRange<Self>) -> Self {
    var generator = CellRandomNumberGenerator()
    return random(in: range, using: &generator)
  }
}

extension Bool {
  /// A random Boolean, from the cell's seeded generator.
  static func random() -> Bool {
    var generator = CellRandomNumberGenerator()
    return random(using: &generator)
  }
}

extension Collection {
  /// A random element, from the cell's seeded generator.
  func randomElement() -> Element? {
    var generator = CellRandomNumberGenerator()
    return randomElement(using: &generator)
  }
}

extension Sequence {
  /// The elements in a random order, from the cell's seeded generator.
  func shuffled() -> [Element] {
    var generator = CellRandomNumberGenerator()
    return shuffled(using: &generator)
  }
}

extension MutableCollection where Self: RandomAccessCollection {
  /// Shuffles in place, with the cell's seeded generator.
  mutating func shuffle() {
    var generator = CellRandomNumberGenerator()
    shuffle(using: &generator)
  }
}
