package id.pantau.matching.domain;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

import id.pantau.matching.linkage.LinkageModel;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The linker's models as last estimated, kept in the database: one for Immigration's crossings, one for what villages
 * and lists write, each estimated from its own records; the built-in starting values until a first estimate.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ModelStore {

	/** Whose records a model was estimated from. */
	enum Source {
		/** Village reports and Kesbangpol's lists: names as heard, ages, few documents. */
		VILLAGE(1),
		/** Immigration's crossings: names from the passport, full birth dates, a document on every record. */
		CROSSINGS(2);

		final int id;

		Source(int id) {
			this.id = id;
		}
	}

	/** What an estimate was made from. */
	record Estimate(int confirmed, int rejected, int unlabelled, int iterations) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	@Transactional(readOnly = true)
	LinkageModel current(Source source) {
		return jdbc.sql("select properties from match_model where id = :id").param("id", source.id)
				.query(String.class).optional().map(ModelStore::parse).map(LinkageModel::fromProperties)
				.orElseGet(LinkageModel::defaults);
	}

	/** Whether the source's model was ever estimated from data here (false: the built-in starting values). */
	@Transactional(readOnly = true)
	boolean estimated(Source source) {
		return jdbc.sql("select exists (select 1 from match_model where id = :id)").param("id", source.id)
				.query(Boolean.class).single();
	}

	/** When the source's model was last saved, by any instance; empty when never. */
	@Transactional(readOnly = true)
	Optional<Instant> estimatedAt(Source source) {
		return jdbc.sql("select estimated_at from match_model where id = :id").param("id", source.id)
				.query(Timestamp.class).optional().map(Timestamp::toInstant);
	}

	/** Changes with every save, in any instance (an index built before a save is rebuilt). */
	@Transactional(readOnly = true)
	String version() {
		return jdbc.sql("select coalesce(string_agg(id || '@' || estimated_at, ',' order by id), '-') from match_model")
				.query(String.class).single();
	}

	@Transactional
	void save(Source source, LinkageModel model, Estimate estimate) {
		jdbc.sql("""
				insert into match_model (id, properties, estimated_at, confirmed, rejected, unlabelled, iterations)
				values (:id, :properties, :now, :confirmed, :rejected, :unlabelled, :iterations)
				on conflict (id) do update set properties = excluded.properties, estimated_at = excluded.estimated_at,
				  confirmed = excluded.confirmed, rejected = excluded.rejected, unlabelled = excluded.unlabelled,
				  iterations = excluded.iterations""")
				.param("id", source.id).param("properties", format(model.toProperties()))
				.param("now", Timestamp.from(clock.instant()))
				.param("confirmed", estimate.confirmed()).param("rejected", estimate.rejected())
				.param("unlabelled", estimate.unlabelled()).param("iterations", estimate.iterations()).update();
	}

	private static String format(Map<String, String> properties) {
		Properties out = new Properties();
		out.putAll(properties);
		StringWriter writer = new StringWriter();
		try {
			out.store(writer, null);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return writer.toString();
	}

	private static Map<String, String> parse(String text) {
		Properties in = new Properties();
		try {
			in.load(new StringReader(text));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Map<String, String> map = new TreeMap<>();
		in.stringPropertyNames().forEach(name -> map.put(name, in.getProperty(name)));
		return map;
	}
}
