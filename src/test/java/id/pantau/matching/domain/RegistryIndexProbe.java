package id.pantau.matching.domain;

import org.springframework.context.ApplicationContext;

/** What an instance's in-memory registry index holds, for tests outside the package. */
public final class RegistryIndexProbe {

	private RegistryIndexProbe() {
	}

	/** The version the instance's index was built at, after bringing it up to date as every use does. */
	public static String version(ApplicationContext instance) {
		return instance.getBean(RegistryIndex.class).current().version();
	}

	/** How many name and document variants of persons the instance's index holds, once up to date. */
	public static int size(ApplicationContext instance) {
		return instance.getBean(RegistryIndex.class).current().index().size();
	}
}
