package uk.nhs.pharmacy.portal.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The messages of a page as the layout lists them: errors first, each one that belongs to a field
 * linking to it (the GOV.UK error summary), then confirmations.
 */
@Named
@RequestScoped
public class PageMessages {

    @Inject
    FacesContext faces;

    /** One message; {@code fieldId} is the client id of the field it is about, or null for the page. */
    public record Item(String fieldId, String text) {
    }

    public List<Item> getErrors() {
        return items(true);
    }

    public List<Item> getNotices() {
        return items(false);
    }

    private List<Item> items(boolean errors) {
        List<Item> items = new ArrayList<>();
        for (Iterator<String> ids = faces.getClientIdsWithMessages(); ids.hasNext(); ) {
            String id = ids.next();
            for (FacesMessage message : faces.getMessageList(id)) {
                if ((message.getSeverity().getOrdinal() >= FacesMessage.SEVERITY_ERROR.getOrdinal()) == errors) {
                    items.add(new Item(id, message.getSummary()));
                }
            }
        }
        return items;
    }
}
