package uk.nhs.pharmacy.portal.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

/**
 * The edge every answer passes: pages, the API, errors and downloads.
 * <ul>
 *   <li>A state change (any method but GET, HEAD, OPTIONS) sent by a browser from another site is
 *   refused before anything runs: a foreign {@code Origin}, or {@code Sec-Fetch-Site} other than
 *   same-origin or none. Clients that are not browsers send neither, and are not affected.</li>
 *   <li>Security headers on every answer; personal data is never stored by a cache (a page that
 *   answers a form post is kept for the person's own Back button only). Pages get their
 *   Content-Security-Policy from PrimeFaces (with the nonce of their scripts; the policy is set in
 *   web.xml), every other answer gets the same policy without scripts.</li>
 * </ul>
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class EdgeFilter extends HttpFilter {

    /** The policy of answers that are not Faces pages; pages get the same, plus their script nonce. */
    static final String POLICY = "default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
            + "form-action 'self'";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        headers(request, response);
        if (!SAFE_METHODS.contains(request.getMethod()) && crossSite(request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Cross-site request refused\",\"status\":403,"
                    + "\"detail\":\"A change can only be sent from the portal's own pages.\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void headers(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        response.setHeader("X-Frame-Options", "DENY");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean staticResource = path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/");
        boolean pagePostback = "POST".equals(request.getMethod()) && !path.startsWith("/api/");
        if (pagePostback) {
            // The page a form post answers: with no-store, the browser's Back button could not show it
            // again without sending the form again ("Confirm Form Resubmission"). Private and never
            // served unchecked from a cache, but kept for the person's own history.
            response.setHeader("Cache-Control", "private, no-cache");
        } else if (!staticResource) {
            response.setHeader("Cache-Control", "no-store");
        }
        if (!path.endsWith(".xhtml") && !path.equals("/") && !path.isEmpty()) {
            response.setHeader("Content-Security-Policy", POLICY);
        }
    }

    /** True when a browser says the request comes from another site than the one it is sent to. */
    static boolean crossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        if (origin.equals("null")) {
            return true; // a sandboxed frame or a file: page
        }
        String host = request.getHeader("X-Forwarded-Host") != null ? request.getHeader("X-Forwarded-Host")
                : request.getHeader("Host");
        try {
            URI from = URI.create(origin);
            return host == null || !host.equalsIgnoreCase(from.getRawAuthority());
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
