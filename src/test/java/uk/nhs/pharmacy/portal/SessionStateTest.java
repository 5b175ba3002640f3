package uk.nhs.pharmacy.portal;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a cluster a signed-in person's session, with the Faces views and their view-scoped beans,
 * moves to another member when the one serving it dies (web.xml {@code <distributable/>}). So all
 * that a session-scoped or view-scoped bean holds must be serialisable, all the way down: the
 * entities and records on its fields and in their collections. The container checks the injected
 * fields (Weld refuses a passivating bean with a non-passivation-capable dependency); this checks
 * the state.
 */
class SessionStateTest {

    private static final List<String> PASSIVATING = List.of("jakarta.faces.view.ViewScoped",
            "jakarta.enterprise.context.SessionScoped", "org.omnifaces.cdi.ViewScoped");

    @Test
    void everythingASessionHoldsIsSerialisable() throws ClassNotFoundException {
        List<Class<?>> beans = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("uk.nhs.pharmacy.portal")) {
            if (PASSIVATING.stream().anyMatch(c::isAnnotatedWith)) {
                beans.add(Class.forName(c.getName()));
            }
        }
        assertThat(beans).as("view- and session-scoped beans found").hasSizeGreaterThan(10);
        List<String> problems = new ArrayList<>();
        Set<Type> seen = new HashSet<>();
        for (Class<?> bean : beans) {
            check(bean, bean.getSimpleName(), problems, seen);
        }
        assertThat(problems).as("state a session holds that cannot move to another member").isEmpty();
    }

    private void check(Class<?> type, String path, List<String> problems, Set<Type> seen) {
        if (!seen.add(type) || type.isPrimitive() || type.isEnum() || type.getName().startsWith("java.")) {
            return;
        }
        if (!Serializable.class.isAssignableFrom(type) && !type.isInterface()) {
            problems.add(path + ": " + type.getName() + " is not Serializable");
            return;
        }
        if (!type.getName().startsWith("uk.nhs.pharmacy.portal")) {
            return;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)
                        || field.isAnnotationPresent(jakarta.inject.Inject.class) || field.isSynthetic()) {
                    continue;
                }
                checkType(field.getGenericType(), path + "." + field.getName(), problems, seen);
            }
        }
    }

    private void checkType(Type type, String path, List<String> problems, Set<Type> seen) {
        if (type instanceof Class<?> c) {
            check(c.isArray() ? c.getComponentType() : c, path, problems, seen);
        } else if (type instanceof ParameterizedType p) {
            checkType(p.getRawType(), path, problems, seen);
            for (Type argument : p.getActualTypeArguments()) {
                checkType(argument, path + "<>", problems, seen);
            }
        } else if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                checkType(bound, path, problems, seen);
            }
        }
    }
}
