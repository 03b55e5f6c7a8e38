package id.pantau.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tables a module owns, on its {@code package-info}: only the owner writes them, and only the owner reads them
 * directly; another module reads what the owner publishes as {@link ReadModels} or asks its Java API. Every table of
 * the Flyway migrations has exactly one owner ({@code TableOwnershipTests} checks both rules on the SQL each module
 * sends).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface OwnedTables {

	String[] value();
}
