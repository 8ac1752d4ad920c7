/**
 * Case activity: the council's case events and children, their imports, the allocations the product
 * records, and the in-memory log every other module reads them from (docs/architecture.md).
 */
package org.safeload.app.caseactivity;
