package uk.nhs.pharmacy.portal.audit;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.organisation.OrganisationRepository;
import uk.nhs.pharmacy.portal.platform.InvalidValueException;
import uk.nhs.pharmacy.portal.platform.web.Messages;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The audit search: by person, premises, actor and dates, in the user's scope, newest first, paged in the database. */
@Named
@ViewScoped
public class AuditView implements Serializable {

    @Inject
    AuditLog audit;

    @Inject
    OrganisationRepository organisations;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    private Actor actor;
    private String person;
    private String odsCode;
    private String actedBy;
    private LocalDate from;
    private LocalDate to;
    private AuditQuery query = AuditQuery.EVERYTHING;

    private final LazyDataModel<AuditEvent> events = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) audit.count(actor(), query);
        }

        @Override
        public List<AuditEvent> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return audit.search(actor(), query, first, pageSize);
        }

        @Override
        public String getRowKey(AuditEvent event) {
            return String.valueOf(event.getId());
        }

        @Override
        public AuditEvent getRowData(String rowKey) {
            return null;
        }
    };

    private Actor actor() {
        if (actor == null) {
            actor = currentUser.actor();
        }
        return actor;
    }

    public void search() {
        Long organisationId = null;
        if (odsCode != null && !odsCode.isBlank()) {
            try {
                organisationId = organisations.findByOdsCode(OdsCode.of(odsCode)).map(Organisation::getId).orElse(-1L);
            } catch (InvalidValueException e) {
                messages.failed(e);
                return;
            }
        }
        if (from != null && to != null && to.isBefore(from)) {
            messages.error("audit.search.badRange");
            return;
        }
        query = new AuditQuery(person, organisationId, actedBy, from, to);
    }

    /** The same search as a CSV download link. */
    public String getCsvLink() {
        return "export/audit.csv?" + param("person", person) + param("ods", odsCode) + param("actor", actedBy)
                + param("from", from == null ? null : from.toString()) + param("to", to == null ? null : to.toString());
    }

    private static String param(String name, String value) {
        return value == null || value.isBlank() ? "" : name + "=" + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8) + "&";
    }

    public LazyDataModel<AuditEvent> getEvents() { return events; }
    public String getPerson() { return person; }
    public void setPerson(String person) { this.person = person; }
    public String getOdsCode() { return odsCode; }
    public void setOdsCode(String odsCode) { this.odsCode = odsCode; }
    public String getActedBy() { return actedBy; }
    public void setActedBy(String actedBy) { this.actedBy = actedBy; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
}
