package uk.nhs.pharmacy.portal.hr;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.platform.web.Messages;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The national team's page for HR systems: the tokens they call the SCIM endpoint with. Issue one
 * (its secret is shown once, here), rotate it, or revoke it with a reason.
 */
@Named
@ViewScoped
public class HrSystemsView implements Serializable {

    @Inject
    HrTokens tokens;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    private final HrTokensLazyModel model = new HrTokensLazyModel(new Caller());
    private String name;
    private String scope;
    private String shownSecret;
    private String shownFor;
    private Long revoking;
    private String revokingName;
    private String reason;

    /** The signed-in user, looked up in the request that asks, so the model holds no request-scoped bean. */
    private static final class Caller implements HrTokensLazyModel.Caller {
        @Override
        public uk.nhs.pharmacy.portal.security.Actor actor() {
            return jakarta.enterprise.inject.spi.CDI.current().select(CurrentUser.class).get().actor();
        }
    }

    public void issue() {
        List<String> codes = Arrays.stream(scope == null ? new String[0] : scope.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
        if (codes.isEmpty()) {
            messages.error("refusal.hr.tokenNeedsScope");
            return;
        }
        HrTokens.Issued[] issued = new HrTokens.Issued[1];
        if (messages.attempt(() -> issued[0] = tokens.issue(currentUser.actor(), name, codes.stream().map(OdsCode::of).toList()))) {
            show(issued[0]);
            messages.info("hr.issuedMessage", issued[0].token().getName());
            name = null;
            scope = null;
        }
    }

    public void rotate(HrTokenRow row) {
        HrTokens.Issued[] issued = new HrTokens.Issued[1];
        if (messages.attempt(() -> issued[0] = tokens.rotate(currentUser.actor(), row.id()))) {
            show(issued[0]);
            messages.info("hr.rotatedMessage", row.name());
        }
    }

    public void startRevoking(HrTokenRow row) {
        revoking = row.id();
        revokingName = row.name();
        reason = null;
        shownSecret = null;
    }

    public void cancelRevoking() {
        revoking = null;
        revokingName = null;
    }

    public void revoke() {
        if (revoking != null && messages.attempt(() -> tokens.revoke(currentUser.actor(), revoking, reason))) {
            messages.info("hr.revokedMessage", revokingName);
            cancelRevoking();
        }
    }

    private void show(HrTokens.Issued issued) {
        shownSecret = issued.secret();
        shownFor = issued.token().getName();
        revoking = null;
    }

    public HrTokensLazyModel getModel() {
        return model;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getShownSecret() {
        return shownSecret;
    }

    public String getShownFor() {
        return shownFor;
    }

    public Long getRevoking() {
        return revoking;
    }

    public String getRevokingName() {
        return revokingName;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
