// chwarden dashboard: the copy buttons next to each fix. No other script runs on these pages;
// the Content-Security-Policy allows only this file (no inline script, no eval).
"use strict";

function copyText(text, button) {
  const done = () => {
    const label = button.textContent;
    button.textContent = "Copied";
    button.classList.add("copied");
    window.setTimeout(() => { button.textContent = label; button.classList.remove("copied"); }, 1500);
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done, () => fallbackCopy(text, done));
  } else {
    fallbackCopy(text, done);
  }
}

// Plain HTTP beyond loopback has no clipboard API: select the text and use the old copy command.
function fallbackCopy(text, done) {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.className = "offscreen";
  document.body.appendChild(area);
  area.select();
  try {
    if (document.execCommand("copy")) done();
  } finally {
    document.body.removeChild(area);
  }
}

document.addEventListener("click", (event) => {
  const button = event.target.closest("button.copy");
  if (!button) return;
  const source = document.getElementById(button.dataset.copy || "");
  if (source) copyText(source.textContent, button);
});
