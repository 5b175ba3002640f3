package uk.nhs.pharmacy.portal.onboarding;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import uk.nhs.pharmacy.portal.mailbox.SharedMailbox;
import uk.nhs.pharmacy.portal.platform.web.Messages;
import uk.nhs.pharmacy.portal.platform.web.PageModel;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/** Legacy mailboxes by area, and the conversion of one to the conforming model. */
@Named
@ViewScoped
public class LegacyView implements Serializable {

    @Inject
    LegacyQueries queries;

    @Inject
    LegacyConversion conversion;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    private Long areaId;
    private PageModel<SharedMailbox> mailboxes;
    private Long premisesId;
    private String premisesLabel;
    private String people;
    private String reason;

    public List<Object[]> getByArea() {
        return queries.byArea(currentUser.actor());
    }

    public void showArea(Long area) {
        areaId = area;
        mailboxes = null;
    }

    public PageModel<SharedMailbox> getMailboxes() {
        if (mailboxes == null) {
            Long area = areaId;
            mailboxes = new PageModel<>(new PageModel.Source<>() {
                @Override
                public long count() {
                    return queries.count(currentUser.actor(), area);
                }

                @Override
                public List<SharedMailbox> page(int first, int size, String sortField, boolean ascending) {
                    return queries.page(currentUser.actor(), area, first, size);
                }
            }, SharedMailbox::getId);
        }
        return mailboxes;
    }

    public void select(SharedMailbox legacy) {
        premisesId = legacy.getPremises().getId();
        premisesLabel = legacy.getPremises().getName() + " (" + legacy.getPremises().getOdsCode() + "), " + legacy.getAddress();
        people = String.join("\n", conversion.currentUsers(currentUser.actor(), premisesId));
        reason = "";
    }

    public void convert() {
        List<String> addresses = Arrays.stream(people == null ? new String[0] : people.split("[\\s,;]+"))
                .filter(s -> !s.isBlank()).toList();
        LegacyConversion.Result[] result = new LegacyConversion.Result[1];
        if (messages.attempt(() -> result[0] = conversion.convert(currentUser.actor(), premisesId, addresses,
                reason == null || reason.isBlank() ? "Legacy conversion" : reason))) {
            messages.info("legacy.converted", result[0].mailbox().getAddress().value(), String.join(", ", result[0].linked()),
                    result[0].closed() == null ? "-" : result[0].closed());
            premisesId = null;
            mailboxes = null;
        }
    }

    public Long getAreaId() { return areaId; }
    public Long getPremisesId() { return premisesId; }
    public String getPremisesLabel() { return premisesLabel; }
    public String getPeople() { return people; }
    public void setPeople(String people) { this.people = people; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
