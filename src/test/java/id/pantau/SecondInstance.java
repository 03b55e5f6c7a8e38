package id.pantau;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second Pantau instance in the test's JVM, on the same database as a test's application (as several instances of a
 * province share one PostgreSQL) and the same storage folder, with a web server on a port of its own. It neither seeds
 * demo data nor takes over the first instance's event publications at its start; close it when done.
 */
public final class SecondInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private SecondInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/** Starts an instance named {@code name} on the database of {@code first}. */
	public static SecondInstance beside(ApplicationContext first, String name) {
		HikariDataSource database = first.getBean(HikariDataSource.class);
		// arguments, as an operator would give them: they take precedence over application.properties
		ConfigurableApplicationContext context = new SpringApplicationBuilder(PantauApplication.class).profiles("test")
				.run("--pantau.db.url=" + database.getJdbcUrl(), "--pantau.db.user=" + database.getUsername(),
						"--pantau.db.password=" + database.getPassword(), "--pantau.db.pool-size=5", "--pantau.demo=false",
						"--pantau.instance-name=" + name, "--server.port=0",
						"--pantau.storage.dir=" + first.getEnvironment().getProperty("pantau.storage.dir"),
						"--spring.modulith.events.republish-outstanding-events-on-restart=false");
		return new SecondInstance(context);
	}

	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	public ApplicationContext context() {
		return context;
	}

	@Override
	public void close() {
		context.close();
	}
}
