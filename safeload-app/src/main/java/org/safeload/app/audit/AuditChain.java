package org.safeload.app.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.safeload.app.audit.persistence.AuditRepository;
import org.safeload.app.audit.persistence.AuditRepository.Stored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail as a chain: seals new entries in order (each entry's hash covers the previous
 * one's, so an entry edited, deleted or moved in the database breaks the chain from there) and
 * checks the whole chain. Entries are written with a hash of their own values and sealed within a
 * second by the background writer, in a transaction of their own: a change's transaction never
 * waits for the chain.
 */
@Service
public class AuditChain {

  private static final Logger log = LoggerFactory.getLogger(AuditChain.class);

  /** Entries sealed in one transaction at most. */
  static final int BATCH = 5000;

  /** Problems listed by a check at most (all are counted). */
  static final int LISTED = 100;

  private final AuditRepository repository;
  private final AuditSeal seal;
  private final TransactionTemplate transactions;

  /** Entries refused already (warned about once, not again every second). */
  private final Set<Long> refused = java.util.concurrent.ConcurrentHashMap.newKeySet();

  AuditChain(AuditRepository repository, AuditSeal seal, TransactionTemplate transactions) {
    this.repository = repository;
    this.seal = seal;
    this.transactions = transactions;
  }

  /** The hash of an entry's own values, as {@link AuditSeal#rowMac}. */
  String rowMac(Stored e) {
    return seal.rowMac(e.at(), e.actor(), e.action(), e.entityType(), e.entityId(), e.summary());
  }

  /**
   * Seals the entries written since the last call, oldest first. An entry whose own hash does not
   * match its values was not written by Safeload (or was changed before it was sealed): it is left
   * out of the chain and reported by {@link #check}.
   *
   * @return how many entries were sealed
   */
  public int seal() {
    Integer sealed =
        transactions.execute(
            status -> {
              AuditRepository.Head head = repository.lockHead();
              long seq = head.seq();
              String previous = head.mac();
              List<Stored> done = new ArrayList<>();
              for (Stored e : repository.unsealed(BATCH)) {
                String own = rowMac(e);
                boolean legacy = e.rowMac() == null && e.id() <= head.legacyTo();
                if (!legacy && !own.equals(e.rowMac())) {
                  if (refused.add(e.id())) {
                    log.warn(
                        "Audit entry {} does not match its own hash: it was not written by"
                            + " Safeload or was changed before it was sealed, so it is left out"
                            + " of the chain",
                        e.id());
                  }
                  continue;
                }
                seq++;
                String mac = seal.chainMac(previous, seq, e.id(), own);
                done.add(e.sealed(seq, own, mac));
                previous = mac;
              }
              repository.seal(done);
              return done.size();
            });
    return sealed == null ? 0 : sealed;
  }

  /** One thing wrong with the trail: the entry (its database id and place, if any) and what. */
  public record Problem(long id, Long seq, String what) {}

  /**
   * What a check of the whole trail found.
   *
   * @param sealed entries in the chain
   * @param lastSeq the last place in the chain found
   * @param lastAt when the last sealed entry happened, if any
   * @param waiting entries written by Safeload and not sealed yet (sealed within seconds)
   * @param problems the first {@link #LISTED} problems
   * @param problemCount every problem found
   */
  public record Check(
      long sealed,
      long lastSeq,
      Instant lastAt,
      long waiting,
      List<Problem> problems,
      long problemCount) {

    public boolean intact() {
      return problemCount == 0;
    }
  }

  /**
   * Checks every entry: each sealed entry's values against its own hash, its place (1, 2, 3, … with
   * none missing) and its chain hash against the one before; the chain's end against the head; and
   * every entry not sealed yet against its own hash.
   */
  public Check check() {
    return transactions.execute(
        status -> {
          List<Problem> problems = new ArrayList<>();
          long[] counts = new long[4]; // sealed, last seq, problems, waiting
          String[] previous = {""};
          Instant[] lastAt = {null};
          java.util.function.Consumer<Problem> problem =
              p -> {
                counts[2]++;
                if (problems.size() < LISTED) {
                  problems.add(p);
                }
              };
          repository.eachSealed(
              e -> {
                counts[0]++;
                long expected = counts[1] + 1;
                if (e.seq() != expected) {
                  problem.accept(
                      new Problem(
                          e.id(),
                          e.seq(),
                          e.seq() > expected
                              ? (e.seq() - expected == 1
                                  ? "the entry before it in the chain is missing"
                                  : (e.seq() - expected)
                                      + " entries before it in the chain are missing")
                              : "its place in the chain was changed"));
                }
                String own = rowMac(e);
                if (!own.equals(e.rowMac())) {
                  problem.accept(
                      new Problem(e.id(), e.seq(), "its values were changed after it was written"));
                } else if (!seal.chainMac(previous[0], e.seq(), e.id(), own).equals(e.mac())) {
                  problem.accept(
                      new Problem(
                          e.id(),
                          e.seq(),
                          "it does not follow the entry before it (moved, or entries around it"
                              + " were changed)"));
                }
                previous[0] = e.mac() == null ? "" : e.mac();
                counts[1] = e.seq();
                lastAt[0] = e.at();
              });
          AuditRepository.Head head = repository.head();
          if (head.seq() > counts[1]) {
            problem.accept(
                new Problem(
                    0,
                    head.seq(),
                    (head.seq() - counts[1])
                        + " of the newest entries are missing: the chain ends at "
                        + counts[1]
                        + " but was sealed to "
                        + head.seq()));
          } else if (head.seq() == counts[1] && !head.mac().equals(previous[0])) {
            problem.accept(
                new Problem(0, head.seq(), "the chain's end does not match its last entry"));
          }
          repository.eachUnsealed(
              e -> {
                boolean legacy = e.rowMac() == null && e.id() <= head.legacyTo();
                if (legacy || rowMac(e).equals(e.rowMac())) {
                  counts[3]++;
                } else {
                  problem.accept(
                      new Problem(
                          e.id(),
                          null,
                          "it was not written by Safeload, or was changed before it was sealed"));
                }
              });
          return new Check(
              counts[0], counts[1], lastAt[0], counts[3], List.copyOf(problems), counts[2]);
        });
  }
}
