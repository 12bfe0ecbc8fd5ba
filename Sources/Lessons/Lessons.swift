// The lessons' module. The TangleLessons build plugin compiles into it every lesson of
// Notebooks/ (through the link Sources/Lessons/Notebooks) and every *.md file of this folder
// (Fixtures/, for Carnet's own tests), with the routing of print, Task.sleep and random numbers
// to the running cell (CellRouting.swift) and the LessonCatalog that lists them.
//
// Swift files written here are compiled with the lessons: hidden helpers a lesson may call.
