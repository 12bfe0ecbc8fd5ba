import Synchronization

/// Everything one cell prints, in order, up to a size limit. Once sealed (the cell ended),
/// further writes never join the cell's output: they go to the `LateOutputLog`.
package final class Transcript: Sendable {
  /// The default limit of a cell's output: 1 MiB.
  package static let defaultLimit = 1 << 20

  private struct State {
    var text = ""
    var byteCount = 0
    var droppedBytes = 0
    var isSealed = false
    var discardsLateWrites = false
  }

  private let state = Mutex(State())
  /// The cell whose output this is.
  let cellID: String
  private let limit: Int
  private let observer: (@Sendable (String) -> Void)?

  /// Creates an empty transcript for `cellID` keeping at most `limit` bytes of output;
  /// `observer` sees each kept piece of output as it is written.
  package init(
    cellID: String = "", limit: Int = Transcript.defaultLimit,
    observer: (@Sendable (String) -> Void)? = nil
  ) {
    self.cellID = cellID
    self.limit = limit
    self.observer = observer
  }

  /// Appends printed text; past the limit, text is counted and dropped; once sealed, it goes
  /// to the late output log.
  package func write(_ text: String) {
    write(text, alsoDropped: 0)
  }

  /// Appends `text` like `write`, and counts `dropped` more bytes that were written and dropped
  /// before reaching the transcript (a captured stream past its own bound).
  func write(_ text: String, alsoDropped dropped: Int) {
    let kept = state.withLock { state -> String? in
      guard !state.isSealed else { return nil }
      state.droppedBytes += dropped
      let size = text.utf8.count
      if state.byteCount + size <= limit {
        state.text += text
        state.byteCount += size
        return text
      }
      let kept = Self.prefix(of: text, maxBytes: limit - state.byteCount)
      state.text += kept
      state.byteCount += kept.utf8.count
      state.droppedBytes += size - kept.utf8.count
      return kept
    }
    guard let kept else {
      if !state.withLock({ $0.discardsLateWrites }) {
        LateOutputLog.shared.append(cellID: cellID, text: text, kind: .afterItEnded)
      }
      return
    }
    if let observer, !kept.isEmpty { observer(kept) }
  }

  /// Ends the cell's output now; what its tasks print later is dropped silently (Carnet is
  /// cancelling them to see which were still suspended).
  func sealDiscardingLaterWrites() {
    state.withLock { state in
      state.isSealed = true
      state.discardsLateWrites = true
    }
  }

  /// Ends the cell's output; returns what it printed, with a note if some was dropped.
  func seal() -> String {
    state.withLock { state in
      state.isSealed = true
      guard state.droppedBytes > 0 else { return state.text }
      let ending = state.text.hasSuffix("\n") || state.text.isEmpty ? "" : "\n"
      return state.text + ending
        + "[carnet: output cut at \(limit) bytes; \(state.droppedBytes) more bytes dropped]\n"
    }
  }

  /// `text` cut to `limit` UTF-8 bytes (between scalars), with the note an output gets, for
  /// other texts a cell controls (a thrown error's description).
  static func cut(_ text: String, limit: Int) -> String {
    let size = text.utf8.count
    guard size > limit else { return text }
    let kept = prefix(of: text, maxBytes: limit)
    let ending = kept.hasSuffix("\n") || kept.isEmpty ? "" : "\n"
    return kept + ending
      + "[carnet: cut at \(limit) bytes; \(size - kept.utf8.count) more bytes dropped]"
  }

  /// The longest prefix of `text` of at most `maxBytes` UTF-8 bytes that ends between scalars.
  private static func prefix(of text: String, maxBytes: Int) -> String {
    let utf8 = text.utf8
    guard maxBytes > 0 else { return "" }
    guard maxBytes < utf8.count else { return text }
    var end = utf8.index(utf8.startIndex, offsetBy: maxBytes)
    while end > utf8.startIndex, utf8[end] & 0xC0 == 0x80 { end = utf8.index(before: end) }
    return String(decoding: utf8[..<end], as: UTF8.self)
  }
}

/// What a lesson's tasks printed, and faults they caused, outside the cell they belong to:
/// reported on their own, never attached to another cell.
public final class LateOutputLog: Sendable {
  /// One late write, or fault.
  public struct Entry: Hashable, Sendable {
    /// What happened.
    package enum Kind: String, Hashable, Sendable, CaseIterable {
      /// A task that escaped the cell (`Task {}`) printed after the cell ended.
      case afterItEnded = "late"
      /// A task outside the cell's tasks (`Task.detached`, which inherits nothing from the cell)
      /// printed, or the cell wrote to standard output between cells.
      case outsideItsTasks = "outside"
      /// The worker crashed while the cell ran, but the cell alone runs fine: something an
      /// earlier cell left behind crashed it (`text` is the runtime's message).
      case crashedWhileItRan = "crash"
      /// A task that escaped the cell was still running when the lesson ended: what it prints
      /// from then on is not collected (`text` is empty).
      case stillRunningAtEnd = "running"
    }

    /// The cell concerned: for `afterItEnded`, the cell whose escaped task printed; otherwise the
    /// cell that was running, or had run last.
    package var cellID: String
    /// What was printed, or the crash's message.
    package var text: String
    /// What happened.
    package var kind: Kind

    /// Creates an entry.
    package init(cellID: String, text: String, kind: Kind) {
      self.cellID = cellID
      self.text = text
      self.kind = kind
    }
  }

  /// The process-wide log (escaped tasks outlive their cell, so the log outlives runners).
  package static let shared = LateOutputLog()

  private let entries = Mutex<[Entry]>([])

  /// Records an entry.
  func append(cellID: String, text: String, kind: Entry.Kind) {
    entries.withLock { $0.append(Entry(cellID: cellID, text: text, kind: kind)) }
  }

  /// Returns and forgets every entry so far.
  package func drain() -> [Entry] {
    entries.withLock { entries in
      defer { entries.removeAll() }
      return entries
    }
  }
}
