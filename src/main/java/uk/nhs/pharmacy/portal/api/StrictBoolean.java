package uk.nhs.pharmacy.portal.api;

import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

import java.lang.reflect.Type;

/**
 * A yes/no field of the API: only JSON {@code true} and {@code false}. The platform's binding
 * would read {@code "owner": "maybe"} or {@code 1} as false and go ahead; with this on the field
 * it is a 400 that names it. Put on each boolean of a request body with
 * {@code @JsonbTypeDeserializer(StrictBoolean.class)} (the binding does not apply a deserializer
 * registered for Boolean to a primitive boolean).
 */
public final class StrictBoolean implements JsonbDeserializer<Boolean> {

    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
        JsonValue value = parser.getValue();
        if (value == JsonValue.TRUE) {
            return true;
        }
        if (value == JsonValue.FALSE) {
            return false;
        }
        throw new JsonbException("is not true or false");
    }
}
