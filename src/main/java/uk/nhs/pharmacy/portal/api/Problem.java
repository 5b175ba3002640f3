package uk.nhs.pharmacy.portal.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem: a type, a title, the status and a detail a person can act on. Never a stack trace. */
public record Problem(String type, String title, int status, String detail, Boolean confirmationRequired) {

    public static final MediaType JSON = MediaType.valueOf("application/problem+json");

    public static Response response(int status, String title, String detail) {
        return response(status, title, detail, null);
    }

    public static Response response(int status, String title, String detail, Boolean confirmationRequired) {
        return Response.status(status).type(JSON)
                .entity(new Problem("about:blank", title, status, detail, confirmationRequired)).build();
    }
}
