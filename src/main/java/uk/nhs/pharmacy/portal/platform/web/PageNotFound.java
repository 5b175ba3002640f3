package uk.nhs.pharmacy.portal.platform.web;

import jakarta.faces.context.FacesContext;

/**
 * A page whose subject is missing or out of scope (the two look the same): answered 404 with the
 * not-found text in the layout, menu and all, instead of the page's content. Forwarding to the
 * container's error page lost the signed-in chrome, and a person with it.
 */
public final class PageNotFound {

    /** The request attribute the layout reads. */
    public static final String ATTRIBUTE = "pageNotFound";

    private PageNotFound() {
    }

    public static void render() {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().setResponseStatus(404);
        faces.getExternalContext().getRequestMap().put(ATTRIBUTE, Boolean.TRUE);
    }
}
