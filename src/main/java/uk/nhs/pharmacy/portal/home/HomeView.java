package uk.nhs.pharmacy.portal.home;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** The home page: scope counts for everyone, and the owner's premises as a lazy, paged table. */
@Named
@ViewScoped
public class HomeView implements Serializable {

    @Inject
    HomeService home;

    @Inject
    CurrentUser currentUser;

    private ScopeSummary summary;
    private Actor actor;
    private final LazyDataModel<PremisesRow> premises = new PremisesModel();

    public ScopeSummary getSummary() {
        if (summary == null) {
            summary = home.summary(actor());
        }
        return summary;
    }

    private Actor actor() {
        if (actor == null) {
            actor = currentUser.actor();
        }
        return actor;
    }

    public LazyDataModel<PremisesRow> getPremises() {
        return premises;
    }

    private final class PremisesModel extends LazyDataModel<PremisesRow> {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) home.countPremises(actor(), filterOf(filterBy));
        }

        @Override
        public List<PremisesRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
            String field = sort == null ? "name" : sort.getField();
            boolean ascending = sort == null || sort.getOrder() != SortOrder.DESCENDING;
            return home.premises(actor(), filterOf(filterBy), first, pageSize, field, ascending);
        }

        private PremisesFilter filterOf(Map<String, FilterMeta> filterBy) {
            Map<String, String> typed = new java.util.HashMap<>();
            filterBy.forEach((field, meta) -> typed.put(field, meta.getFilterValue() == null ? null
                    : String.valueOf(meta.getFilterValue())));
            return PremisesFilter.of(typed);
        }

        @Override
        public String getRowKey(PremisesRow row) {
            return String.valueOf(row.id());
        }

        @Override
        public PremisesRow getRowData(String rowKey) {
            return null;
        }
    }
}
