import CarnetCommands
import Lessons

// The `carnet` command, with the lessons of Notebooks/ and the test fixtures compiled in.
CarnetMain.run(lessons: LessonCatalog.registry)
