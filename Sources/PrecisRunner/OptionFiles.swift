/// Where the files that stage options name are.
public enum OptionFiles {
  /// `path` as written in `pipelineFile`: absolute as is, else relative to that file's folder
  /// (kept relative when the pipeline file's path is, so messages stay short).
  public static func resolve(_ path: String, relativeTo pipelineFile: String) -> String {
    if path.hasPrefix("/") { return path }
    guard let slash = pipelineFile.lastIndex(of: "/") else { return path }
    return String(pipelineFile[...slash]) + path
  }
}
