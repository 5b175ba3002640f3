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

/** A first or last name: required, and no longer than the name columns hold (VARCHAR(100)). */
@NotBlank(message = "is required")
@Size(max = PersonName.MAX, message = "is too long: at most {max} characters")
@Constraint(validatedBy = {})
@Documented
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PersonName {

    int MAX = 100;

    String message() default "is not a valid name";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
