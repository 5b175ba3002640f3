package uk.nhs.pharmacy.portal.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.messages.ErrorResponse;
import com.unboundid.scim2.common.utils.JsonUtils;
import jakarta.ws.rs.core.Response;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * SCIM's JSON, read and written with the SDK's own mapper (dates, case-insensitive attribute names),
 * kept apart from the JSON API's JSON-B.
 */
final class ScimJson {

    static final String MEDIA_TYPE = "application/scim+json";

    private ScimJson() {
    }

    static ObjectNode read(String body) throws BadRequestException {
        if (body == null || body.isBlank()) {
            throw BadRequestException.invalidSyntax(words("scim.noBody"));
        }
        try {
            if (JsonUtils.getObjectReader().readTree(body) instanceof ObjectNode node) {
                return node;
            }
        } catch (JsonProcessingException e) {
            throw BadRequestException.invalidSyntax(words("scim.notJson", e.getOriginalMessage()));
        }
        throw BadRequestException.invalidSyntax(words("scim.notAnObject"));
    }

    static <T> T read(String body, Class<T> type) throws BadRequestException {
        try {
            return JsonUtils.nodeToValue(read(body), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw BadRequestException.invalidSyntax(words("scim.notA", type.getSimpleName(), e.getMessage()));
        }
    }

    /** SCIM's error details are words a person reads too (an HR system's administrator): from the one bundle. */
    static String words(String key, Object... particulars) {
        String pattern = ResourceBundle.getBundle("i18n.messages", Locale.UK).getString(key);
        return particulars.length == 0 ? pattern : MessageFormat.format(pattern, particulars);
    }

    static String write(Object value) {
        try {
            return JsonUtils.getObjectWriter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A SCIM resource the SDK cannot write", e);
        }
    }

    static Response.ResponseBuilder ok(Object value) {
        return Response.ok(write(value), MEDIA_TYPE);
    }

    static Response error(ErrorResponse error) {
        return Response.status(error.getStatus()).type(MEDIA_TYPE).entity(write(error)).build();
    }

    static Response error(int status, String scimType, String detail) {
        ErrorResponse error = new ErrorResponse(status);
        error.setScimType(scimType);
        error.setDetail(detail);
        return error(error);
    }
}
