import Dispatch
import Synchronization

/// Maps an array on several threads, for work that is pure and independent per element (the
/// HTML of a lesson's cells): the results are in the elements' order, so the output is the same
/// bytes whatever the threads do.
enum ConcurrentMap {
  /// `transform` of each element of `elements`, in order. The elements are cut into chunks of at
  /// least `minimumChunk` (at most `maximumChunks` chunks), which Dispatch spreads over the
  /// processors; an array shorter than two chunks is mapped on the calling thread.
  static func map<Element: Sendable, Result: Sendable>(
    _ elements: [Element], minimumChunk: Int = 256, maximumChunks: Int = 16,
    _ transform: @Sendable (Element) -> Result
  ) -> [Result] {
    let chunks = min(maximumChunks, elements.count / max(1, minimumChunk))
    guard chunks > 1 else { return elements.map(transform) }
    let results = Mutex<[[Result]]>(Array(repeating: [], count: chunks))
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      let range = (chunk * elements.count / chunks)..<((chunk + 1) * elements.count / chunks)
      let mapped = elements[range].map(transform)
      results.withLock { $0[chunk] = mapped }
    }
    return results.withLock { $0.flatMap { $0 } }
  }
}
