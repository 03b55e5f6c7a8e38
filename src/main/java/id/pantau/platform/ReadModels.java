package id.pantau.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The read models a module publishes, on its {@code package-info}: database views over its own {@link OwnedTables},
 * created in a migration, that select only the columns other modules may read. Other modules read them and never
 * write them; the owner may change its tables freely as long as the views keep their columns.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface ReadModels {

	String[] value();
}
