/// The documented exit codes of `carnet`.
enum CarnetExit {
  /// Outputs differ from the committed ones, or a cell failed.
  static let failed: Int32 = 1
  /// Invalid input: bad option, unreadable or non-UTF-8 file, a lesson not built into carnet.
  static let invalidInput: Int32 = 2
  /// A file could not be written (a full disk, a folder without write permission).
  static let writeFailed: Int32 = 3
}
