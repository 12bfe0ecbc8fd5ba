import Carnet

/// Every example of every lesson in `Notebooks/`, in one registry. To add a lesson, add its
/// `examples` array here.
public enum LessonCatalog {
  /// The registry the `carnet` command uses; fault fixtures serve Carnet's own tests.
  public static let registry = ExampleRegistry(
    DemoLesson.examples + ProgrammationAsynchroneLesson.examples,
    fixtures: FaultFixtures.examples)
}
