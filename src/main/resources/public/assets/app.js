// Renders LaTeX in titles and abstracts with the KaTeX we serve ourselves. Text stays text when KaTeX
// cannot parse it (throwOnError: false), so a stray dollar sign never hides an abstract.
document.addEventListener("DOMContentLoaded", () => {
  if (typeof renderMathInElement !== "function") return;
  for (const el of document.querySelectorAll(".math")) {
    renderMathInElement(el, {
      delimiters: [
        { left: "$$", right: "$$", display: true },
        { left: "\\[", right: "\\]", display: true },
        { left: "$", right: "$", display: false },
        { left: "\\(", right: "\\)", display: false },
      ],
      throwOnError: false,
      ignoredTags: ["script", "noscript", "style", "textarea", "pre", "code", "option", "a"],
    });
  }
});
