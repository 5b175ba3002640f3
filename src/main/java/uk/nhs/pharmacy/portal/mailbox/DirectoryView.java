package uk.nhs.pharmacy.portal.mailbox;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.LazyDataModel;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/** The premises directory: every premises in scope, filtered by code, name, postcode, area, mailbox and problems. */
@Named
@ViewScoped
public class DirectoryView implements Serializable {

    @Inject
    PremisesDirectory directory;

    @Inject
    CurrentUser currentUser;

    private Actor actor;
    private String mailboxStatus;
    private boolean problemsOnly;
    private String search;
    private LazyDataModel<PremisesRow> premises;

    private Actor actor() {
        if (actor == null) {
            actor = currentUser.actor();
        }
        return actor;
    }

    private Map<String, String> pageFilters() {
        Map<String, String> filters = new HashMap<>();
        if (mailboxStatus != null && !mailboxStatus.isBlank()) {
            filters.put("mailboxStatus", mailboxStatus);
        }
        if (problemsOnly) {
            filters.put("problems", "true");
        }
        if (search != null && !search.isBlank()) {
            filters.put("search", search);
        }
        return filters;
    }

    public LazyDataModel<PremisesRow> getPremises() {
        if (premises == null) {
            premises = new PremisesLazyModel(this::actor, this::pageFilters);
        }
        return premises;
    }

    public String[] getStatuses() {
        return new String[]{"ACTIVE", "LEGACY_NON_CONFORMING", "REQUESTED", "NONE"};
    }

    public String getMailboxStatus() { return mailboxStatus; }
    public void setMailboxStatus(String mailboxStatus) { this.mailboxStatus = mailboxStatus; }
    public String getSearch() { return search; }
    public void setSearch(String search) { this.search = search; }
    public boolean isProblemsOnly() { return problemsOnly; }
    public void setProblemsOnly(boolean problemsOnly) { this.problemsOnly = problemsOnly; }
}
