// Live character count under the headline and standfirst of the article form.
(function () {
  "use strict";
  function attach(field) {
    var limit = parseInt(field.getAttribute("maxlength"), 10);
    if (!limit) { return; }
    var counter = document.createElement("p");
    counter.className = "char-count";
    counter.id = field.id + "_count";
    counter.setAttribute("aria-live", "polite");
    field.setAttribute("aria-describedby", ((field.getAttribute("aria-describedby") || "") + " " + counter.id).trim());
    field.insertAdjacentElement("afterend", counter);
    function update() {
      var used = field.value.length;
      counter.textContent = used + " / " + limit + " characters";
      counter.classList.toggle("is-over", used > limit);
    }
    field.addEventListener("input", update);
    update();
  }
  document.addEventListener("DOMContentLoaded", function () {
    ["id_headline", "id_standfirst"].forEach(function (id) {
      var field = document.getElementById(id);
      if (field) { attach(field); }
    });
  });
})();
