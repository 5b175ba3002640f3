package uk.nhs.pharmacy.portal.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Where the OpenID Connect provider sends people back. The platform's mechanism has already
 * exchanged the code by the time this runs; it then leaves the code out of the address bar.
 * (Replaying the original request instead fails in this Payara version for requests without
 * parameters.)
 */
@WebServlet("/oidc/callback")
public class OidcCallbackServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/");
    }
}
