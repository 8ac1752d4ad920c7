package org.safeload.app.money;

import java.time.Instant;
import org.safeload.money.Contract;

/**
 * A contract as stored: its terms (one validated document) and its links.
 *
 * @param providerId the provider in the organisation, when the contract's provider is one
 * @param teamId the team it supplies, when named
 */
public record StoredContract(
    long id, String code, Long providerId, Long teamId, Contract contract, Instant updatedAt) {}
