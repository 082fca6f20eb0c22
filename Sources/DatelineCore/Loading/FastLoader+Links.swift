import Dispatch
import Foundation

/// Links between records in the record phase: targets found in the id tables, and
/// records whose links do not resolve left out in rounds, as the reference does.
extension FastLoader {
  /// Links between records (`dropUnresolved`): a kept record whose link names an unknown
  /// id or a left-out record is left out, in rounds until nothing drops.
  ///
  /// Guarantees: the same records left out, with the same issues in the same order, as
  /// the reference's rounds; `links` is grouped by owner in item order (`linkTargets`).
  mutating func dropUnresolvedLinks(
    _ links: [LinkTarget], set: ChunkSet, kept: inout [Bool]
  ) {
    var changed = true
    while changed {
      changed = false
      let present = kept
      var k = 0
      while k < links.count {
        let g = Int(links[k].owner)
        var end = k
        while end < links.count && links[end].owner == links[k].owner {
          end += 1
        }
        defer { k = end }
        guard kept[g] else { continue }
        var problems: [ItemReader.Problem] = []
        for l in links[k..<end] where !(l.target >= 0 && present[Int(l.target)])
        {
          let name = ["related", "disputes", "revises"][Int(l.kind)]
          let why =
            l.target >= 0
            ? "record \(quoted(l.id.string)) was left out (see its error)"
            : "unknown record id \(quoted(l.id.string))"
          problems.append(
            .init(severity: .error, path: "$.\(name)[\(l.index)]", message: why)
          )
        }
        if !problems.isEmpty {
          state.report(
            rawItem(g, id: set.id(of: g)?.string, set: set), problems)
          state.leftOut += 1
          kept[g] = false
          changed = true
        }
      }
    }
  }

  /// A link of a kept record: owner item, kind (0 related, 1 disputes, 2 revises), index
  /// in its list, target id.
  struct LinkTarget {
    var owner: Int32
    var kind: UInt8
    var index: Int
    var id: ByteRef
    /// The first item with that id, or -1 when no item has it.
    var target: Int32
  }

  /// Every link of the kept records, grouped by owner in item order, each owner's links in
  /// the reference's order (related, disputes, revises; by index).
  func linkTargets(kept: [Bool], set: ChunkSet, ids: IDTable, arena: ByteArena)
    -> [LinkTarget]
  {
    let perChunk = ResultSlots<[LinkTarget]>(count: set.count)
    kept.withUnsafeBufferPointer { keptBuffer in
      let keptFlags = ReadOnlyBuffer(keptBuffer)
      DispatchQueue.concurrentPerform(iterations: set.count) { c in
        perChunk[c] = FastLoader.links(
          ofChunk: c, set: set, kept: keptFlags, ids: ids)
      }
    }
    var all: [LinkTarget] = []
    var fallbackLinks = false
    for c in 0..<set.count {
      all.append(contentsOf: perChunk.filled(c))
      let base = set.starts[c]
      for (l, fb) in set.chunks[c].data.fallbacks where kept[base + l] {
        guard let rec = fb.record else { continue }
        for (kind, list) in [rec.related, rec.disputes, rec.revises]
          .enumerated()
        {
          for (i, id) in list.enumerated() {
            let (p, n) = arena.copy(id.rawValue)
            let ref = ByteRef(p, n)
            all.append(
              LinkTarget(
                owner: Int32(base + l), kind: UInt8(kind), index: i, id: ref,
                target: ids.find(ref, set: set) ?? -1))
            fallbackLinks = true
          }
        }
      }
    }
    if fallbackLinks {
      // Owners in item order; each owner's links keep their order (stable on position).
      all = all.enumerated().sorted {
        ($0.element.owner, $0.offset) < ($1.element.owner, $1.offset)
      }.map(\.element)
    }
    return all
  }

  /// The links of chunk `c`'s kept clean items, grouped by owner in item order, each
  /// owner's in the reference's order.
  static func links(
    ofChunk c: Int, set: ChunkSet, kept: ReadOnlyBuffer<Bool>, ids: IDTable
  ) -> [LinkTarget] {
    let data = set.chunks[c].data
    let base = set.starts[c]
    var out: [LinkTarget] = []
    // An item's links follow those of the items before it.
    var linkEnd = 0
    for l in data.items.indices {
      let it = data.items[l]
      let linkStart = linkEnd
      linkEnd += Int(it.linkCount)
      guard kept[base + l], it.clean, it.linkCount > 0 else { continue }
      let from = out.count
      for k in linkStart..<linkEnd {
        let link = data.links[k]
        out.append(
          LinkTarget(
            owner: Int32(base + l), kind: link.kind, index: Int(link.index),
            id: link.id, target: ids.find(link.id, set: set) ?? -1))
      }
      out[from...].sort { ($0.kind, $0.index) < ($1.kind, $1.index) }
    }
    return out
  }
}
