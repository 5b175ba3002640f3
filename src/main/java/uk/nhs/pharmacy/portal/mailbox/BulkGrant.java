package uk.nhs.pharmacy.portal.mailbox;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A bulk change: every listed account on every listed premises' mailbox (one locum on many
 * branches, or many people on one mailbox). For a grant: permissions, owner and last day; for a
 * revoke: {@code confirm} allows going below NHSmail's minimum. The reason is required.
 */
public record BulkGrant(boolean revoke, List<String> accounts, List<String> odsCodes, Set<Permission> permissions,
                        boolean owner, LocalDate lastDay, String reason, boolean confirm) implements Serializable {

    public static final int MAX_LINES = 500;

    /** One line of the outcome: which account on which premises, and what happened or would happen. */
    public record Line(int number, String account, String odsCode, boolean ok, String message) implements Serializable {
    }
}
