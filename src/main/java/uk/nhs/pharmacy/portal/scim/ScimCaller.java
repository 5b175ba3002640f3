package uk.nhs.pharmacy.portal.scim;

import jakarta.enterprise.context.RequestScoped;
import uk.nhs.pharmacy.portal.hr.HrTokens;
import uk.nhs.pharmacy.portal.security.Actor;

/** The HR system calling in this request, once {@link ScimBearerFilter} has checked its token. */
@RequestScoped
public class ScimCaller {

    private HrTokens.Caller caller;

    void set(HrTokens.Caller caller) {
        this.caller = caller;
    }

    HrTokens.Caller get() {
        return caller;
    }

    public Actor actor() {
        if (caller == null) {
            throw new IllegalStateException("No HR system's token was checked for this request");
        }
        return caller.actor();
    }
}
