/**
 * Ofsted Annex A workbooks in the app (docs/annex-a.md, "In the app"): the upload page and its
 * mapping report, the matching of the workbook's names to the council's workers and teams, the
 * import through the case activity's own imports, and the API. Reads {@code caseactivity}, {@code
 * organisation} and {@code timeliness}; nothing depends on it.
 */
package org.safeload.app.annexa;
