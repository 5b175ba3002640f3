package uk.nhs.pharmacy.portal.sending;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.Serializable;
import java.util.List;

/** The completeness report: contractors in scope whose disclosure details are missing or incomplete, 200 at a time. */
@Named
@ViewScoped
public class DisclosureReportView implements Serializable {

    private static final int PAGE = 200;

    @Inject
    Disclosures disclosures;

    @Inject
    CurrentUser currentUser;

    private int first;
    private transient List<Object[]> rows;
    private transient List<Object[]> byArea;

    /** Per area: premises whose contractor's details are missing or incomplete, and those contractors. */
    public List<Object[]> getByArea() {
        if (byArea == null) {
            byArea = disclosures.incompleteByArea(currentUser.actor());
        }
        return byArea;
    }

    public List<Object[]> getRows() {
        if (rows == null) {
            rows = disclosures.incomplete(currentUser.actor(), first, PAGE + 1);
        }
        return rows.size() > PAGE ? rows.subList(0, PAGE) : rows;
    }

    public boolean isMore() {
        getRows();
        return rows.size() > PAGE;
    }

    public boolean isEarlier() {
        return first > 0;
    }

    public void next() {
        first += PAGE;
        rows = null;
    }

    public void previous() {
        first = Math.max(0, first - PAGE);
        rows = null;
    }
}
