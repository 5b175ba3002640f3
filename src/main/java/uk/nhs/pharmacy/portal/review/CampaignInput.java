package uk.nhs.pharmacy.portal.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import uk.nhs.pharmacy.portal.organisation.OdsCode;

import java.time.LocalDate;
import java.util.List;

/**
 * What a campaign is asked for: its name, the areas, contractors or premises it covers (ODS codes), its
 * first and last days, the rule for access nobody reviewed, and how many months apart it recurs (or null).
 */
public record CampaignInput(@NotBlank(message = "is required") @Size(max = 200, message = "is too long: at most {max} characters") String name,
                            @NotEmpty(message = "needs at least one area, contractor or premises") List<OdsCode> scope,
                            @NotNull(message = "is required") LocalDate startsOn,
                            @NotNull(message = "is required") LocalDate deadline,
                            @NotNull(message = "is required") AtDeadline atDeadline,
                            Integer recurMonths) implements java.io.Serializable {
}
