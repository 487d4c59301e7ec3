// Citations: hovering or clicking one highlights the exact span it cites in its article's text.
// Offsets arrive as UTF-16 indices (data-start/data-end), which is how JavaScript counts text.
(function () {
  "use strict";

  function clear() {
    document.querySelectorAll("mark.hl").forEach(function (mark) {
      var parent = mark.parentNode;
      parent.replaceChild(document.createTextNode(mark.textContent), mark);
      parent.normalize();
    });
    document.querySelectorAll(".cite.active").forEach(function (c) { c.classList.remove("active"); });
  }

  function highlight(cite, scroll) {
    clear();
    var box = document.getElementById("text-" + cite.dataset.article);
    if (!box || !box.firstChild) { return null; }
    var node = box.firstChild;
    var range = document.createRange();
    range.setStart(node, Number(cite.dataset.start));
    range.setEnd(node, Number(cite.dataset.end));
    var mark = document.createElement("mark");
    mark.className = "hl";
    range.surroundContents(mark);
    cite.classList.add("active");
    if (scroll) { mark.scrollIntoView({block: "center"}); }
    return mark;
  }

  document.addEventListener("click", function (event) {
    var cite = event.target.closest && event.target.closest(".cite");
    if (!cite) { return; }
    event.preventDefault();
    highlight(cite, true);
  });
  document.addEventListener("mouseover", function (event) {
    var cite = event.target.closest && event.target.closest(".cite");
    if (cite) { highlight(cite, false); }
  });
})();
