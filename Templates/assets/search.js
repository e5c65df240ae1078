// Site search (站内搜索), in the browser: no server, no library. The index is made by `gongkai build` (its files
// are described in SearchIndex.swift); the query is cut into tokens exactly as the index was (SearchTokenizer.swift,
// of which the first part below is a port, checked against it on the same strings by the browser test), the shards
// holding those tokens are fetched, and the entries holding every token are ranked, then checked against their text
// a few at a time, so that a result always holds each word of the query as typed.
(function () {
  "use strict";

  // MARK: The tokenizer (SearchTokenizer.swift)

  function fold(code) {
    var folded = code;
    if (code === 0x3000) folded = 0x20; else if (code >= 0xFF01 && code <= 0xFF5E) folded = code - 0xFEE0;
    if (folded >= 0x41 && folded <= 0x5A) folded += 0x20;
    return folded;
  }

  var WORD = 1, IDEOGRAPH = 2, SEPARATOR = 0;
  function kind(c) {
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7A) || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) ||
        (c >= 0xF8 && c <= 0x24F)) return WORD;
    if (c === 0x3007 || (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
        (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F)) return IDEOGRAPH;
    return SEPARATOR;
  }

  function foldText(text) {
    var out = "";
    for (var ch of text) out += String.fromCodePoint(fold(ch.codePointAt(0)));
    return out;
  }

  // Every token of a text, in order: each ideograph and each pair of adjacent ones, each word.
  function tokens(text) {
    var result = [], word = "", previous = null;
    for (var ch of text) {
      var c = fold(ch.codePointAt(0)), k = kind(c), s = String.fromCodePoint(c);
      if (k === WORD) { previous = null; word += s; continue; }
      if (word) { result.push(word); word = ""; }
      if (k === IDEOGRAPH) {
        result.push(s);
        if (previous !== null) result.push(previous + s);
        previous = s;
      } else {
        previous = null;
      }
    }
    if (word) result.push(word);
    return result;
  }

  // What a query term is looked up by: its words, and pairs covering each run of ideographs without overlap (an odd
  // run's last pair overlaps the one before; a run of one is itself). Results are then checked against the text.
  function queryTokens(term) {
    var result = [], run = [], word = "";
    function endRun() {
      if (run.length === 1) result.push(run[0]);
      for (var i = 0; i + 1 < run.length; i += 2) result.push(run[i] + run[i + 1]);
      if (run.length >= 3 && run.length % 2 === 1) result.push(run[run.length - 2] + run[run.length - 1]);
      run = [];
    }
    function endWord() { if (word) result.push(word); word = ""; }
    for (var ch of term) {
      var c = fold(ch.codePointAt(0)), k = kind(c), s = String.fromCodePoint(c);
      if (k === WORD) { endRun(); word += s; } else if (k === IDEOGRAPH) { endWord(); run.push(s); } else { endRun(); endWord(); }
    }
    endRun();
    endWord();
    return result;
  }

  // FNV-1a over the token's code points; the top bits for a shard count that is a power of two.
  function shardOf(token, shards) {
    var hash = 0x811C9DC5, bits = Math.round(Math.log2(shards));
    for (var ch of token) hash = Math.imul(hash ^ ch.codePointAt(0), 0x01000193) >>> 0;
    return bits === 0 ? 0 : hash >>> (32 - bits);
  }

  // MARK: Matching a query against an entry's text

  // The parts of a query a result must hold, each as typed: the runs of letters, digits and ideographs between
  // spaces and punctuation, folded.
  function segments(query) {
    var result = [], current = "";
    for (var ch of query) {
      var c = fold(ch.codePointAt(0));
      if (kind(c) === SEPARATOR) { if (current) result.push(current); current = ""; } else current += String.fromCodePoint(c);
    }
    if (current) result.push(current);
    return result;
  }

  function isWordAt(text, index) {
    if (index < 0 || index >= text.length) return false;
    return kind(text.codePointAt(index)) === WORD;
  }

  // Where a segment stands in a folded text from `from`, -1 if nowhere; a segment that starts or ends with a letter or
  // digit is not found inside a longer word (45 is not in 2045).
  function find(text, segment, from) {
    var startsWord = kind(segment.codePointAt(0)) === WORD, endsWord = kind(segment.codePointAt(segment.length - 1)) === WORD;
    for (var at = text.indexOf(segment, from); at >= 0; at = text.indexOf(segment, at + 1)) {
      if (startsWord && isWordAt(text, at - 1)) continue;
      if (endsWord && isWordAt(text, at + segment.length)) continue;
      return at;
    }
    return -1;
  }

  function holdsAll(text, parts) {
    for (var i = 0; i < parts.length; i++) if (find(text, parts[i], 0) < 0) return false;
    return true;
  }

  // MARK: The index

  var files = {};
  function fetchOnce(url, json) {
    if (!files[url]) {
      files[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(url + ": " + response.status);
        return json ? response.json() : response.arrayBuffer().then(function (buffer) { return new Uint8Array(buffer); });
      });
    }
    return files[url];
  }

  // A LEB128 varint at `at.i` of `bytes`, moving `at.i` past it.
  function varint(bytes, at) {
    var value = 0, scale = 1, byte;
    do {
      byte = bytes[at.i++];
      value += (byte & 0x7F) * scale;
      scale *= 128;
    } while (byte & 0x80);
    return value;
  }

  // A list (form 0: varints of gap << 3 | weight; form 1: a bitmap of the entries, then the gaps of those with the
  // token in their title, no counts) as Map(entry -> weight), the weight `level << 1 | inTitle`.
  function readList(bytes, form, entries) {
    var postings = new Map();
    if (form === 0) {
      var at = { i: 0 }, entry = -1;
      while (at.i < bytes.length) {
        var value = varint(bytes, at);
        entry += Math.floor(value / 8);
        postings.set(entry, value & 7);
      }
    } else {
      var bitmap = (entries + 7) >> 3;
      for (var e = 0; e < entries; e++) if (bytes[e >> 3] & (1 << (e & 7))) postings.set(e, 0);
      var titles = { i: bitmap }, title = -1;
      while (titles.i < bytes.length) {
        title += varint(bytes, titles);
        postings.set(title, postings.get(title) | 1);
      }
    }
    return postings;
  }

  // The lists of the wanted tokens of one shard (`SearchIndex.swift`), into token -> Map(entry -> weight); a list
  // kept in a file of its own is fetched.
  var decoder = new TextDecoder();
  function readShard(root, manifest, bytes, wanted, into) {
    var at = { i: 0 }, pending = [];
    while (at.i < bytes.length) {
      var length = varint(bytes, at), token = decoder.decode(bytes.subarray(at.i, at.i + length));
      at.i += length;
      var form = bytes[at.i++], size = varint(bytes, at), list = bytes.subarray(at.i, at.i + size);
      at.i += size;
      if (!wanted.has(token)) continue;
      if (form & 2) {
        pending.push(fetchOnce(root + "search/p/" + varint(list, { i: 0 }) + ".bin", false).then(function (token, form, own) {
          into.set(token, readList(own, form, manifest.entries));
        }.bind(null, token, form & 1)));
      } else {
        into.set(token, readList(list, form, manifest.entries));
      }
    }
    return Promise.all(pending);
  }

  // The department and year of an entry, from the manifest's runs ([first entry, department, year]).
  function rangeOf(manifest, entry) {
    var ranges = manifest.ranges, low = 0, high = ranges.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (ranges[middle][0] <= entry) low = middle; else high = middle - 1;
    }
    return ranges[low];
  }

  // Where each chunk starts, from the manifest's entry counts (a base-36 digit per chunk).
  function chunkStarts(manifest) {
    if (!manifest.starts) {
      var starts = [], entry = 0;
      for (var i = 0; i < manifest.chunks.length; i++) { starts.push(entry); entry += parseInt(manifest.chunks[i], 36); }
      manifest.starts = starts;
    }
    return manifest.starts;
  }

  function chunkOf(manifest, entry) {
    var starts = chunkStarts(manifest), low = 0, high = starts.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (starts[middle] <= entry) low = middle; else high = middle - 1;
    }
    return low;
  }

  // A search: `next(count)` resolves to the next results, each checked against its entry's text; `total` is how
  // many entries hold every token (an upper bound until `done`).
  function Search(root, query, filters) {
    this.root = root;
    this.parts = segments(query);
    this.phrases = this.parts.length > 1 ? [this.parts.join(""), this.parts.join(" ")] : [];
    this.filters = filters || {};
    this.candidates = null;
    this.position = 0;
    this.found = 0;
    this.done = false;
  }

  Search.prototype.prepare = function () {
    var self = this;
    if (self.candidates) return Promise.resolve();
    return fetchOnce(self.root + "search/index.json", true).then(function (manifest) {
      self.manifest = manifest;
      var required = [];
      self.parts.forEach(function (part) { required = required.concat(queryTokens(part)); });
      required = Array.from(new Set(required));
      // Pairs across the gap between two words of ideographs: where they are, the words stand together (a phrase).
      var joins = [];
      for (var i = 1; i < self.parts.length; i++) {
        var before = Array.from(self.parts[i - 1]), after = Array.from(self.parts[i]);
        var last = before[before.length - 1], first = after[0];
        if (kind(last.codePointAt(0)) === IDEOGRAPH && kind(first.codePointAt(0)) === IDEOGRAPH) joins.push(last + first);
      }
      var wanted = new Set(required.concat(joins)), shards = new Set();
      wanted.forEach(function (token) { shards.add(shardOf(token, manifest.shards)); });
      var postings = new Map();
      return Promise.all(Array.from(shards).map(function (shard) {
        return fetchOnce(self.root + "search/s/" + shard + ".bin", false).then(function (bytes) {
          return readShard(self.root, manifest, bytes, wanted, postings);
        });
      })).then(function () { self.rank(manifest, required, joins, postings); });
    });
  };

  // The count a weight's level stands for (1, 2, 3–4, 5 or more).
  var levelCounts = [1, 2, 3.5, 6];

  Search.prototype.rank = function (manifest, required, joins, postings) {
    var self = this, lists = required.map(function (token) { return postings.get(token) || new Map(); });
    self.candidates = [];
    if (!lists.length || lists.some(function (list) { return list.size === 0; })) return;
    lists.sort(function (a, b) { return a.size - b.size; });
    var org = self.filters.org ? manifest.orgs.findIndex(function (o) { return o[0] === self.filters.org; }) : null;
    var year = self.filters.year ? Number(self.filters.year) : null;
    lists[0].forEach(function (weight, entry) {
      var range = rangeOf(manifest, entry);
      if (org !== null && range[1] !== org) return;
      if (year !== null && range[2] !== year) return;
      var score = 0, inTitle = true;
      for (var i = 0; i < lists.length; i++) {
        var w = lists[i].get(entry);
        if (w === undefined) return;
        var tf = levelCounts[w >> 1];
        inTitle = inTitle && (w & 1) === 1;
        score += Math.log(1 + manifest.entries / lists[i].size) * (tf / (tf + 1.2));
      }
      var joined = joins.every(function (token) { var list = postings.get(token); return list && list.has(entry); });
      self.candidates.push({ entry: entry, org: range[1], year: range[2], title: inTitle, joined: joined, score: score });
    });
    // Title matches first, then words standing together, then by weight; ties in the site's order.
    self.candidates.sort(function (a, b) {
      return (b.title - a.title) || (b.joined - a.joined) || (b.score - a.score) || (a.entry - b.entry);
    });
  };

  Object.defineProperty(Search.prototype, "total", { get: function () { return this.candidates ? this.candidates.length : 0; } });

  // The next `count` results (fewer at the end), each with its entry read from its chunk and its place in the text.
  Search.prototype.next = function (count) {
    var self = this, results = [];
    function step() {
      if (results.length >= count || self.position >= self.candidates.length) {
        if (self.position >= self.candidates.length) self.done = true;
        results.sort(function (a, b) { return a.tier - b.tier || a.order - b.order; });
        return results;
      }
      // A few at a time: what is left to show, at least 8 (some may not hold the words as typed), at most 32.
      var batch = self.candidates.slice(self.position, self.position + Math.min(Math.max(count - results.length, 8), 32));
      self.position += batch.length;
      return Promise.all(batch.map(function (candidate) {
        var number = chunkOf(self.manifest, candidate.entry);
        return fetchOnce(self.root + "search/t/" + number + ".json", true).then(function (chunk) {
          return self.check(candidate, chunk[candidate.entry - chunkStarts(self.manifest)[number]]);
        });
      })).then(function (checked) {
        checked.forEach(function (result) { if (result) results.push(result); });
        return step();
      });
    }
    return self.prepare().then(step).then(function (page) { self.found += page.length; return page; });
  };

  Search.prototype.check = function (candidate, item) {
    var title = foldText(item[3]), text = foldText(item[4]);
    var parts = this.parts, inTitle = [], inText = [];
    parts.forEach(function (part) { (find(title, part, 0) >= 0 ? inTitle : inText).push(part); });
    if (!holdsAll(text, inText)) return null;
    var phrase = this.phrases.some(function (p) { return find(title, p, 0) >= 0 || find(text, p, 0) >= 0; });
    var org = this.manifest.orgs[candidate.org];
    return {
      href: item[0], path: item[1], kind: item[2], text: item[4], folded: text, parts: parts,
      org: org ? org[1] : "", year: candidate.year,
      tier: inText.length === 0 ? 0 : (phrase ? 1 : 2), order: candidate.entry
    };
  };

  // MARK: The page

  var kindNames = { section: "报告章节", document: "文件", department: "部门", metric: "指标" };

  // About a line of text around the first match, with every match marked.
  function snippet(result) {
    var text = result.text, folded = result.folded, first = -1;
    result.parts.forEach(function (part) {
      var at = find(folded, part, 0);
      if (at >= 0 && (first < 0 || at < first)) first = at;
    });
    var start = first < 0 ? 0 : Math.max(0, first - 30), end = Math.min(text.length, start + 120);
    var marks = [];
    result.parts.forEach(function (part) {
      for (var at = find(folded, part, start); at >= 0 && at < end; at = find(folded, part, at + part.length)) marks.push([at, at + part.length]);
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var paragraph = document.createElement("p"), cursor = start;
    paragraph.className = "search-snippet";
    if (start > 0) paragraph.appendChild(document.createTextNode("…"));
    marks.forEach(function (mark) {
      if (mark[0] < cursor) return;
      paragraph.appendChild(document.createTextNode(text.slice(cursor, mark[0])));
      var marked = document.createElement("mark");
      marked.textContent = text.slice(mark[0], Math.min(mark[1], end));
      paragraph.appendChild(marked);
      cursor = Math.min(mark[1], end);
    });
    paragraph.appendChild(document.createTextNode(text.slice(cursor, end) + (end < text.length ? "…" : "")));
    return paragraph;
  }

  function show(root, list, results) {
    results.forEach(function (result) {
      var item = document.createElement("li"), heading = document.createElement("h2"), link = document.createElement("a");
      link.href = root + result.href;
      link.textContent = result.path;
      heading.appendChild(link);
      item.appendChild(heading);
      var meta = document.createElement("p");
      meta.className = "search-meta";
      meta.textContent = [result.org, result.year ? result.year + " 年" : "", kindNames[result.kind]].filter(Boolean).join(" · ");
      item.appendChild(meta);
      if (result.text) item.appendChild(snippet(result));
      list.appendChild(item);
    });
  }

  var pageSize = 10;

  function start() {
    var page = document.querySelector(".search-page");
    if (!page) return;
    var root = page.getAttribute("data-root"), form = page.querySelector("form.search-form");
    var input = form.querySelector("input[name=q]"), org = form.querySelector("select[name=org]"), year = form.querySelector("select[name=year]");
    var status = page.querySelector(".search-status[role=status]"), list = page.querySelector(".search-results");
    var more = page.querySelector(".search-more"), current = null;
    var parameters = new URLSearchParams(location.search);
    input.value = parameters.get("q") || "";
    org.value = parameters.get("org") || "";
    year.value = parameters.get("year") || "";

    function summary(search) {
      if (!search.found) return "没有找到包含“" + search.parts.join(" ") + "”的内容。";
      return (search.done ? "共找到 " + search.found : "找到约 " + search.total) + " 个结果" + (search.done ? "。" : "，已显示 " + search.found + " 个。");
    }
    function run() {
      list.textContent = "";
      more.hidden = true;
      var search = current = new Search(root, input.value, { org: org.value, year: year.value });
      if (!search.parts.length) {
        status.textContent = input.value ? "请输入文字或数字。" : "";
        page.setAttribute("data-state", "idle");
        return;
      }
      status.textContent = "正在搜索……";
      showNext(search);
    }
    // The next page of results under those shown; `data-state` tells tests (and styles) when they are drawn.
    function showNext(search) {
      page.setAttribute("data-state", "searching");
      search.next(pageSize).then(function (results) {
        if (search !== current) return;
        show(root, list, results);
        status.textContent = summary(search);
        more.hidden = search.done;
        page.setAttribute("data-state", "done");
      }, function () {
        status.textContent = "搜索索引读取失败，请稍后再试。";
        page.setAttribute("data-state", "failed");
      });
    }
    more.addEventListener("click", function () { showNext(current); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var next = new URLSearchParams();
      if (input.value) next.set("q", input.value);
      if (org.value) next.set("org", org.value);
      if (year.value) next.set("year", year.value);
      history.replaceState(null, "", "?" + next.toString());
      run();
    });
    [org, year].forEach(function (select) { select.addEventListener("change", function () { form.requestSubmit(); }); });
    if (input.value) run(); else page.setAttribute("data-state", "idle");
  }

  // For the browser test and for scripts of the portal's own: the tokenizer and the search itself.
  window.GongkaiSearch = {
    tokens: tokens, queryTokens: queryTokens, shardOf: shardOf, segments: segments,
    // Every result of a query, checked: resolves to their addresses from the site root, in result order.
    all: function (root, query, filters) {
      var search = new Search(root, query, filters);
      if (!search.parts.length) return Promise.resolve([]);
      return search.next(Infinity).then(function (results) { return results.map(function (r) { return r.href; }); });
    }
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
