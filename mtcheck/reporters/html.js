// mtcheck spot report: optional enhancements (the report works without script).
// - category chips toggle the highlights of that category;
// - "j"/"k" move the focus to the next/previous highlight; Enter on a finding in a list focuses its highlight.
(function () {
  "use strict";
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.f"));
  document.querySelectorAll(".chip.toggle").forEach(function (chip) {
    chip.addEventListener("click", function () {
      var cat = chip.getAttribute("data-cat");
      var off = chip.classList.toggle("off");
      chip.setAttribute("aria-pressed", off ? "false" : "true");
      marks.forEach(function (m) {
        if (m.classList.contains("c-" + cat)) { m.classList.toggle("muted-mark", off); }
      });
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.target && /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)) { return; }
    if (event.key !== "j" && event.key !== "k") { return; }
    var index = marks.indexOf(document.activeElement);
    var next = event.key === "j" ? index + 1 : index - 1;
    if (next < 0) { next = marks.length - 1; }
    if (next >= marks.length) { next = 0; }
    if (marks[next]) { marks[next].focus(); marks[next].scrollIntoView({block: "center"}); }
  });
  document.querySelectorAll("ol.findings a[data-mark]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var target = document.getElementById(link.getAttribute("data-mark"));
      if (target) { event.preventDefault(); target.focus(); target.scrollIntoView({block: "center"}); }
    });
  });
  document.documentElement.setAttribute("data-enhanced", "1");
})();
