/// The script the preview adds to every page: it listens for rebuilds and reloads the page where it was scrolled to.
/// A page rendered before the latest rebuild (its `?v=` is older than the version the server announces on connect)
/// reloads at once. The overlay's button dismisses it.
enum LiveReloadScript {
    static let source = """
        (function () {
          var key = "gongkai-scroll:" + location.pathname;
          var saved = sessionStorage.getItem(key);
          if (saved !== null) {
            sessionStorage.removeItem(key);
            window.addEventListener("load", function () { window.scrollTo(0, Number(saved)); });
          }
          var script = document.currentScript;
          var version = Number(new URL(script.src).searchParams.get("v"));
          function reload() {
            sessionStorage.setItem(key, String(window.scrollY));
            location.reload();
          }
          var events = new EventSource("\(PreviewServer.eventsPath)");
          events.addEventListener("hello", function (event) { if (Number(event.data) > version) reload(); });
          events.addEventListener("reload", reload);
          document.addEventListener("DOMContentLoaded", function () {
            var overlay = document.getElementById("gongkai-overlay");
            if (overlay) overlay.querySelector("button").addEventListener("click", function () { overlay.remove(); });
          });
        })();

        """
}
