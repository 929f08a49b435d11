// The moderation queue without page reloads. Each row's Approve / Reject / Spam button is a real
// submit button (formaction: the comment's decision URL) and Reply a real link to a reply page,
// so the queue works without this script; with it, decisions and replies are sent with fetch()
// and the row says what happened in place.
// Loaded in the page's head (the admin's media): start once the queue is in the document.
document.addEventListener("DOMContentLoaded", function () {
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

  function send(url, fields, row, controls) {
    var body = new FormData();
    body.append("csrfmiddlewaretoken", csrfToken());
    Object.keys(fields).forEach(function (name) {
      body.append(name, fields[name]);
    });
    controls.forEach(function (each) {
      each.disabled = true;
    });
    return fetch(url, {
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
        row.querySelectorAll("button[data-decision]").forEach(function (each) {
          each.disabled = each.value === data.status_decision;
        });
        announce(data.message);
        return data;
      })
      .catch(function (error) {
        controls.forEach(function (each) {
          each.disabled = false;
        });
        announce("Not saved: " + error.message + ". Try again, or reload the page.");
        throw error;
      });
  }

  function openReply(link) {
    var row = link.closest("tr");
    var existing = row.querySelector(".queue-reply");
    if (existing) {
      existing.querySelector("textarea").focus();
      return;
    }
    var box = document.createElement("div");
    box.className = "queue-reply";
    var label = document.createElement("label");
    var id = "reply-" + Math.random().toString(36).slice(2);
    label.htmlFor = id;
    label.textContent = "Your reply (published at once, under your name)";
    var text = document.createElement("textarea");
    text.id = id;
    text.rows = 4;
    var publish = document.createElement("button");
    publish.type = "button";
    publish.className = "button default";
    publish.textContent = "Publish reply";
    var cancel = document.createElement("button");
    cancel.type = "button";
    cancel.className = "button";
    cancel.textContent = "Cancel";
    box.append(label, text, publish, cancel);
    link.closest(".queue-decisions").after(box);
    text.focus();
    cancel.addEventListener("click", function () {
      box.remove();
    });
    publish.addEventListener("click", function () {
      send(link.href, { body: text.value }, row, [publish, cancel]).then(
        function () {
          box.remove();
        },
        function () {
          text.focus(); // the text stays in the box: nothing typed is lost
        },
      );
    });
  }

  form.addEventListener("click", function (event) {
    var reply = event.target.closest("a[data-reply]");
    if (reply) {
      event.preventDefault();
      openReply(reply);
      return;
    }
    var button = event.target.closest("button[data-decision]");
    if (!button) return;
    event.preventDefault();
    var confirmed = "";
    if (button.dataset.confirm) {
      if (!window.confirm(button.dataset.confirm)) return;
      confirmed = "1";
    }
    var row = button.closest("tr");
    var buttons = Array.prototype.slice.call(row.querySelectorAll("button[data-decision]"));
    send(button.formAction, { decision: button.value, confirm: confirmed }, row, buttons).catch(
      function () {},
    );
  });
});
