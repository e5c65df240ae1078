// The 大字 switch (适老化): larger text on every page, remembered in the browser. Loaded in <head> so a remembered
// choice applies before the page is drawn; without scripts the button stays hidden and the browser's own text size
// still rules.
(function () {
  var key = "gongkai-text-size";
  var root = document.documentElement;
  function stored() { try { return localStorage.getItem(key) === "large"; } catch (e) { return false; } }
  if (stored()) root.classList.add("large-text");
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector("button.text-size");
    if (!button) return;
    button.hidden = false;
    button.setAttribute("aria-pressed", String(root.classList.contains("large-text")));
    button.addEventListener("click", function () {
      var large = root.classList.toggle("large-text");
      button.setAttribute("aria-pressed", String(large));
      try { localStorage.setItem(key, large ? "large" : "normal"); } catch (e) {}
    });
  });
})();
