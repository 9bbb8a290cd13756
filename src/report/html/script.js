// Progressive enhancement only: the page reads the same without this script.
(function () {
  "use strict";
  // Pointing at (or focusing) a sentence highlights the sentences of the other version it is paired with.
  function setPartners(sentence, on) {
    sentence.classList.toggle("active", on);
    (sentence.getAttribute("data-partners") || "").split(" ").forEach(function (id) {
      var partner = id && document.getElementById(id);
      if (partner) partner.classList.toggle("partner", on);
    });
  }
  document.querySelectorAll(".s").forEach(function (s) {
    s.tabIndex = 0;
    s.addEventListener("mouseenter", function () { setPartners(s, true); });
    s.addEventListener("mouseleave", function () { setPartners(s, false); });
    s.addEventListener("focus", function () { setPartners(s, true); });
    s.addEventListener("blur", function () { setPartners(s, false); });
  });

  // n / p (or the buttons) jump to the next / previous flagged pair.
  var flagged = Array.prototype.slice.call(document.querySelectorAll(".row.flagged"));
  if (!flagged.length) return;
  var current = -1;
  function jump(step) {
    current = (current + step + flagged.length) % flagged.length;
    var target = flagged[current];
    history.replaceState(null, "", "#" + target.id);
    target.scrollIntoView({ block: "center" });
    target.querySelector(".s") && target.querySelector(".s").focus({ preventScroll: true });
  }
  var bar = document.createElement("div");
  bar.className = "jump";
  [["◀ previous flag", -1, "p"], ["next flag ▶", 1, "n"]].forEach(function (b) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = b[0];
    button.title = "key: " + b[2];
    button.addEventListener("click", function () { jump(b[1]); });
    bar.appendChild(button);
  });
  document.body.appendChild(bar);
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || /input|textarea/i.test(e.target.tagName)) return;
    if (e.key === "n" || e.key === "j") jump(1);
    if (e.key === "p" || e.key === "k") jump(-1);
  });
})();
