package uk.nhs.pharmacy.portal.api;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import uk.nhs.pharmacy.portal.mailbox.Delegation;
import uk.nhs.pharmacy.portal.mailbox.PremisesDetails;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The API's JSON shapes. */
public final class Dtos {

    private Dtos() {
    }

    /** A sign-in; code: the authenticator code (or a recovery code) LOAs and the national team also send. */
    public record Credentials(String username, String password, String code) {
    }

    public record AccessJson(long id, long version, String account, String name, String jobRole, List<String> permissions,
                      boolean owner, String grantedBy, Instant grantedAt, Instant expiresAt, java.time.LocalDate lastDay) {
        static AccessJson of(Delegation d) {
            return new AccessJson(d.getId(), d.getVersion(), d.getAccount().getAddress().value(), d.getAccount().displayName(),
                    d.getAccount().getJobRole().name(), d.getPermissions().stream().map(Enum::name).toList(), d.isOwner(),
                    d.getGrantedBy(), d.getGrantedAt(), d.getExpiresAt(), d.getLastDay());
        }
    }

    public record Me(String username, String role) {
    }

    public record PremisesJson(String odsCode, String name, String postcode, String area, String mailbox, String mailboxStatus,
                        List<AccessJson> access, List<String> warnings, long refusedMail30Days) {
        /** refused: mail the secure-recipient check refused for the premises in the last 30 days. */
        static PremisesJson of(PremisesDetails d, long refused) {
            return new PremisesJson(d.premises().getOdsCode().value(), d.premises().getName(),
                    d.premises().getPostcode() == null ? null : d.premises().getPostcode().value(), d.areaName(),
                    d.mailbox() == null ? null : d.mailbox().getAddress().value(),
                    d.mailbox() == null ? null : d.mailbox().getStatus().name(),
                    d.access().stream().map(AccessJson::of).toList(), d.warningKeys(), refused);
        }
    }

    /** A grant: the mailbox by its premises' ODS code, the person by their address; expiry is the last day of access. */
    public record GrantJson(String odsCode, String account, List<String> permissions,
                            @JsonbTypeDeserializer(StrictBoolean.class) boolean owner, LocalDate lastDay, String reason) {
    }

    public record ChangeJson(long version, List<String> permissions, @JsonbTypeDeserializer(StrictBoolean.class) boolean owner,
                             @JsonbTypeDeserializer(StrictBoolean.class) boolean confirm, String reason) {
    }

    public record RevokeJson(Long version, @JsonbTypeDeserializer(StrictBoolean.class) boolean confirm, String reason) {
    }

    public record AccountJson(String address, String name, String jobRole, String status) {
        static AccountJson of(uk.nhs.pharmacy.portal.account.PersonalAccount a) {
            return new AccountJson(a.getAddress().value(), a.displayName(), a.getJobRole().name(), a.getStatus().name());
        }
    }

    /** A personal account's page: the person and every mailbox they can reach. */
    public record AccountDetailsJson(AccountJson account, String home, List<ReachJson> access) {
    }

    public record ReachJson(String odsCode, String premises, String mailbox, AccessJson access) {
    }

    /** A new account (homeOdsCode: the premises it belongs to) or an edit (no home, no address change). */
    public record AccountInputJson(String homeOdsCode, String firstName, String lastName, String jobRole,
                                   @JsonbTypeDeserializer(StrictBoolean.class) boolean mobileDevice) {
    }

    public record BulkJson(@JsonbTypeDeserializer(StrictBoolean.class) boolean revoke, List<String> accounts, List<String> odsCodes,
                           List<String> permissions, @JsonbTypeDeserializer(StrictBoolean.class) boolean owner, LocalDate lastDay, String reason,
                           @JsonbTypeDeserializer(StrictBoolean.class) boolean confirm) {
    }

    /** An extension (or shortening) of time-limited access: the new last day, or null to remove the end. */
    public record ExpiryJson(long version, LocalDate lastDay, String reason) {
    }

    /** A leaver from an HR or rostering system: kind is premises, contractor or nhs; odsCode is what they leave. */
    public record LeaverInputJson(String account, String kind, String odsCode, LocalDate effectiveDate, String reason) {
    }

    public record LeaverStepJson(int no, String kind, String state, String mailbox, String detail, String by,
                                 java.time.Instant at, Long stepId) {
    }

    public record LeaverCaseJson(long id, String account, String kind, String odsCode, java.time.Instant effectiveAt,
                                 String state, String reason, String openedBy, java.time.Instant openedAt,
                                 List<LeaverStepJson> steps) {
        static LeaverCaseJson of(uk.nhs.pharmacy.portal.leaver.LeaverCase c) {
            return new LeaverCaseJson(c.getId(), c.getAccount().getAddress().value(), c.getKind().token(),
                    c.getScopeOrganisation().getOdsCode().value(), c.getEffectiveAt(), c.getState().name(), c.getReason(),
                    c.getOpenedBy(), c.getOpenedAt(), c.getSteps().stream().map(s -> new LeaverStepJson(s.getStepNo(),
                            s.getKind().name(), s.getState().name(),
                            s.getMailbox() == null ? null : s.getMailbox().getAddress().value(), s.getDetail(),
                            s.getDoneBy(), s.getDoneAt(), s.getId())).toList());
        }
    }

    public record SuccessorJson(String successor, @JsonbTypeDeserializer(StrictBoolean.class) boolean confirmException, String reason) {
    }

    public record ExpiringJson(long id, long version, String account, String name, String odsCode, String mailbox,
                               LocalDate lastDay) {
    }

    public record JoinerJson(String homeOdsCode, String reason) {
    }
}
