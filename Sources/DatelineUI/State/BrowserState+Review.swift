import DatelineCore

/// Reviewing drafts (`s` accept, `x` reject, `u` undo a reject, `D` `K` `P` `B` change a
/// field): the reducer's part. Nothing is written here: a decision or a changed draft is
/// left in `review` for the shell, which answers with `.draftDecided` or `.draftRewritten`.
extension BrowserState {
  /// The selected record when it is a draft, with where it is.
  var selectedDraft: (record: Record, place: DraftReview.Place)? {
    guard !review.isEmpty, let r = selectedRecord,
      let place = review.drafts[r.id]
    else { return nil }
    return (r, place)
  }

  mutating func updateReview(_ event: Event) {
    switch event {
    case .acceptDraft: acceptDraft()
    case .rejectDraft: rejectDraft()
    case .undoReject: undoReject()
    case .startDraftEdit(let field): startDraftEdit(field)
    case .draftDecided(let id, let error): draftDecided(id, error: error)
    case .draftRewritten(let id, let error):
      review.rewrite = nil
      if let error {
        message = "draft \(id.rawValue) not changed: \(error)"
      } else {
        message = "draft \(id.rawValue) changed"
        live.loadWanted = true
      }
    case .draftsRead(let snapshot):
      let (undo, note) = (review.undo, review.noteAfterReload)
      review = DraftReview(snapshot: snapshot)
      review.undo = undo
      if let note { message = note }
    default: break
    }
  }

  /// The selected draft, if it is one still waiting; else why not, in the status line.
  private mutating func waitingDraft(_ verb: String) -> (
    record: Record, place: DraftReview.Place
  )? {
    guard let draft = selectedDraft else {
      message =
        review.isEmpty
        ? "no drafts here (dateline draft … --data DIR writes them)"
        : "\(verb) works on drafts; this is a record"
      return nil
    }
    if let decided = review.decided[draft.record.id] {
      message =
        "this draft is \(decided.rawValue)"
        + (decided == .rejected ? " (u undoes the reject)" : "")
      return nil
    }
    return draft
  }

  mutating func acceptDraft() {
    guard let (record, place) = waitingDraft("s") else { return }
    guard let directory = review.directory else { return }
    if let problem = RecordAdmission.problem(record, joining: directory) {
      message = "not accepted: \(problem)"
      return
    }
    review.decision = DraftDecision(
      id: record.id, decision: .accepted, draftsFile: place.file,
      recordLine: record.jsonObject,
      recordsFile: place.recordsFile)
  }

  mutating func rejectDraft() {
    guard let (record, place) = waitingDraft("x") else { return }
    review.decision = DraftDecision(
      id: record.id, decision: .rejected, draftsFile: place.file)
  }

  mutating func undoReject() {
    guard let last = review.undo.popLast() else {
      message = "no reject to undo"
      return
    }
    review.decision = DraftDecision(
      id: last.id, decision: .reopened, draftsFile: last.draftsFile)
  }

  /// The shell's answer to `review.decision`.
  private mutating func draftDecided(_ id: Record.ID, error: String?) {
    guard let asked = review.decision, asked.id == id else { return }
    review.decision = nil
    if let error {
      if asked.decision == .reopened {
        review.undo.append(
          DraftDecision(
            id: id, decision: .rejected, draftsFile: asked.draftsFile))
      }
      message =
        "\(id.rawValue): \(asked.decision.rawValue) not written: \(error)"
      return
    }
    switch asked.decision {
    case .accepted:
      review.decided[id] = .accepted
      message = "accepted \(id.rawValue) into \(asked.recordsFile ?? "")"
      // The new record replaces the draft on screen once the data is read again.
      review.noteAfterReload = message
      live.loadWanted = true
    case .rejected:
      review.decided[id] = .rejected
      review.undo.append(asked)
      message = "rejected \(id.rawValue) (u undoes)"
    case .reopened:
      review.decided[id] = nil
      message = "\(id.rawValue) is back for review"
      if review.drafts[id] == nil { live.loadWanted = true }
    }
  }

  // MARK: - Changing a draft's fields

  var isDraftPrompt: Bool {
    if case .draftField = prompt { return true }
    return false
  }

  mutating func startDraftEdit(_ field: DraftField) {
    guard let (record, _) = waitingDraft(field.key) else { return }
    let text: String
    switch field {
    case .date:
      text =
        record.date.description
        + (record.endDate.map { ".." + $0.description } ?? "")
    case .kind: text = record.kind.rawValue
    case .parties:
      text = record.parties.map(\.id.rawValue).joined(separator: " ")
    case .basis: text = record.attribution?.basis.rawValue ?? ""
    }
    prompt = .draftField(field, text: text)
  }

  /// Enter on a review prompt: the draft with the field changed, checked by the loader's
  /// item rules, for the shell to write back.
  mutating func submitDraftField(_ field: DraftField, _ text: String) {
    prompt = nil
    guard let (record, place) = selectedDraft else { return }
    let changed: Record
    switch DraftFieldEdit.apply(
      field, text, to: record, parties: review.directory ?? corpus)
    {
    case .success(let r): changed = r
    case .failure(let why):
      message = why.message
      return
    }
    if changed == record { return }
    if let problem = RecordAdmission.itemProblem(changed) {
      message = "not changed: \(problem)"
      return
    }
    review.rewrite = DraftRewrite(
      id: record.id, place: place, recordLine: changed.jsonObject)
  }

  /// Tab on a review prompt: kinds, bases, or the party id being typed.
  mutating func completeDraftField() {
    guard case .draftField(let field, let text) = prompt else { return }
    var words = text.split(separator: " ", omittingEmptySubsequences: false)
      .map(String.init)
    let typed = words.popLast() ?? ""
    let all: [String]
    switch field {
    case .kind: all = Record.Kind.allCases.map(\.rawValue)
    case .basis: all = Attribution.Basis.allCases.map(\.rawValue)
    case .parties:
      all = (review.directory ?? corpus).parties.map(\.id.rawValue).sorted()
    case .date: all = []
    }
    let candidates = all.filter { $0.hasPrefix(typed) }
    guard var common = candidates.first else {
      message = "nothing starts with \(typed)"
      return
    }
    for c in candidates.dropFirst() {
      while !c.hasPrefix(common) { common.removeLast() }
    }
    words.append(
      common + (candidates.count == 1 && field == .parties ? " " : ""))
    prompt = .draftField(field, text: words.joined(separator: " "))
    if candidates.count > 1 {
      message =
        candidates.prefix(16).joined(separator: " ")
        + (candidates.count > 16 ? " …" : "")
    }
  }
}

extension DraftField {
  /// The key that opens the field's prompt.
  public var key: String {
    switch self {
    case .date: return "D"
    case .kind: return "K"
    case .parties: return "P"
    case .basis: return "B"
    }
  }

  /// The prompt's words.
  var prompt: String {
    switch self {
    case .date: return "draft date (YYYY-MM-DD, or since..until): "
    case .kind: return "draft kind (Tab: event statement claim denial figure): "
    case .parties: return "draft parties (ids, Tab completes): "
    case .basis:
      return "draft basis (Tab: named official anonymous unattributed): "
    }
  }
}
