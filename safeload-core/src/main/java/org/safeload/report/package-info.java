/**
 * A report as data, free of any domain and of any file format: a {@link org.safeload.report.Report}
 * of numbered {@link org.safeload.report.Section}s holding {@link org.safeload.report.Block}s
 * (paragraphs, bullet lists, label and value pairs, tables whose totals are computed from their
 * rows, charts with a text alternative and their figures as a table, and the sources of figures).
 *
 * <p>Values are formatted here, once, so every rendering (the browser preview, DOCX and PDF) shows
 * the same text: see {@link org.safeload.report.ReportFormat}.
 */
package org.safeload.report;
