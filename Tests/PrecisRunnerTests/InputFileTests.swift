import Foundation
import PrecisRunner
import PrecisTestSupport
import Testing

@Suite struct InputFileTests {
  /// Makes files (path → text) in a new folder.
  func folder(_ files: [String: String]) throws -> String {
    try TestPaths.makeTemporaryFolder(with: files)
  }

  func link(_ root: String, _ path: String, to target: String) throws {
    try FileManager.default.createSymbolicLink(
      atPath: root + "/" + path, withDestinationPath: target)
  }

  @Test func listsInByteOrderWithoutHiddenFiles() throws {
    let root = try folder([
      "b.txt": "b", "a/z.txt": "z", "a.txt": "a", "B.txt": "B", "é.txt": "e",
      ".hidden.txt": "h", ".git/config": "c", "a/.DS_Store": "x",
    ])
    defer { TestPaths.removeTemporaryFolder(root) }
    let items = try InputFile.list(root: root)
    #expect(items.map(\.path) == ["B.txt", "a.txt", "a/z.txt", "b.txt", "é.txt"])
    #expect(items.allSatisfy { $0.problem == nil })
    #expect(items.first { $0.path == "a/z.txt" }?.size == 1)
  }

  @Test func recordsSymbolicLinksAsSkippedUnlessFollowed() throws {
    let root = try folder(["real/a.txt": "a"])
    defer { TestPaths.removeTemporaryFolder(root) }
    try link(root, "alias.txt", to: "real/a.txt")
    try link(root, "folder", to: "real")
    let items = try InputFile.list(root: root)
    #expect(items.map(\.path) == ["alias.txt", "folder", "real/a.txt"])
    #expect(items[0].problem.map { if case .skipped = $0 { true } else { false } } == true)
    let followed = try InputFile.list(root: root, options: WalkOptions(followSymlinks: true))
    #expect(followed.map(\.path) == ["alias.txt", "folder/a.txt", "real/a.txt"])
    #expect(followed.allSatisfy { $0.problem == nil })
  }

  @Test func recordsLoopsAndDanglingLinksWithoutHanging() throws {
    let root = try folder(["sub/a.txt": "a"])
    defer { TestPaths.removeTemporaryFolder(root) }
    try link(root, "sub/up", to: "..")
    try link(root, "self.txt", to: "self.txt")
    try link(root, "gone.txt", to: "missing.txt")
    let items = try InputFile.list(root: root, options: WalkOptions(followSymlinks: true))
    #expect(items.map(\.path) == ["gone.txt", "self.txt", "sub/a.txt", "sub/up"])
    for item in items where item.path != "sub/a.txt" {
      guard case .unreadable(let reason) = item.problem else {
        Issue.record("\(item.path) should be unreadable")
        continue
      }
      #expect(reason.contains("symbolic link"))
    }
  }

  @Test func recordsFIFOsWithoutOpeningThem() throws {
    let root = try folder(["a.txt": "a"])
    defer { TestPaths.removeTemporaryFolder(root) }
    #expect(mkfifo(root + "/pipe.txt", 0o644) == 0)
    let items = try InputFile.list(root: root)
    #expect(items.map(\.path) == ["a.txt", "pipe.txt"])
    guard case .unreadable(let reason) = items[1].problem else {
      Issue.record("a FIFO should be unreadable")
      return
    }
    #expect(reason.contains("FIFO"))
    #expect(throws: InputError.self) { try InputFile.read(root + "/pipe.txt") }
  }

  @Test func filtersWithIncludeAndExclude() throws {
    let root = try folder([
      "de/a.txt": "", "de/b.md": "", "en/drafts/c.txt": "", "en/d.txt": "", "notes.txt": "",
    ])
    defer { TestPaths.removeTemporaryFolder(root) }
    let txt = try InputFile.list(
      root: root, options: WalkOptions(include: ["*.txt"], exclude: ["drafts"]))
    #expect(txt.map(\.path) == ["de/a.txt", "en/d.txt", "notes.txt"])
    let german = try InputFile.list(root: root, options: WalkOptions(include: ["de/*"]))
    #expect(german.map(\.path) == ["de/a.txt", "de/b.md"])
  }

  @Test(arguments: [
    ("*.txt", "de/a.txt", true), ("*.txt", "a.md", false), ("de/*", "de/x/y.txt", true),
    ("de/*", "en/de/a.txt", false), ("a?.txt", "ab.txt", true), ("[!a]*.txt", "b.txt", true),
  ])
  func matchesGlobs(_ glob: String, _ path: String, _ expected: Bool) {
    #expect(InputFile.matches(glob, path: path) == expected)
  }

  @Test func leavesOutTheSkippedFolder() throws {
    let root = try folder(["a.txt": "a", "out/a.segments.tsv": "x"])
    defer { TestPaths.removeTemporaryFolder(root) }
    let items = try InputFile.list(root: root, options: WalkOptions(skip: root + "/out"))
    #expect(items.map(\.path) == ["a.txt"])
  }
}
