/// The rule files in `Rules/`, embedded in the binary by SwiftPM (`embedInCode`).
///
/// Adding a language: write `Rules/<language>.txt` and add a line here; a test checks that
/// every file in `Rules/` is listed and parses without problems.
enum RuleFiles {
  /// `und.txt`: the rules every language shares.
  static var shared: [UInt8] { PackageResources.und_txt }

  /// Each language's file, by primary language subtag.
  static var languages: [(String, [UInt8])] {
    [
      ("ar", PackageResources.ar_txt),
      ("bg", PackageResources.bg_txt),
      ("da", PackageResources.da_txt),
      ("de", PackageResources.de_txt),
      ("el", PackageResources.el_txt),
      ("en", PackageResources.en_txt),
      ("es", PackageResources.es_txt),
      ("fa", PackageResources.fa_txt),
      ("fr", PackageResources.fr_txt),
      ("hi", PackageResources.hi_txt),
      ("hy", PackageResources.hy_txt),
      ("it", PackageResources.it_txt),
      ("kk", PackageResources.kk_txt),
      ("lo", PackageResources.lo_txt),
      ("mr", PackageResources.mr_txt),
      ("nl", PackageResources.nl_txt),
      ("pl", PackageResources.pl_txt),
      ("pt", PackageResources.pt_txt),
      ("ru", PackageResources.ru_txt),
      ("sk", PackageResources.sk_txt),
      ("th", PackageResources.th_txt),
    ]
  }
}
