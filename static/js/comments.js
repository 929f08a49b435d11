// Comments on a cached article page (see docs/comments.md). The page's HTML is the same for
// every reader, so the form arrives without a CSRF token or timestamp: fetch them from a
// never-cached endpoint when the reader starts on the form, and before it is sent.
// Without this script the post still works: the server asks the reader to confirm.
(function () {
  "use strict";
  var form = document.querySelector("form[data-comment-form]");
  if (!form) return;
  var tokenField = form.querySelector('input[name="csrfmiddlewaretoken"]');
  var timestampField = form.querySelector('input[name="timestamp"]');
  var parentField = form.querySelector('input[name="parent"]');
  var replying = form.querySelector("[data-replying]");
  var loading = null;

  function loadToken() {
    if (tokenField.value && timestampField.value) return Promise.resolve();
    if (!loading) {
      loading = fetch(form.dataset.tokenUrl, {
        credentials: "same-origin",
        cache: "no-store",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          if (!response.ok) throw new Error("token " + response.status);
          return response.json();
        })
        .then(function (data) {
          tokenField.value = data.csrfToken;
          timestampField.value = data.timestamp;
        })
        .catch(function () {
          loading = null; // the server-side confirmation page still keeps the text
        });
    }
    return loading;
  }

  form.addEventListener("focusin", loadToken);
  form.addEventListener("submit", function (event) {
    if (tokenField.value && timestampField.value) return;
    event.preventDefault();
    loadToken().then(function () {
      form.submit();
    });
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-reply-to]");
    if (link) {
      event.preventDefault();
      parentField.value = link.dataset.replyTo;
      replying.querySelector("[data-replying-name]").textContent = link.dataset.replyName;
      replying.hidden = false;
      form.scrollIntoView({ block: "start" });
      form.querySelector("textarea").focus();
      return;
    }
    if (event.target.closest("[data-cancel-reply]")) {
      parentField.value = "";
      replying.hidden = true;
    }
  });
})();
