// The one-core simdjson peer of `dateline list --party P --format jsonl` (scripts/bench-scale.sh).
//
//   simdjson_party RECORDS.jsonl ID...   lines whose `parties` name one of the ids, sorted by
//                                         (date, id), written as they are
//   simdjson_party --parse FILE...       parses every document of each file (a JSON-lines file
//                                         or one envelope), the floor of a full load
//
// What it does not do, and dateline does: check any rule of the schema, dates, references or
// quotes. It is the floor of reading the JSON once, on one core.
#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

using namespace simdjson;

static int parse_only(int argc, char **argv) {
  dom::parser parser;
  size_t docs = 0;
  for (int i = 2; i < argc; i++) {
    padded_string json;
    if (padded_string::load(argv[i]).get(json)) return 2;
    std::string_view name(argv[i]);
    if (name.size() > 6 && name.substr(name.size() - 6) == ".jsonl") {
      dom::document_stream stream;
      if (parser.parse_many(json, 1 << 24).get(stream)) return 2;
      for (auto doc : stream) {
        if (doc.error()) return 3;
        docs++;
      }
    } else {
      dom::element root;
      if (parser.parse(json).get(root)) return 3;
      docs++;
    }
  }
  std::printf("%zu documents\n", docs);
  return 0;
}

struct Match {
  std::string_view date, id, line;
};

int main(int argc, char **argv) {
  if (argc >= 2 && std::strcmp(argv[1], "--parse") == 0) return parse_only(argc, argv);
  if (argc < 3) {
    std::fprintf(stderr, "usage: simdjson_party RECORDS.jsonl ID... | --parse FILE...\n");
    return 2;
  }
  std::unordered_set<std::string_view> wanted;
  for (int i = 2; i < argc; i++) wanted.insert(argv[i]);
  padded_string json;
  if (padded_string::load(argv[1]).get(json)) return 2;
  dom::parser parser;
  dom::document_stream stream;
  if (parser.parse_many(json, 1 << 24).get(stream)) return 2;
  std::vector<Match> out;
  for (auto it = stream.begin(); it != stream.end(); ++it) {
    dom::element doc;
    if ((*it).get(doc)) continue;
    dom::array parties;
    if (doc["parties"].get_array().get(parties)) continue;
    bool hit = false;
    for (dom::element p : parties) {
      std::string_view id;
      if (p.is_string()) id = std::string_view(p);
      else if (p["id"].get_string().get(id)) continue;
      if (wanted.count(id)) { hit = true; break; }
    }
    if (!hit) continue;
    std::string_view date, id;
    if (doc["date"].get_string().get(date) || doc["id"].get_string().get(id)) continue;
    // Strings of a dom::document live in the parser's string buffer, rewritten per batch: copy.
    auto line = it.source();
    size_t off = line.data() - json.data();
    std::string_view in_file(json.data() + off, line.size());
    auto keep = [&](std::string_view s) {
      auto at = in_file.find(s);
      return at == std::string_view::npos ? s : in_file.substr(at, s.size());
    };
    out.push_back({keep(date), keep(id), in_file});
  }
  std::stable_sort(out.begin(), out.end(), [](const Match &a, const Match &b) {
    return a.date != b.date ? a.date < b.date : a.id < b.id;
  });
  std::string buffer;
  buffer.reserve(1 << 20);
  for (auto &m : out) {
    buffer.append(m.line);
    buffer.push_back('\n');
    if (buffer.size() >= (1 << 20)) {
      fwrite(buffer.data(), 1, buffer.size(), stdout);
      buffer.clear();
    }
  }
  fwrite(buffer.data(), 1, buffer.size(), stdout);
  return 0;
}
