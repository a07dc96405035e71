// The rules pages: bring the requested article into view on a visit without "#id" (with one the
// browser does it), and the 复制出处 buttons (shown only when this script runs).
(function () {
  "use strict";
  var current = document.querySelector(".rule.current");
  if (current && !location.hash) current.scrollIntoView({ block: "start" });

  function copyText(text, done) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () {});
      return;
    }
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try {
      if (document.execCommand("copy")) done();
    } finally {
      area.remove();
    }
  }

  document.querySelectorAll("button.copy").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      copyText(button.getAttribute("data-copy") || "", function () {
        button.textContent = "已复制";
        setTimeout(function () { button.textContent = "复制出处"; }, 1500);
      });
    });
  });
})();
