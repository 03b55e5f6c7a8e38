package id.pantau.crossings.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.crossings.importing.WrittenValues;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.ScopedPrincipal;
import id.pantau.reference.PermitType;
import id.pantau.reference.PortOfEntry;
import id.pantau.reference.ReferenceData;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ports and permit types as each origin writes them, mapped once per origin to the known ones, like the columns of
 * its files. A written value is known without a mapping when, ignoring case and spaces, it is a known port's code or
 * name, or a known permit type's code or name. Otherwise the crossing keeps it as written and it waits here for a
 * person to map it; a mapping then applies to the origin's crossings already stored and to every later import from
 * that origin, and to no other origin. Crossings are the regency's data: only regency-wide users map them.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ValueMappings {

	/** Which value of a crossing a mapping is about. */
	public enum Field {

		PORT("tpi"), PERMIT_TYPE("jenis_izin");

		private final String column;

		Field(String column) {
			this.column = column;
		}

		/** The column of a crossing file that carries the value. */
		public String column() {
			return column;
		}
	}

	/**
	 * A value an origin wrote, with how many of its crossings carry it.
	 *
	 * @param written the value as written (the most frequent spelling, when several differ only in case or spacing)
	 * @param crossings the origin's crossings that carry it
	 * @param unknown how many of them still have no known value (duplicates of a crossing already stored at the mapped
	 * port keep the written one)
	 * @param mappedTo the code the origin's mapping gives it, or null
	 */
	public record WrittenValue(Field field, String written, long crossings, long unknown, String mappedTo) {
	}

	/** What a mapping changed: crossings updated, and those left as written because the same crossing is stored. */
	public record Applied(int updated, int leftAsDuplicates) {
	}

	/** One origin's written values to known codes: what an import from that origin reads its rows with. */
	record Resolvers(Function<String, String> ports, Function<String, String> permits) {
	}

	private final JdbcClient jdbc;
	private final ReferenceData reference;
	private final AuditTrail audit;
	private final Clock clock;

	/** The resolvers of an origin's imports; read before any COPY begins, as the rows then resolve from memory. */
	Resolvers resolvers(String origin) {
		Map<String, String> ports = new HashMap<>(mapped(origin, Field.PORT));
		ports.putAll(knownPorts());
		Map<String, String> permits = new HashMap<>(mapped(origin, Field.PERMIT_TYPE));
		permits.putAll(knownPermits());
		return new Resolvers(ports::get, permits::get);
	}

	/** The origins crossings came from, by name. */
	@Transactional(readOnly = true)
	public List<String> origins(ScopedPrincipal user) {
		requireRegencyScope(user);
		return jdbc.sql("select distinct origin from import_batch where kind = 'CROSSINGS' order by origin")
				.query(String.class).list();
	}

	/**
	 * The values of {@code field} the origin's crossings carry that are not known by themselves: those still
	 * unknown, and those mapped, each with its counts; most frequent first.
	 */
	@Transactional(readOnly = true)
	public List<WrittenValue> values(ScopedPrincipal user, String origin, Field field) {
		requireRegencyScope(user);
		Map<String, String> mappings = mapped(origin, field);
		Map<String, String> known = field == Field.PORT ? knownPorts() : knownPermits();
		Map<String, Map<String, Long>> spellings = new LinkedHashMap<>();
		Map<String, long[]> counts = new HashMap<>();
		for (Variant variant : variants(origin, field)) {
			String key = WrittenValues.key(variant.written());
			if (key.isEmpty() || known.containsKey(key)) {
				continue;
			}
			spellings.computeIfAbsent(key, k -> new HashMap<>()).merge(variant.written(), variant.count(), Long::sum);
			long[] count = counts.computeIfAbsent(key, k -> new long[2]);
			count[0] += variant.count();
			if (!isKnownCode(field, variant.stored())) {
				count[1] += variant.count();
			}
		}
		List<WrittenValue> values = new ArrayList<>();
		spellings.forEach((key, byCount) -> values.add(new WrittenValue(field,
				byCount.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
						.thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey(),
				counts.get(key)[0], counts.get(key)[1], mappings.get(key))));
		return values.stream().filter(v -> v.unknown() > 0 || v.mappedTo() != null)
				.sorted(Comparator.comparingLong(WrittenValue::unknown).reversed()
						.thenComparing(Comparator.comparingLong(WrittenValue::crossings).reversed())
						.thenComparing(WrittenValue::written))
				.toList();
	}

	/**
	 * Maps a value the origin writes to a known code, for its crossings already stored and its later imports. A
	 * stored crossing whose mapped natural key is already stored (the same crossing, written once with the known port
	 * and once without) is left as written and counted.
	 */
	@Transactional
	public Applied map(ScopedPrincipal user, String origin, Field field, String written, String code) {
		requireRegencyScope(user);
		List<InvalidInput.Problem> problems = new ArrayList<>();
		String theOrigin = origin == null ? "" : origin.strip();
		if (theOrigin.isEmpty()) {
			problems.add(new InvalidInput.Problem("origin", "input.required"));
		}
		else if (jdbc.sql("select count(*) from import_batch where kind = 'CROSSINGS' and origin = :origin")
				.param("origin", theOrigin).query(Long.class).single() == 0) {
			problems.add(new InvalidInput.Problem("origin", "valueMapping.originUnknown", theOrigin));
		}
		String key = WrittenValues.key(written);
		Map<String, String> known = field == Field.PORT ? knownPorts() : knownPermits();
		if (key.isEmpty()) {
			problems.add(new InvalidInput.Problem("written", "input.required"));
		}
		else if (key.length() > 200) {
			problems.add(new InvalidInput.Problem("written", "input.tooLong", 200));
		}
		else if (known.containsKey(key)) {
			problems.add(new InvalidInput.Problem("written", "valueMapping.alreadyKnown." + field, written.strip(),
					known.get(key)));
		}
		if (code == null || code.isBlank()) {
			problems.add(new InvalidInput.Problem("code", "valueMapping.codeRequired." + field, nullToEmpty(written)));
		}
		else if (!isKnownCode(field, code)) {
			problems.add(new InvalidInput.Problem("code", "valueMapping.codeUnknown." + field, code));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		String previous = mapped(theOrigin, field).get(key);
		Instant now = clock.instant();
		jdbc.sql("""
				insert into crossing_value_mapping (origin, field, written_key, written, code, updated_at, updated_by)
				values (:origin, :field, :key, :written, :code, :now, :actor)
				on conflict (origin, field, written_key) do update set written = excluded.written, code = excluded.code,
				  updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
				.param("origin", theOrigin).param("field", field.name()).param("key", key)
				.param("written", written.strip()).param("code", code).param("now", Timestamp.from(now))
				.param("actor", user.getUsername()).update();
		List<String> spellings = variants(theOrigin, field).stream().map(Variant::written)
				.filter(w -> WrittenValues.key(w).equals(key)).distinct().toList();
		Applied applied = spellings.isEmpty() ? new Applied(0, 0) : apply(theOrigin, field, spellings, code);
		audit.record(AuditEntry.of("CROSSING_VALUE_MAPPED").subject("CROSSING_ORIGIN", theOrigin)
				.detail("field", field).detail("written", written.strip()).detail("code", code)
				.detail("previous", previous).detail("updated", applied.updated())
				.detail("leftAsDuplicates", applied.leftAsDuplicates()));
		return applied;
	}

	/** The values of one batch that are still not known, with how many of its crossings carry each. */
	@Transactional(readOnly = true)
	public List<ImportResult.Unknown> unknownInBatch(ScopedPrincipal user, long batchId) {
		requireRegencyScope(user);
		List<String> ports = reference.portsOfEntry().stream().map(PortOfEntry::code).toList();
		List<String> permits = reference.permitTypes().stream().map(PermitType::code).toList();
		List<ImportResult.Unknown> unknown = new ArrayList<>();
		unknown.addAll(jdbc.sql("""
				select coalesce(port_written, port_code) as written, count(*) as n from crossing
				where batch_id = :batch and port_code not in (:known) group by 1 order by 2 desc, 1 limit 100""")
				.param("batch", batchId).param("known", ports)
				.query((rs, n) -> new ImportResult.Unknown(Field.PORT, rs.getString("written"), rs.getInt("n")))
				.list());
		unknown.addAll(jdbc.sql("""
				select coalesce(permit_written, permit_type) as written, count(*) as n from crossing
				where batch_id = :batch and permit_type not in (:known) group by 1 order by 2 desc, 1 limit 100""")
				.param("batch", batchId).param("known", permits)
				.query((rs, n) -> new ImportResult.Unknown(Field.PERMIT_TYPE, rs.getString("written"),
						rs.getInt("n")))
				.list());
		return unknown;
	}

	private Applied apply(String origin, Field field, List<String> spellings, String code) {
		String ofOrigin = "c.batch_id in (select id from import_batch where kind = 'CROSSINGS' and origin = :origin)";
		if (field == Field.PERMIT_TYPE) {
			int updated = jdbc.sql("update crossing c set permit_type = :code,"
					+ " permit_written = coalesce(c.permit_written, c.permit_type) where " + ofOrigin
					+ " and coalesce(c.permit_written, c.permit_type) in (:spellings) and c.permit_type <> :code")
					.param("origin", origin).param("spellings", spellings).param("code", code).update();
			return new Applied(updated, 0);
		}
		int updated = jdbc.sql("update crossing c set port_code = :code,"
				+ " port_written = coalesce(c.port_written, c.port_code) where " + ofOrigin
				+ " and coalesce(c.port_written, c.port_code) in (:spellings) and c.port_code <> :code"
				+ " and not exists (select 1 from crossing d where d.document_key = c.document_key"
				+ " and d.nationality = c.nationality and d.direction = c.direction and d.crossed_at = c.crossed_at"
				+ " and d.port_code = :code)")
				.param("origin", origin).param("spellings", spellings).param("code", code).update();
		int left = jdbc.sql("select count(*) from crossing c where " + ofOrigin
				+ " and coalesce(c.port_written, c.port_code) in (:spellings) and c.port_code <> :code")
				.param("origin", origin).param("spellings", spellings).param("code", code).query(Integer.class)
				.single();
		return new Applied(updated, left);
	}

	/** One spelling of a value in an origin's crossings, with what the crossings store for it and how many they are. */
	private record Variant(String written, String stored, long count) {
	}

	private List<Variant> variants(String origin, Field field) {
		String written = field == Field.PORT ? "coalesce(c.port_written, c.port_code)"
				: "coalesce(c.permit_written, c.permit_type)";
		String stored = field == Field.PORT ? "c.port_code" : "c.permit_type";
		return jdbc.sql("select " + written + " as written, " + stored + " as stored, count(*) as n"
				+ " from crossing c join import_batch b on b.id = c.batch_id"
				+ " where b.kind = 'CROSSINGS' and b.origin = :origin and " + written + " is not null"
				+ " group by 1, 2")
				.param("origin", origin == null ? "" : origin.strip())
				.query((rs, n) -> new Variant(rs.getString("written"), rs.getString("stored"), rs.getLong("n")))
				.list();
	}

	private Map<String, String> mapped(String origin, Field field) {
		Map<String, String> mapped = new HashMap<>();
		jdbc.sql("select written_key, code from crossing_value_mapping where origin = :origin and field = :field")
				.param("origin", origin == null ? "" : origin.strip()).param("field", field.name())
				.query(rs -> {
					mapped.put(rs.getString("written_key"), rs.getString("code"));
				});
		return mapped;
	}

	/** Known ports by the keys of their codes and names. */
	private Map<String, String> knownPorts() {
		Map<String, String> known = new HashMap<>();
		for (PortOfEntry port : reference.portsOfEntry()) {
			known.put(WrittenValues.key(port.name()), port.code());
		}
		for (PortOfEntry port : reference.portsOfEntry()) {
			known.put(WrittenValues.key(port.code()), port.code());
		}
		return known;
	}

	/** Known permit types by the keys of their codes and their Indonesian and English names. */
	private Map<String, String> knownPermits() {
		Map<String, String> known = new HashMap<>();
		for (PermitType type : reference.permitTypes()) {
			known.put(WrittenValues.key(type.nameEn()), type.code());
			known.put(WrittenValues.key(type.nameId()), type.code());
		}
		for (PermitType type : reference.permitTypes()) {
			known.put(WrittenValues.key(type.code()), type.code());
		}
		return known;
	}

	private boolean isKnownCode(Field field, String code) {
		return code != null && (field == Field.PORT
				? reference.portsOfEntry().stream().anyMatch(p -> p.code().equals(code))
				: reference.permitTypes().stream().anyMatch(t -> t.code().equals(code)));
	}

	private static void requireRegencyScope(ScopedPrincipal user) {
		if (!user.scope().coversUnplaced()) {
			throw new AccessDeniedException("crossings are mapped by regency-wide users");
		}
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}
}
