package uk.nhs.pharmacy.portal.account;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class MailAddressConverter implements AttributeConverter<MailAddress, String> {
    @Override
    public String convertToDatabaseColumn(MailAddress address) {
        return address == null ? null : address.value();
    }

    @Override
    public MailAddress convertToEntityAttribute(String value) {
        return value == null ? null : MailAddress.of(value);
    }
}
