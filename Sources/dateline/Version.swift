/// What `dateline --version` prints: `dateline 0.1.0 (3f2c9a1b7e4d)`.
///
/// The revision comes from `BuildRevision`, written before each build by the
/// BuildRevision plugin (scripts/revision.sh): the commit, `-dirty` when the tree had
/// changes, or `unknown` for a build outside git (then REVISION from `git archive` is used
/// when present).
enum DatelineVersion {
  static let number = "0.1.0"
  static let text = "dateline \(number) (\(BuildRevision.revision))"
}
