// Site search. Without JavaScript the search form leads to the search page, which lists every
// page. With it, the header's search box becomes a combobox: results appear in a listbox as
// you type (up/down arrows move, Enter follows, Escape closes), and the search page shows
// every match for ?q=. The index (search-index.js, written by the build) assigns a global,
// so it loads from file:// too; it is fetched the first time the search box is used.
// All links are relative to this page: <body data-root="../../"> gives the way to the root.
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "";
  var fromDisk = location.protocol === "file:";
  var loading = null;
  var prepared = null;

  function load(form) {
    if (prepared) return Promise.resolve(prepared);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        if (window.townhallSearchIndex) return resolve(window.townhallSearchIndex);
        var script = document.createElement("script");
        script.src = form.getAttribute("data-index");
        script.onload = function () { window.townhallSearchIndex ? resolve(window.townhallSearchIndex) : reject(); };
        script.onerror = function () { reject(); };
        document.head.appendChild(script);
      }).then(function (index) {
        prepared = index.pages.map(prepare);
        return prepared;
      });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function words(text) {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }
  // Fields with their weights: a match in the title counts most.
  function prepare(page, order) {
    return {
      page: page, order: order,
      fields: [[words(page.t), 8], [words(page.h.join(" ")), 4], [words(page.s), 2], [words(page.x), 2], [words(page.k), 1]]
    };
  }
  // Every query word must start a word of the page; exact words weigh half as much again.
  function search(entries, query) {
    var terms = words(query);
    if (terms.length === 0) return [];
    var hits = [];
    entries.forEach(function (entry) {
      var total = 0;
      for (var t = 0; t < terms.length; t++) {
        var best = 0;
        entry.fields.forEach(function (field) {
          field[0].forEach(function (word) {
            if (word === terms[t]) best = Math.max(best, field[1] * 1.5);
            else if (word.lastIndexOf(terms[t], 0) === 0) best = Math.max(best, field[1]);
          });
        });
        if (best === 0) return;
        total += best;
      }
      hits.push({entry: entry, score: total});
    });
    hits.sort(function (a, b) { return b.score - a.score || a.entry.order - b.entry.order; });
    return hits.map(function (hit) { return hit.entry.page; });
  }
  // A page's address from here: folders open their index.html when read from disk.
  function href(page) {
    var url = root + page.u;
    if (fromDisk && (url === "" || /\/$/.test(url))) url += "index.html";
    return url || "./";
  }
  function count(n) {
    return n === 0 ? "No page matches" : n === 1 ? "1 page matches" : n + " pages match";
  }

  // The header's search box as a combobox (ARIA 1.2 pattern, list autocomplete).
  function combobox(form) {
    var input = form.querySelector("input[type=search]");
    var list = document.createElement("ul");
    var status = document.createElement("p");
    var results = [];
    var active = -1;
    var limit = 8;
    list.id = input.id + "-results";
    list.className = "search-listbox";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Search results");
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    form.appendChild(list);
    form.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    function open(yes) {
      list.hidden = !yes;
      input.setAttribute("aria-expanded", yes ? "true" : "false");
      if (!yes) select(-1);
    }
    function select(i) {
      active = i;
      var options = list.children;
      for (var k = 0; k < options.length; k++) {
        options[k].setAttribute("aria-selected", k === i ? "true" : "false");
      }
      if (i >= 0) {
        input.setAttribute("aria-activedescendant", options[i].id);
        options[i].scrollIntoView({block: "nearest"});
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }
    function follow(i) {
      if (results[i]) location.href = href(results[i]);
    }
    function update() {
      var query = input.value;
      if (words(query).length === 0) {
        results = [];
        list.textContent = "";
        status.textContent = "";
        open(false);
        return;
      }
      load(form).then(function (entries) {
        if (input.value !== query) return;
        var all = search(entries, query);
        results = all.slice(0, limit);
        list.textContent = "";
        results.forEach(function (page, i) {
          var option = document.createElement("li");
          var title = document.createElement("span");
          option.id = list.id + "-" + i;
          option.setAttribute("role", "option");
          option.setAttribute("aria-selected", "false");
          title.className = "search-option-title";
          title.textContent = page.t;
          option.appendChild(title);
          if (page.s) {
            var where = document.createElement("span");
            where.className = "search-option-section";
            where.textContent = page.s;
            option.appendChild(where);
          }
          option.addEventListener("mousedown", function (event) { event.preventDefault(); });
          option.addEventListener("click", function () { follow(i); });
          list.appendChild(option);
        });
        status.textContent = count(all.length) + (all.length > limit ? "; the first " + limit + " are shown" : "")
          + (results.length ? ". Use the up and down arrows to choose, Enter to open." : ".");
        active = -1;
        open(results.length > 0);
      }, function () {
        status.textContent = "Search is not available: its index did not load.";
      });
    }

    input.addEventListener("input", update);
    input.addEventListener("focus", function () { load(form).catch(function () {}); if (results.length) open(true); });
    input.addEventListener("keydown", function (event) {
      var isOpen = !list.hidden;
      switch (event.key) {
        case "ArrowDown":
        case "Down":
          if (!results.length) return;
          event.preventDefault();
          if (!isOpen) open(true);
          select(active + 1 < results.length ? active + 1 : 0);
          break;
        case "ArrowUp":
        case "Up":
          if (!results.length) return;
          event.preventDefault();
          if (!isOpen) open(true);
          select(active > 0 ? active - 1 : results.length - 1);
          break;
        case "Enter":
          // With a result chosen, open it; otherwise the form goes to the search page.
          if (isOpen && active >= 0) {
            event.preventDefault();
            follow(active);
          }
          break;
        case "Escape":
        case "Esc":
          if (isOpen) {
            event.preventDefault();
            open(false);
          } else if (input.value) {
            event.preventDefault();
            input.value = "";
            update();
          }
          break;
        case "Tab":
          open(false);
          break;
      }
    });
    form.addEventListener("focusout", function (event) {
      if (!form.contains(event.relatedTarget)) open(false);
    });
  }

  // The search page: every match for ?q=, as ordinary links.
  function resultsPage(form, container, summary) {
    var input = form.querySelector("input[type=search]");
    var query = new URLSearchParams(location.search).get("q") || "";
    input.value = query;
    if (!words(query).length) return;
    load(form).then(function (entries) {
      var hits = search(entries, query);
      container.textContent = "";
      hits.forEach(function (page) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = href(page);
        link.textContent = page.t;
        item.appendChild(link);
        if (page.s || page.x) {
          var text = document.createElement("p");
          text.textContent = (page.s ? page.s + " · " : "") + page.x;
          item.appendChild(text);
        }
        container.appendChild(item);
      });
      container.hidden = hits.length === 0;
      summary.textContent = count(hits.length) + " “" + query.trim() + "”.";
      var index = document.getElementById("site-index");
      if (index && hits.length) index.hidden = true;
    }, function () {
      summary.textContent = "Search is not available: its index did not load. Every page is listed below.";
    });
  }

  function start() {
    var results = document.getElementById("search-results");
    var summary = document.getElementById("search-summary");
    var forms = document.querySelectorAll("form.site-search[data-index]");
    for (var i = 0; i < forms.length; i++) {
      if (results && summary && forms[i].contains(document.getElementById("search-page-q"))) {
        resultsPage(forms[i], results, summary);
      } else {
        combobox(forms[i]);
      }
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
