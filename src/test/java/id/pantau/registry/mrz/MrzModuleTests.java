package id.pantau.registry.mrz;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import id.pantau.PantauApplication;
import id.pantau.platform.json.Json;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;

/**
 * The package stays usable on its own: by other modules through its named interface, and without Spring (its command
 * lives in {@code registry.cli}).
 */
class MrzModuleTests {

	@Test
	void otherModulesMayUseItAsTheRegistrysNamedInterfaceMrz() {
		NamedInterface mrz = ApplicationModules.of(PantauApplication.class)
				.getModuleByName("registry")
				.orElseThrow()
				.getNamedInterfaces()
				.getByName("mrz")
				.orElseThrow();
		assertThat(mrz.contains(MrzParser.class)).isTrue();
		assertThat(mrz.contains(MrzResult.class)).isTrue();
		assertThat(mrz.contains(NotAnMrzException.class)).isTrue();
	}

	@Test
	void needsNothingOfPantauOutsideItselfButTheJsonWriter() {
		classes().that().resideInAPackage("id.pantau.registry.mrz..")
				.should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("id.pantau.registry.mrz..",
						"java..", "com.fasterxml.jackson.annotation..", "org.springframework.modulith")
						// the one JSON writer, plain Jackson without Spring
						.or(JavaClass.Predicates.equivalentTo(Json.class)))
				.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
						.importPackages("id.pantau.registry.mrz"));
	}
}
