package id.pantau.matching.domain;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import id.pantau.matching.linkage.LinkageModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The linker's model as last estimated, kept in the database; the defaults until a first estimate. */
@Component
class ModelStore {

	/** What an estimate was made from. */
	record Estimate(int confirmed, int rejected, int unlabelled, int iterations) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final AtomicLong saves = new AtomicLong();

	ModelStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	LinkageModel current() {
		return jdbc.sql("select properties from match_model where id = 1").query(String.class).optional()
				.map(ModelStore::parse).map(LinkageModel::fromProperties).orElseGet(LinkageModel::defaults);
	}

	/** Whether a model was ever estimated from data here (false: the built-in starting values). */
	@Transactional(readOnly = true)
	boolean estimated() {
		return jdbc.sql("select exists (select 1 from match_model where id = 1)").query(Boolean.class).single();
	}

	/** Changes with every save in this process (an index built before a save is rebuilt). */
	long version() {
		return saves.get();
	}

	@Transactional
	void save(LinkageModel model, Estimate estimate) {
		jdbc.sql("""
				insert into match_model (id, properties, estimated_at, confirmed, rejected, unlabelled, iterations)
				values (1, :properties, :now, :confirmed, :rejected, :unlabelled, :iterations)
				on conflict (id) do update set properties = excluded.properties, estimated_at = excluded.estimated_at,
				  confirmed = excluded.confirmed, rejected = excluded.rejected, unlabelled = excluded.unlabelled,
				  iterations = excluded.iterations""")
				.param("properties", format(model.toProperties())).param("now", Timestamp.from(clock.instant()))
				.param("confirmed", estimate.confirmed()).param("rejected", estimate.rejected())
				.param("unlabelled", estimate.unlabelled()).param("iterations", estimate.iterations()).update();
		saves.incrementAndGet();
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
