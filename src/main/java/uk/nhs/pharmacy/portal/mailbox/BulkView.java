package uk.nhs.pharmacy.portal.mailbox;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.platform.web.Messages;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

/** Bulk grant or revoke: list accounts and premises, preview every line, then apply all or nothing. */
@Named
@ViewScoped
public class BulkView implements Serializable {

    @Inject
    BulkAccessService bulkService;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    private boolean revoke;
    private String accounts;
    private String odsCodes;
    private List<String> permissions = new ArrayList<>(List.of(Permission.FULL_ACCESS.name()));
    private LocalDate lastDay;
    private String reason;
    private boolean confirm;
    private List<BulkGrant.Line> lines = List.of();
    private boolean previewed;
    private boolean applied;

    private BulkGrant bulk() {
        EnumSet<Permission> set = EnumSet.noneOf(Permission.class);
        permissions.forEach(p -> set.add(Permission.valueOf(p)));
        return new BulkGrant(revoke, split(accounts), split(odsCodes), set, false, lastDay, reason, confirm);
    }

    private static List<String> split(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[\\s,;]+")).filter(s -> !s.isBlank()).distinct().toList();
    }

    public void preview() {
        applied = false;
        try {
            lines = bulkService.preview(currentUser.actor(), bulk());
            previewed = lines.stream().allMatch(BulkGrant.Line::ok);
            if (!previewed) {
                messages.error("bulk.previewProblems");
            }
        } catch (RuleViolation e) {
            messages.failed(e);
            lines = List.of();
            previewed = false;
        }
    }

    public void apply() {
        try {
            lines = bulkService.apply(currentUser.actor(), bulk());
            applied = lines.stream().allMatch(BulkGrant.Line::ok);
            if (applied) {
                messages.info("bulk.applied", lines.size());
            } else {
                messages.error("bulk.notApplied");
            }
        } catch (RuleViolation e) {
            messages.failed(e);
        }
        previewed = false;
    }

    /** Any change to the input needs a new preview before it can be applied. */
    public void changed() {
        previewed = false;
    }

    public Permission[] getPermissionChoices() { return Permission.values(); }
    public boolean isRevoke() { return revoke; }
    public void setRevoke(boolean revoke) { this.revoke = revoke; }
    public String getAccounts() { return accounts; }
    public void setAccounts(String accounts) { this.accounts = accounts; }
    public String getOdsCodes() { return odsCodes; }
    public void setOdsCodes(String odsCodes) { this.odsCodes = odsCodes; }
    public List<String> getPermissions() { return permissions; }
    public void setPermissions(List<String> permissions) { this.permissions = permissions; }
    public LocalDate getLastDay() { return lastDay; }
    public void setLastDay(LocalDate lastDay) { this.lastDay = lastDay; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public boolean isConfirm() { return confirm; }
    public void setConfirm(boolean confirm) { this.confirm = confirm; }
    public List<BulkGrant.Line> getLines() { return lines; }
    public boolean isPreviewed() { return previewed; }
    public boolean isApplied() { return applied; }
}
