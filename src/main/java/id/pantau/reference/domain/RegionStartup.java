package id.pantau.reference.domain;

import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the configured regencies' regions on start-up when they are not in the database yet. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RegionStartup implements ApplicationRunner {

	private final RegionLoader loader;
	private final RegionProperties properties;

	@Override
	public void run(ApplicationArguments args) {
		List<String> missing = properties.regencies().stream().filter(r -> !loader.isLoaded(r)).toList();
		if (!missing.isEmpty()) {
			loader.load(properties.source(), missing, properties.villageIslands());
		}
	}
}
