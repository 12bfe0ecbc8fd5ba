import Carnet

extension LessonCatalog {
  /// The compiled lessons, looked up by name.
  public static let registry = LessonRegistry(lessons)
}
