package uk.nhs.pharmacy.portal.audit;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** The audit trail in the user's scope, newest first, paged in the database. */
@Named
@ViewScoped
public class AuditView implements Serializable {

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser currentUser;

    private Actor actor;

    private final LazyDataModel<AuditEvent> events = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) audit.countInScope(actor());
        }

        @Override
        public List<AuditEvent> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return audit.inScope(actor(), first, pageSize);
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

    public LazyDataModel<AuditEvent> getEvents() {
        return events;
    }
}
