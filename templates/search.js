// Dossier search: looks up the query's terms in the search data the build wrote (search/manifest.js and
// the chunks it lists), loading only the chunks a query needs. Each chunk is a script that calls
// dossierSearchChunk(name, data): browsers fetch no JSON from file://, but they load scripts, so search
// works from a web server and opened from disk alike. No framework and no network beyond the site.
(function () {
  "use strict";
  var manifest = window.DOSSIER_SEARCH || { maxLength: 40, terms: [], accountBits: 0, accounts: [] };
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !list || !status) { return; }

  // Cutting text into terms: the same rule as the build's (Render/SearchTerms.swift).
  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function isCJK(code) {
    return (code >= 0x3040 && code <= 0x30FF) || (code >= 0x3400 && code <= 0x4DBF) || (code >= 0x4E00 && code <= 0x9FFF) ||
      (code >= 0xAC00 && code <= 0xD7AF) || (code >= 0xF900 && code <= 0xFAFF) || (code >= 0x20000 && code <= 0x2FFFF);
  }
  var wordCharacter = /^[\p{L}\p{N}\p{M}]$/u;
  function queryTerms(text) {
    var terms = [], word = "", wordLength = 0, run = [];
    function add(term) { if (terms.indexOf(term) === -1) { terms.push(term); } }
    function endWord() { if (wordLength > 0) { add(word); } word = ""; wordLength = 0; }
    function endRun() {
      if (run.length === 1) { add(run[0]); }
      for (var i = 0; i + 1 < run.length; i++) { add(run[i] + run[i + 1]); }
      run = [];
    }
    Array.from(fold(text)).forEach(function (character) {
      if (isCJK(character.codePointAt(0))) {
        endWord();
        run.push(character);
      } else if (wordCharacter.test(character)) {
        endRun();
        if (wordLength < manifest.maxLength) { word += character; wordLength += 1; }
      } else {
        endWord();
        endRun();
      }
    });
    endWord();
    endRun();
    return terms;
  }

  // Loading chunks: one script element per chunk, once; `done` runs when all of `names` are in.
  var chunks = {}, waiting = {}, failed = false;
  window.dossierSearchChunk = function (name, data) { chunks[name] = data; };
  function load(names, done) {
    var missing = names.filter(function (name) { return !(name in chunks); });
    if (missing.length === 0) { done(); return; }
    var left = missing.length;
    missing.forEach(function (name) {
      function finished(ok) {
        if (!ok) { failed = true; }
        left -= 1;
        if (left === 0) { done(); }
      }
      if (waiting[name]) { waiting[name].push(finished); return; }
      waiting[name] = [finished];
      var script = document.createElement("script");
      script.src = name;
      script.onload = function () { var calls = waiting[name]; delete waiting[name]; calls.forEach(function (call) { call(name in chunks); }); };
      script.onerror = function () { var calls = waiting[name]; delete waiting[name]; calls.forEach(function (call) { call(false); }); };
      document.head.appendChild(script);
    });
  }

  // The chunks whose range of terms may hold a term starting with `prefix`: from the last chunk that
  // starts before it to the last that starts before it or with it (a long term's ids may span chunks).
  function chunksFor(prefix) {
    var starts = manifest.terms, first = 0, last = -1;
    for (var i = 0; i < starts.length; i++) {
      var start = starts[i][0];
      if (start < prefix) { first = i; last = i; } else if (start.lastIndexOf(prefix, 0) === 0) { last = i; } else { break; }
    }
    var names = [];
    for (var j = first; j <= last; j++) { names.push(starts[j][1]); }
    return names;
  }
  // The ids of the accounts with a term starting with `prefix`, from the loaded chunks.
  function idsFor(prefix) {
    var ids = {};
    chunksFor(prefix).forEach(function (name) {
      var entries = chunks[name] || [], low = 0, high = entries.length;
      while (low < high) { var middle = (low + high) >> 1; if (entries[middle][0] < prefix) { low = middle + 1; } else { high = middle; } }
      for (var i = low; i < entries.length && entries[i][0].lastIndexOf(prefix, 0) === 0; i++) {
        var text = entries[i][1];
        for (var k = 0; k < text.length; k += 5) { ids[text.substr(k, 5)] = true; }
      }
    });
    return ids;
  }
  var digits = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
  function accountChunk(id) {
    var value = 0;
    for (var i = 0; i < id.length; i++) { value = value * 64 + digits.indexOf(id.charAt(i)); }
    return manifest.accounts[Math.floor(value / Math.pow(2, 30 - manifest.accountBits))];
  }

  var latest = 0;
  function render(query) {
    var generation = ++latest;
    var terms = queryTerms(query);
    // Until the chunks the query needs are in, the results shown are those of the previous query.
    list.setAttribute("aria-busy", "true");
    if (terms.length === 0) { show(terms, []); return; }
    var names = [];
    terms.forEach(function (term) { names = names.concat(chunksFor(term)); });
    load(names, function () {
      if (generation !== latest) { return; }
      var hits = null;
      terms.forEach(function (term) {
        var ids = idsFor(term);
        hits = hits === null ? Object.keys(ids).sort() : hits.filter(function (id) { return ids[id]; });
      });
      var accounts = [];
      hits.forEach(function (id) { var name = accountChunk(id); if (name && accounts.indexOf(name) === -1) { accounts.push(name); } });
      load(accounts, function () {
        if (generation !== latest) { return; }
        show(terms, hits.map(function (id) { return (chunks[accountChunk(id)] || {})[id]; }).filter(Boolean));
      });
    });
  }

  function matchesName(terms, name) {
    var nameTerms = queryTerms(name);
    return terms.every(function (term) {
      return nameTerms.some(function (nameTerm) { return nameTerm.lastIndexOf(term, 0) === 0; });
    });
  }

  function show(terms, results) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    list.setAttribute("aria-busy", "false");
    if (failed) { status.textContent = status.getAttribute("data-failed"); return; }
    if (terms.length === 0) { status.textContent = status.getAttribute("data-empty"); return; }
    var hits = results.map(function (entry) {
      return { name: entry[0], url: entry[1], stage: entry[2], owner: entry[3], folded: fold(entry[0]), first: matchesName(terms, entry[0]) ? 0 : 1 };
    });
    hits.sort(function (a, b) {
      return a.first - b.first || (a.folded < b.folded ? -1 : a.folded > b.folded ? 1 : 0) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
    });
    status.textContent = hits.length + " " + (hits.length === 1 ? status.getAttribute("data-one") : status.getAttribute("data-many"));
    hits.forEach(function (hit) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = hit.url;
      link.textContent = hit.name;
      var meta = document.createElement("span");
      meta.className = "muted";
      meta.textContent = " " + hit.stage + " · " + hit.owner;
      li.appendChild(link);
      li.appendChild(meta);
      list.appendChild(li);
    });
  }

  // The keyboard: Down from the field goes to the first result, Up and Down walk the results (Up from
  // the first goes back to the field), Enter follows the focused link as any link does; Tab works too.
  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && links().length > 0) { event.preventDefault(); links()[0].focus(); }
  });
  list.addEventListener("keydown", function (event) {
    var all = links(), index = all.indexOf(document.activeElement);
    if (index === -1) { return; }
    if (event.key === "ArrowDown" && index + 1 < all.length) { event.preventDefault(); all[index + 1].focus(); }
    if (event.key === "ArrowUp") { event.preventDefault(); (index > 0 ? all[index - 1] : input).focus(); }
  });

  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  input.addEventListener("input", function () { render(input.value); });
  render(query);
})();
