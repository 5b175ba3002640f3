package uk.nhs.pharmacy.portal.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import uk.nhs.pharmacy.portal.platform.Failure;

/**
 * Error pages: a forbidden page answers 404, so it does not confirm that the page exists; a page
 * that failed for want of the database says so and answers 503.
 */
@Named
@RequestScoped
public class ErrorView {

    @Inject
    FacesContext faces;

    public void notFound() {
        faces.getExternalContext().setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
    }

    /**
     * The page failed because the database is away (a lost or refused connection): the error page
     * says "temporarily unavailable", answers 503 with Retry-After, and the person tries again.
     */
    public void checkUnavailable() {
        Object thrown = faces.getExternalContext().getRequestMap().get(jakarta.servlet.RequestDispatcher.ERROR_EXCEPTION);
        boolean unavailable = thrown instanceof Throwable t && Failure.databaseUnavailable(t);
        if (unavailable) {
            faces.getExternalContext().setResponseStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            faces.getExternalContext().setResponseHeader("Retry-After", "30");
        }
        faces.getExternalContext().getRequestMap().put("unavailable", unavailable);
    }
}
