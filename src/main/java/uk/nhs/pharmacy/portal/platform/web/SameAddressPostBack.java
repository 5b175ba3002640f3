package uk.nhs.pharmacy.portal.platform.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Every form posts back to the address its page was asked for, query string and all
 * ({@code /premises.xhtml?ods=FA123}), so the address bar, a reload and a bookmark still name the same
 * premises after a button is pressed. OmniFaces' {@code o:form useRequestURI} does the same one form
 * at a time, by wrapping the {@code FacesContext} while the form renders; Faces' {@code FacesContext}
 * constructor walks the thread's stack and takes the web class loader's lock, so each such form cost
 * a page about a tenth of its CPU and queued requests on the lock under load (docs/benchmarks.md).
 * A view reached by forwarding (a navigation without redirect) keeps Faces' own address, and so does a
 * page whose subject is missing or out of scope: its answer does not repeat the code that was asked for.
 */
public class SameAddressPostBack extends ViewHandlerWrapper {

    public SameAddressPostBack(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public String getActionURL(FacesContext context, String viewId) {
        String url = super.getActionURL(context, viewId);
        ExternalContext external = context.getExternalContext();
        String query = ((HttpServletRequest) external.getRequest()).getQueryString();
        if (query == null || !viewId.equals(external.getRequestServletPath())
                || external.getRequestMap().containsKey(PageNotFound.ATTRIBUTE)) {
            return url;
        }
        return url + (url.indexOf('?') < 0 ? '?' : '&') + query;
    }
}
