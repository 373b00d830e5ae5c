// Opened straight from disk (file://), folders do not open their index.html by themselves:
// point clean links and form actions at it. Served over HTTP, this does nothing. Pages work without it.
if (location.protocol === "file:") {
  document.addEventListener("DOMContentLoaded", function () {
    const targets = [];
    for (const a of document.querySelectorAll("a[href]")) targets.push([a, "href"]);
    for (const f of document.querySelectorAll("form[action]")) targets.push([f, "action"]);
    for (const [el, name] of targets) {
      const href = el.getAttribute(name);
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) continue;
      const [path, hash] = href.split("#");
      if (path === "" ) continue;
      if (path.endsWith("/") || path === "." || path === "..") {
        el.setAttribute(name, (path.endsWith("/") ? path : path + "/") + "index.html" + (hash !== undefined ? "#" + hash : ""));
      }
    }
  });
}
