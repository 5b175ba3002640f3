package uk.nhs.pharmacy.portal;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.Provider;
import org.junit.jupiter.api.Test;
import uk.nhs.pharmacy.portal.api.PortalApi;
import uk.nhs.pharmacy.portal.scim.ScimApi;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Each JAX-RS application lists its classes; a resource or provider left out would answer nowhere. */
class JaxRsApplicationsTest {

    @Test
    void theJsonApiListsEveryResourceAndProviderOfItsPackage() {
        assertThat(new PortalApi().getClasses()).containsExactlyInAnyOrderElementsOf(annotatedIn("uk.nhs.pharmacy.portal.api"));
    }

    @Test
    void scimListsEveryResourceAndProviderOfItsPackageAndNothingOfTheJsonApi() {
        assertThat(new ScimApi().getClasses()).containsExactlyInAnyOrderElementsOf(annotatedIn("uk.nhs.pharmacy.portal.scim"));
    }

    private static Set<Class<?>> annotatedIn(String pkg) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(pkg)
                .stream().filter(c -> c.getPackageName().equals(pkg))
                .filter(c -> c.isAnnotatedWith(Path.class) || c.isAnnotatedWith(Provider.class))
                .map(JavaClass::reflect).collect(Collectors.toSet());
    }
}
