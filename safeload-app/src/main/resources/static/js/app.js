import { initAll } from "/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js";
initAll();

// Without JavaScript a table wider than a narrow screen scrolls inside itself (safeload.css). With
// it, each such table goes inside a named, focusable region (as pages do themselves with
// sl-table-scroll), so keyboard users can scroll it too and the table keeps its table semantics.
function regionsForWideTables() {
  document.querySelectorAll("table.govuk-table").forEach((table) => {
    if (table.closest(".sl-table-scroll") || table.scrollWidth <= table.clientWidth + 1) {
      return;
    }
    const region = document.createElement("div");
    const caption = table.querySelector("caption");
    region.className = "sl-table-scroll";
    region.setAttribute("tabindex", "0");
    region.setAttribute("role", "region");
    region.setAttribute("aria-label", caption ? caption.textContent.trim() : "Table");
    table.parentNode.insertBefore(region, table);
    region.appendChild(table);
  });
}
regionsForWideTables();
