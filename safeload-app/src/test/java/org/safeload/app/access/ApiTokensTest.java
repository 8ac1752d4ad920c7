package org.safeload.app.access;

import org.safeload.app.SafeloadSpringTest;

/** API tokens on H2 (the contract in {@link ApiTokensContract}). */
@SafeloadSpringTest
class ApiTokensTest extends ApiTokensContract {}
