package uk.nhs.pharmacy.portal.platform;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Why a change is made: required, and no longer than the reason columns hold (VARCHAR(500)), so a
 * long one is refused with the field's name before anything is written, on every channel.
 */
@NotBlank(message = "is required")
@Size(max = Reason.MAX, message = "is too long: at most {max} characters")
@Constraint(validatedBy = {})
@Documented
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Reason {

    int MAX = 500;

    String message() default "is not a valid reason";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
