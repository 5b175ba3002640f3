package uk.nhs.pharmacy.portal.deputy;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.platform.UkTime;
import uk.nhs.pharmacy.portal.platform.web.Messages;
import uk.nhs.pharmacy.portal.security.CurrentUser;
import uk.nhs.pharmacy.portal.security.PortalUser;
import uk.nhs.pharmacy.portal.security.Role;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The deputies page: the appointments the reader may see (the national team every one), a page at a
 * time, ending one early, and appointing one (an LOA for themselves; the national team for any LOA).
 */
@Named
@ViewScoped
public class DeputiesView implements Serializable {

    private static final int PAGE = 20;

    @Inject
    DeputyRows rows;

    @Inject
    DeputyQueries queries;

    @Inject
    DeputyService deputies;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    @Inject
    Clock clock;

    private DeputyQueries.Show show = DeputyQueries.Show.CURRENT;
    private int first;
    private long total;
    private List<DeputyRow> appointments;
    private String absent;
    private String deputy;
    private LocalDate firstDay;
    private LocalDate lastDay;
    private String part;
    private String reason;

    public void load() {
        firstDay = firstDay == null ? UkTime.today(clock) : firstDay;
        lastDay = lastDay == null ? UkTime.today(clock).plusWeeks(2) : lastDay;
        appointments = rows.page(currentUser.actor(), show, first, PAGE);
        total = queries.count(currentUser.actor(), show);
    }

    public void appoint() {
        List<OdsCode> codes = Arrays.stream(part == null ? new String[0] : part.split("[,;\\s]+")).filter(s -> !s.isBlank())
                .map(OdsCode::of).toList();
        if (messages.attempt(() -> deputies.appoint(currentUser.actor(),
                new DeputyInput(isNational() ? absent : null, deputy, firstDay, lastDay, codes, reason)))) {
            messages.info("deputy.appointed", deputy);
            absent = null;
            deputy = null;
            part = null;
            reason = null;
            first = 0;
            load();
        }
    }

    public void end(DeputyRow row) {
        if (messages.attempt(() -> deputies.end(currentUser.actor(), row.id()))) {
            messages.info("deputy.ended", row.deputy());
            load();
        }
    }

    public void showAll() {
        show = DeputyQueries.Show.ALL;
        first = 0;
        load();
    }

    public void showCurrent() {
        show = DeputyQueries.Show.CURRENT;
        first = 0;
        load();
    }

    public void next() {
        first += PAGE;
        load();
    }

    public void previous() {
        first = Math.max(0, first - PAGE);
        load();
    }

    public boolean isMore() {
        return first + PAGE < total;
    }

    public boolean isEarlier() {
        return first > 0;
    }

    /** LOAs appoint for themselves, the national team for anyone; a deputy's borrowed scope does not count. */
    public boolean isMayAppoint() {
        return currentUser.actor().is(Role.LOA) || isNational();
    }

    public boolean isNational() {
        return currentUser.actor().is(Role.NATIONAL_ADMIN);
    }

    public boolean isShowingAll() {
        return show == DeputyQueries.Show.ALL;
    }

    public List<PortalUser> getCandidates() {
        return rows.otherLoas(currentUser.actor());
    }

    public List<DeputyRow> getAppointments() {
        return appointments;
    }

    public long getTotal() {
        return total;
    }

    public String getAbsent() {
        return absent;
    }

    public void setAbsent(String absent) {
        this.absent = absent;
    }

    public String getDeputy() {
        return deputy;
    }

    public void setDeputy(String deputy) {
        this.deputy = deputy;
    }

    public LocalDate getFirstDay() {
        return firstDay;
    }

    public void setFirstDay(LocalDate firstDay) {
        this.firstDay = firstDay;
    }

    public LocalDate getLastDay() {
        return lastDay;
    }

    public void setLastDay(LocalDate lastDay) {
        this.lastDay = lastDay;
    }

    public String getPart() {
        return part;
    }

    public void setPart(String part) {
        this.part = part;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
