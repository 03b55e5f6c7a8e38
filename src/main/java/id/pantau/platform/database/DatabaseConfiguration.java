package id.pantau.platform.database;

import java.time.Clock;


import com.zaxxer.hikari.HikariDataSource;
import id.pantau.platform.Commands;
import id.pantau.platform.DatabaseMode;
import id.pantau.platform.ReplicaReads;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.env.Environment;

/**
 * PostgreSQL is the only database: the server of {@code PANTAU_DB_URL} when it is set, otherwise the embedded one.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(DatabaseProperties properties, Environment environment) {
		if (properties.external()) {
			return null;
		}
		if (properties.embedded().ephemeral()) {
			return EmbeddedDatabase.ephemeral();
		}
		boolean serving = Commands.SERVE.equals(environment.getProperty(Commands.PROPERTY, Commands.SERVE));
		return EmbeddedDatabase.open(properties.embedded().dataDir(), !serving);
	}

	@Bean
	DatabaseMode databaseMode(DatabaseProperties properties, ObjectProvider<EmbeddedDatabase> embedded) {
		EmbeddedDatabase database = embedded.getIfAvailable();
		if (database == null) {
			return new DatabaseMode(false, "PostgreSQL eksternal (PANTAU_DB_URL)");
		}
		return new DatabaseMode(true, database.describe());
	}

	@Bean(destroyMethod = "close")
	@DependsOn("embeddedDatabase") // so the pool closes before the server stops
	HikariDataSource dataSource(DatabaseProperties properties, ObjectProvider<EmbeddedDatabase> embedded) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setPoolName("pantau");
		dataSource.setMaximumPoolSize(properties.poolSize());
		EmbeddedDatabase database = embedded.getIfAvailable();
		if (database == null) {
			dataSource.setJdbcUrl(properties.url());
			dataSource.setUsername(properties.user());
			dataSource.setPassword(properties.password());
		}
		else {
			dataSource.setJdbcUrl(database.jdbcUrl());
			dataSource.setUsername(database.user());
			dataSource.setPassword(database.password());
		}
		return dataSource;
	}

	/**
	 * The reads that may lag, on the replica when {@code PANTAU_DB_REPLICA_URL} is set. Its pool is no
	 * {@code DataSource} bean, so that nothing else (Flyway, the application's transactions) can reach it by accident.
	 */
	@Bean(destroyMethod = "close")
	@DependsOn("dataSource")
	ReplicaReads replicaReads(DatabaseProperties properties, HikariDataSource dataSource, Clock clock) {
		DatabaseProperties.Replica replica = properties.replica();
		HikariDataSource pool = null;
		if (replica.configured()) {
			pool = new HikariDataSource();
			pool.setPoolName("pantau-replica");
			pool.setMaximumPoolSize(properties.poolSize());
			pool.setJdbcUrl(replica.url());
			if (properties.external()) { // the same role as on the primary; else the URL names its own
				pool.setUsername(properties.user());
				pool.setPassword(properties.password());
			}
			pool.setReadOnly(true);
			pool.setConnectionTimeout(replica.connectTimeout().toMillis());
			pool.setInitializationFailTimeout(-1); // a replica down at start-up is not a reason not to start
		}
		return new ReplicaReads(dataSource, pool, replica.lagShownFrom(), replica.retryAfter(), clock);
	}
}
