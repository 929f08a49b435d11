// The moderation queue without page reloads. Each row's Approve / Reject / Spam button is a real
// submit button (formaction: the comment's decision URL), so the queue works without this script;
// with it, the decision is sent with fetch() and the row says what happened in place.
(function () {
  "use strict";
  var form = document.getElementById("changelist-form");
  if (!form) return;
  var live = document.getElementById("moderation-announcer");

  function announce(text) {
    if (live) live.textContent = text;
  }

  function csrfToken() {
    var field = form.querySelector('input[name="csrfmiddlewaretoken"]');
    return field ? field.value : "";
  }

  form.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-decision]");
    if (!button) return;
    event.preventDefault();
    var confirmed = "";
    if (button.dataset.confirm) {
      if (!window.confirm(button.dataset.confirm)) return;
      confirmed = "1";
    }
    var row = button.closest("tr");
    var buttons = row.querySelectorAll("button[data-decision]");
    buttons.forEach(function (each) {
      each.disabled = true;
    });
    var body = new FormData();
    body.append("csrfmiddlewaretoken", csrfToken());
    body.append("decision", button.value);
    body.append("confirm", confirmed);
    fetch(button.formAction, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-Requested-With": "fetch" },
    })
      .then(function (response) {
        return response.json().then(function (data) {
          if (!response.ok) throw new Error(data.message || "HTTP " + response.status);
          return data;
        });
      })
      .then(function (data) {
        var status = row.querySelector("[data-status]");
        if (status) {
          status.textContent = data.status_label;
          status.className = "comment-status comment-status--" + data.status;
        }
        row.classList.add("is-moderated");
        row.dataset.moderated = data.status;
        buttons.forEach(function (each) {
          each.disabled = each.value === data.status_decision;
        });
        announce(data.message);
      })
      .catch(function (error) {
        buttons.forEach(function (each) {
          each.disabled = false;
        });
        announce("Not saved: " + error.message + ". Try again, or reload the page.");
      });
  });
})();
