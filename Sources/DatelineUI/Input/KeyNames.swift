/// Keys written as words, for `dateline screen --keys` and tests: `j j Enter / hamas Enter`.
///
/// Names follow tmux's `send-keys` (Enter, Escape, Tab, BSpace, Up, PageDown, C-c …); any
/// other word is typed character by character.
public enum KeyNames {
  static let named: [String: Key] = [
    "enter": .enter, "escape": .escape, "esc": .escape, "tab": .tab, "btab": .backTab,
    "bspace": .backspace, "backspace": .backspace, "delete": .delete, "dc": .delete,
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
      if let k = named[w.lowercased()], w.count > 1 {
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
}
