/**
 * The start page: what needs the signed-in person today, drawn from timeliness, caseloads and
 * money. Nothing depends on this module.
 */
package org.safeload.app.home;
