package uk.nhs.pharmacy.portal.deputy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.platform.Reason;

import java.time.LocalDate;
import java.util.List;

/**
 * An appointment asked for: the absent LOA (null: the LOA appointing is the one going on leave), the
 * deputy's username, the first and last days of the leave, the part of the absent LOA's scope
 * (areas, contractors or premises; empty: all of it), and why.
 */
public record DeputyInput(String absent,
                          @NotBlank(message = "is required") String deputy,
                          @NotNull(message = "is required") LocalDate firstDay,
                          @NotNull(message = "is required") LocalDate lastDay,
                          List<OdsCode> scope,
                          @Reason String reason) implements java.io.Serializable {

    public DeputyInput {
        scope = scope == null ? List.of() : List.copyOf(scope);
    }
}
