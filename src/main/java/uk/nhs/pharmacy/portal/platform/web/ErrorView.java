package uk.nhs.pharmacy.portal.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;

/** Error pages: a forbidden page answers 404, so it does not confirm that the page exists. */
@Named
@RequestScoped
public class ErrorView {

    @Inject
    FacesContext faces;

    public void notFound() {
        faces.getExternalContext().setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
    }
}
