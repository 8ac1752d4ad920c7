package org.safeload.app.caseactivity;

import org.safeload.app.SafeloadSpringTest;

/** Case events stored on H2 (the contract in {@link CaseEventStorageContract}). */
@SafeloadSpringTest
class CaseEventStorageTest extends CaseEventStorageContract {}
