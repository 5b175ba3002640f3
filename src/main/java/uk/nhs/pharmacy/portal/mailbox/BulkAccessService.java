package uk.nhs.pharmacy.portal.mailbox;

import uk.nhs.pharmacy.portal.platform.Failure;
import uk.nhs.pharmacy.portal.platform.InvalidValueException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import uk.nhs.pharmacy.portal.account.AccountRepository;
import uk.nhs.pharmacy.portal.account.MailAddress;
import uk.nhs.pharmacy.portal.account.PersonalAccount;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.platform.NotFound;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.security.AccessDeniedException;
import uk.nhs.pharmacy.portal.security.Actor;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Bulk grant and revoke. The preview runs every line through the real service in a transaction
 * that is always rolled back, so it applies exactly the rules the change will; applying runs them
 * again in one transaction, committed only if every line succeeds.
 */
@ApplicationScoped
public class BulkAccessService {


    @Inject
    MailboxService service;

    @Inject
    MailboxQueries queries;

    @Inject
    MailboxRepository mailboxes;

    @Inject
    AccountRepository accounts;

    @Inject
    java.time.Clock clock;

    @Resource
    UserTransaction tx;

    public List<BulkGrant.Line> preview(Actor actor, BulkGrant bulk) {
        return run(actor, bulk, false);
    }

    /** Applies every line, or none: the outcome says which lines failed when nothing was applied. */
    public List<BulkGrant.Line> apply(Actor actor, BulkGrant bulk) {
        return run(actor, bulk, true);
    }

    private List<BulkGrant.Line> run(Actor actor, BulkGrant bulk, boolean commit) {
        if (bulk.reason() == null || bulk.reason().isBlank()) {
            throw RuleViolation.because("refusal.mailbox.aBulkChangeNeeds");
        }
        int size = bulk.accounts().size() * bulk.odsCodes().size();
        if (size == 0) {
            throw RuleViolation.because("refusal.mailbox.listAtLeastOne");
        }
        if (size > BulkGrant.MAX_LINES) {
            throw RuleViolation.because("refusal.mailbox.thatIsChangesAt", size, BulkGrant.MAX_LINES);
        }
        List<BulkGrant.Line> lines = new ArrayList<>();
        try {
            tx.begin();
            int number = 0;
            for (String address : bulk.accounts()) {
                for (String ods : bulk.odsCodes()) {
                    lines.add(line(actor, bulk, ++number, address.strip(), ods.strip()));
                }
            }
            boolean allOk = lines.stream().allMatch(BulkGrant.Line::ok);
            if (commit && allOk && tx.getStatus() == Status.STATUS_ACTIVE) {
                tx.commit();
            } else {
                tx.rollback();
            }
        } catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
        } catch (Exception e) {
            rollbackQuietly();
            throw new IllegalStateException("The bulk change could not be completed; nothing was applied", e);
        }
        return lines;
    }

    private BulkGrant.Line line(Actor actor, BulkGrant bulk, int number, String address, String ods) {
        try {
            var premises = queries.visiblePremises(actor, OdsCode.premises(ods))
                    .orElseThrow(() -> RuleViolation.because("refusal.mailbox.noPremisesInYour", ods));
            SharedMailbox mailbox = queries.openMailbox(premises)
                    .orElseThrow(() -> RuleViolation.because("refusal.mailbox.hasNoSharedMailbox", ods));
            PersonalAccount account = accounts.findByAddress(MailAddress.of(address))
                    .orElseThrow(() -> RuleViolation.because("refusal.common.noPersonalAccount", address));
            if (bulk.revoke()) {
                Delegation live = mailboxes.liveDelegations(mailbox.getId(), clock.instant()).stream()
                        .filter(d -> d.getAccount().getId().equals(account.getId())).findFirst()
                        .orElseThrow(() -> RuleViolation.because("refusal.mailbox.hasNoAccessTo", address, ods));
                service.revoke(actor, live.getId(), bulk.reason(), bulk.confirm());
                return new BulkGrant.Line(number, address, ods, true, "revoke");
            }
            service.grant(actor, mailbox.getId(), account.getId(), bulk.permissions(), bulk.owner(),
                    bulk.lastDay(), bulk.reason());
            return new BulkGrant.Line(number, address, ods, true, "grant");
        } catch (AccessDeniedException | NotFound e) {
            return new BulkGrant.Line(number, address, ods, false, RuleViolation.because("refusal.mailbox.noPremisesInYour", ods).getMessage());
        } catch (RuleViolation | InvalidValueException e) {
            return new BulkGrant.Line(number, address, ods, false, Failure.of(e).words());
        }
    }

    private void rollbackQuietly() {
        try {
            if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                tx.rollback();
            }
        } catch (SystemException | IllegalStateException ignored) {
            // nothing more to undo
        }
    }
}
