/// Keys written as words, for `dateline screen --keys` and tests: `j j Enter / hamas Enter`.
///
/// Names follow tmux's `send-keys` (Enter, Escape, Tab, BSpace, Up, PageDown, C-c …); any
/// other word is typed character by character. `Click@12,3` and `WheelDown@12,3` are the
/// mouse at column 12, row 3 (0-based; `S-WheelDown@…` with Shift).
public enum KeyNames {
  static let named: [String: Key] = [
    "enter": .enter, "escape": .escape, "esc": .escape, "tab": .tab,
    "btab": .backTab,
    "bspace": .backspace, "backspace": .backspace, "delete": .delete,
    "dc": .delete,
    "up": .up, "down": .down, "left": .left, "right": .right,
    "pageup": .pageUp, "pgup": .pageUp, "ppage": .pageUp,
    "pagedown": .pageDown, "pgdn": .pageDown, "npage": .pageDown,
    "home": .home, "end": .end, "space": .character(" "),
    "wheelup": .wheelUp, "wheeldown": .wheelDown,
  ]

  public static func parse(_ text: String) -> [Key] {
    var keys: [Key] = []
    for word in text.split(separator: " ") {
      let w = String(word)
      if let m = mouse(w) {
        keys.append(.mouse(m))
      } else if let k = named[w.lowercased()], w.count > 1 {
        keys.append(k)
      } else if w.hasPrefix("C-"), w.count == 3, let c = w.last {
        keys.append(.control(Character(c.lowercased())))
      } else if w.count > 1, w.first == "F", let n = Int(w.dropFirst()) {
        keys.append(.function(n))
      } else {
        keys.append(contentsOf: w.map { Key.character($0) })
      }
    }
    return keys
  }

  /// `Click@12,3`, `WheelDown@12,3`, `S-WheelUp@0,0`: a mouse report at column, row (0-based).
  static func mouse(_ word: String) -> MouseInput? {
    let parts = word.split(separator: "@")
    guard parts.count == 2 else { return nil }
    var name = parts[0].lowercased()
    let shift = name.hasPrefix("s-")
    if shift { name.removeFirst(2) }
    let actions: [String: MouseInput.Action] = [
      "click": .press, "wheelup": .wheelUp, "wheeldown": .wheelDown,
    ]
    let place = parts[1].split(separator: ",").compactMap { Int($0) }
    guard let action = actions[name], place.count == 2, place[0] >= 0,
      place[1] >= 0
    else { return nil }
    return MouseInput(
      action, at: Position(column: place[0], row: place[1]), shift: shift)
  }
}
