package org.safeload.report;

/** What a section holds, in reading order. */
public sealed interface Block permits Paragraph, BulletList, KeyValues, Table, Chart, Sources {}
