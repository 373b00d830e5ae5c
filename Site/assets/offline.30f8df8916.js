// Opened straight from disk (file://), folders do not open their index.html by themselves:
// point clean links at it. Served over HTTP, this does nothing. Pages work without it.
if (location.protocol === "file:") {
  document.addEventListener("DOMContentLoaded", function () {
    for (const a of document.querySelectorAll("a[href]")) {
      const href = a.getAttribute("href");
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) continue;
      const [path, hash] = href.split("#");
      if (path === "" ) continue;
      if (path.endsWith("/") || path === "." || path === "..") {
        a.setAttribute("href", (path.endsWith("/") ? path : path + "/") + "index.html" + (hash !== undefined ? "#" + hash : ""));
      }
    }
  });
}
