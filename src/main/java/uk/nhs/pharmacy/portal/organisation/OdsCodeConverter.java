package uk.nhs.pharmacy.portal.organisation;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class OdsCodeConverter implements AttributeConverter<OdsCode, String> {
    @Override
    public String convertToDatabaseColumn(OdsCode code) {
        return code == null ? null : code.value();
    }

    @Override
    public OdsCode convertToEntityAttribute(String value) {
        return value == null ? null : OdsCode.of(value);
    }
}
