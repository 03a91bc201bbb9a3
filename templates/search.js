// Dossier search: filters the index written by the build (search/index.js) in the browser.
// No framework and no network: it works from a web server and from file:// alike.
(function () {
  "use strict";
  var entries = window.DOSSIER_SEARCH || [];
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !list || !status) { return; }

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var folded = entries.map(function (entry) {
    return { entry: entry, name: fold(entry.name), all: fold([entry.name, entry.owner, entry.stage, entry.text].join(" ")) };
  });

  function render(query) {
    var terms = fold(query).split(/\s+/).filter(function (term) { return term.length > 0; });
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (terms.length === 0) { status.textContent = status.getAttribute("data-empty"); return; }
    var hits = folded.filter(function (item) {
      return terms.every(function (term) { return item.all.indexOf(term) !== -1; });
    });
    hits.sort(function (a, b) {
      var an = terms.every(function (term) { return a.name.indexOf(term) !== -1; }) ? 0 : 1;
      var bn = terms.every(function (term) { return b.name.indexOf(term) !== -1; }) ? 0 : 1;
      return an - bn || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    });
    status.textContent = hits.length + " " + (hits.length === 1 ? status.getAttribute("data-one") : status.getAttribute("data-many"));
    hits.forEach(function (item) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = item.entry.url;
      link.textContent = item.entry.name;
      var meta = document.createElement("span");
      meta.className = "muted";
      meta.textContent = " " + item.entry.stage + " · " + item.entry.owner;
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
