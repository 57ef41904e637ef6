// Renders LaTeX in titles and abstracts with the KaTeX we serve ourselves, where it is well formed: an
// element whose delimiters do not pair up (an odd number of unescaped $, a \( without its \)) stays plain
// text, since pairing would turn the text between two unrelated dollar signs into math. A formula KaTeX cannot
// parse stays as its source text (throwOnError: true makes auto-render catch the error and keep the text,
// where false would paint the source red); trust: false keeps \href, \url and \includegraphics inert.
function wellFormedMath(text) {
  const dollars = (text.match(/(?<!\\)\$/g) || []).length;
  const count = (re) => (text.match(re) || []).length;
  return dollars % 2 === 0
    && count(/\\\(/g) === count(/\\\)/g)
    && count(/\\\[/g) === count(/\\\]/g);
}

document.addEventListener("DOMContentLoaded", () => renderMath(document));
// A discussion swapped in by htmx carries math of its own.
document.addEventListener("htmx:afterSwap", (event) => renderMath(event.detail.target.isConnected ? event.detail.target : (document.getElementById("discussion") || document)));

// Each element is done once (marked data-math-done): after the unescaping below, a \$ that was text is a plain $,
// which a second pass (an htmx swap that asks for the whole document) would take for a delimiter.
function renderMath(root) {
  const katex = typeof renderMathInElement === "function";
  for (const el of root.querySelectorAll(".math, .snippet")) {
    if (el.dataset.mathDone !== undefined) continue;
    el.dataset.mathDone = "";
    if (katex && el.matches(".math") && wellFormedMath(el.textContent)) renderFormulas(el);
    if (!el.matches(".comment-body")) unescapeText(el);
  }
}

// Titles and abstracts are LaTeX source, where \% \& \_ \# \$ are the plain characters in text mode. Once KaTeX
// has rendered the formulas (or left the element plain), the text outside them shows the character itself.
// Formulas (.katex), code and preformatted text keep their source. Comments are Markdown, where a backslash
// already escaped the character it precedes: what is left there is what the writer meant.
function unescapeText(el) {
  el.normalize(); // auto-render leaves "\$x" as two text nodes, "\" and "$x"
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => node.parentElement.closest(".katex, code, pre, script, style, textarea")
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue.replace(/(?<!\\)\\([%&_#$])/g, "$1");
    if (text !== node.nodeValue) node.nodeValue = text;
  }
}

function renderFormulas(el) {
  renderMathInElement(el, {
    delimiters: [
      { left: "$$", right: "$$", display: true },
      { left: "\\[", right: "\\]", display: true },
      { left: "$", right: "$", display: false },
      { left: "\\(", right: "\\)", display: false },
    ],
    throwOnError: true,
    errorCallback: () => {},
    trust: false,
    maxSize: 10,
    maxExpand: 100,
    ignoredTags: ["script", "noscript", "style", "textarea", "pre", "code", "option", "a"],
  });
}

// Community: pages are cached for everyone, so what belongs to the visitor (the CSRF token for htmx
// requests and for empty _csrf fields of forms, which papers they upvoted) is fetched once per page from
// /account/state.
(() => {
  let state = { signedIn: false, voted: [] };
  fetch("/account/state", { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then((r) => (r.ok ? r.json() : state))
    .then((s) => {
      state = s;
      markVotes(document);
      // Forms on cached pages are the same for everyone: their CSRF field is filled in here.
      for (const field of document.querySelectorAll('input[name="_csrf"]')) {
        if (!field.value && state.csrf) field.value = state.csrf;
      }
    })
    .catch(() => {});

  function markVotes(root) {
    if (!state.signedIn) return;
    const voted = new Set(state.voted || []);
    for (const box of root.querySelectorAll(".votes[data-paper]")) {
      const button = box.querySelector("button.vote");
      if (!button) continue;
      const on = voted.has(box.dataset.paper);
      button.setAttribute("aria-pressed", on ? "true" : "false");
      const label = button.querySelector(".vote-label");
      if (label) label.textContent = on ? "You upvoted this paper; press to take your upvote back." : "Press to upvote.";
    }
  }

  function announce(box, html) {
    const status = box && box.querySelector(".vote-status");
    if (!status) return;
    status.classList.remove("visually-hidden");
    status.textContent = "";
    status.insertAdjacentHTML("beforeend", html);
  }

  document.addEventListener("htmx:configRequest", (event) => {
    const elt = event.detail.elt;
    if (state.csrf) event.detail.headers["X-CSRF-Token"] = state.csrf;
    if (elt.matches && elt.matches("button.vote")) {
      if (!state.signedIn) {
        event.preventDefault();
        const back = encodeURIComponent(location.pathname + location.search);
        announce(elt.closest(".votes"), 'Please <a href="/signin?next=' + back + '">sign in</a> to upvote.');
        return;
      }
      event.detail.parameters.up = elt.getAttribute("aria-pressed") === "true" ? "false" : "true";
    }
  });

  // Search: a signed-in person's click on a result tells their For you page they opened it (a weak "like",
  // POST /for-you/opened). The page itself stays the same for everyone; nothing is sent for anyone else.
  const opened = (event) => {
    const link = event.target.closest && event.target.closest("[data-opened] .card .title a");
    if (!link || !state.signedIn || !state.csrf || !navigator.sendBeacon) return;
    if (event.type === "auxclick" && event.button !== 1) return;
    const id = decodeURIComponent(new URL(link.href).pathname.replace(/^\/papers\//, ""));
    navigator.sendBeacon("/for-you/opened", new URLSearchParams({ paper: id, _csrf: state.csrf }));
  };
  document.addEventListener("click", opened);
  document.addEventListener("auxclick", opened);

  // A vote's answer replaces its button: remember the new state for buttons of the same paper swapped in later.
  document.addEventListener("htmx:afterSwap", () => {
    const voted = new Set(state.voted || []);
    for (const b of document.querySelectorAll(".votes[data-paper] button.vote")) {
      const id = b.closest(".votes").dataset.paper;
      if (b.getAttribute("aria-pressed") === "true") voted.add(id); else voted.delete(id);
    }
    state.voted = [...voted];
  });

  document.addEventListener("htmx:responseError", (event) => {
    const elt = event.detail.elt;
    const box = elt.closest && elt.closest(".votes");
    const text = event.detail.xhr.responseText || "That did not work. Please try again.";
    if (box) {
      const status = box.querySelector(".vote-status");
      status.classList.remove("visually-hidden");
      status.textContent = text;
    }
  });
})();

// Collections: the Save menu's boxes post on change (SaveMenuRoutes) and answer a message for the menu's
// status line; a refusal (a full collection, a session that ended) is said there and the box set back.
// "Copy BibTeX" copies the Cite box's text, a Copy button under a secret (tag/copyfield.jte) its field's: the
// button's data-copy names the class of what it copies, in the same box.
(() => {
  document.addEventListener("htmx:responseError", (event) => {
    const elt = event.detail.elt;
    const menu = elt.closest && elt.closest(".collect-menu");
    if (!menu) return;
    if (elt.type === "checkbox") elt.checked = !elt.checked;
    const status = menu.querySelector(".collect-status");
    if (status) status.textContent = event.detail.xhr.responseText || "That did not work. Please try again.";
  });

  // An open Save menu closes on Escape (focus back on its button) and on a click outside it.
  document.addEventListener("keydown", (event) => {
    const open = event.key === "Escape" && event.target.closest && event.target.closest("details.collect[open]");
    if (!open) return;
    open.open = false;
    open.querySelector("summary").focus();
  });

  document.addEventListener("click", (event) => {
    for (const open of document.querySelectorAll("details.collect[open]")) {
      if (!open.contains(event.target)) open.open = false;
    }
    const button = event.target.closest && event.target.closest("button[data-copy]");
    if (!button) return;
    const box = button.closest(".cite, .copy-box");
    const source = box.querySelector("." + button.dataset.copy);
    const field = source.matches("textarea, input");
    const text = field ? source.value : source.textContent;
    const status = box.querySelector(".copy-status");
    const done = () => { status.textContent = "Copied."; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, () => selectText(source, field, status));
    } else {
      selectText(source, field, status);
    }
  });

  // Without the clipboard API (a plain-http page): select the text so that Ctrl+C copies it.
  function selectText(source, field, status) {
    if (field) {
      source.focus();
      source.select();
    } else {
      const range = document.createRange();
      range.selectNodeContents(source);
      const selection = getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
    status.textContent = document.execCommand && document.execCommand("copy") ? "Copied." : "Selected: press Ctrl+C to copy.";
  }
})();
// --- discussion: a refused comment (too long, too many) is said in its own form, which keeps the text ---
document.addEventListener("htmx:responseError", (event) => {
  const form = event.detail.elt.closest && event.detail.elt.closest(".discussion form");
  const error = form && form.querySelector(".form-error");
  if (error) error.textContent = event.detail.xhr.responseText || "That did not work. Please try again.";
  else if (form) {
    const status = document.getElementById("discussion-status");
    if (status) status.textContent = event.detail.xhr.responseText || "That did not work. Please try again.";
  }
});

// The phone's account menu is a <details> (it opens and closes without this script); Escape closes it and gives
// the focus back to its button, as a menu button does, and a tap anywhere else closes it.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  for (const menu of document.querySelectorAll("details.account-disclosure[open]")) {
    menu.open = false;
    menu.querySelector("summary").focus();
  }
});
document.addEventListener("click", (event) => {
  for (const menu of document.querySelectorAll("details.account-disclosure[open]")) {
    if (!menu.contains(event.target)) menu.open = false;
  }
});

// Keyboard focus stays where it was when htmx replaces the element that held it (an upvote button, a For you
// action): otherwise it falls back to <body>, and a keyboard or screen-reader user loses their place. The new
// element is found by what it is (tag, class, name, value), else the first control of what was swapped in.
(() => {
  let before = null;
  const key = (el) => [el.tagName, el.className, el.getAttribute("name"), el.getAttribute("value")].join("|");
  const controls = "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select, textarea, summary, [tabindex]";
  document.addEventListener("htmx:beforeSwap", (event) => {
    const active = document.activeElement;
    const target = event.detail.target;
    before = active && active !== document.body && target.contains(active)
      ? { target, parent: target.parentElement, key: key(active) } : null;
  });
  document.addEventListener("htmx:afterSettle", () => {
    const was = before;
    before = null;
    if (!was || (document.activeElement && document.activeElement !== document.body)) return;
    const scope = was.target.isConnected ? was.target : was.parent;
    if (!scope || !scope.isConnected) return;
    const candidates = [...scope.querySelectorAll(controls)].filter((el) => el.offsetParent !== null); // shown
    const same = candidates.find((el) => key(el) === was.key);
    const next = same || candidates[0];
    if (next) next.focus({ preventScroll: true });
  });
})();
