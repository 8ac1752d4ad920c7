package org.safeload.app.caseactivity;

import org.safeload.app.SafeloadSpringTest;

/** Corrections on H2 (the contract in {@link EventCorrectionsContract}). */
@SafeloadSpringTest
class EventCorrectionsTest extends EventCorrectionsContract {}
