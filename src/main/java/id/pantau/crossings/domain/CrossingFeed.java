package id.pantau.crossings.domain;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import id.pantau.crossings.importing.CrossingColumn;
import id.pantau.crossings.importing.CrossingRow;
import id.pantau.crossings.importing.CrossingRows;
import id.pantau.platform.tables.Csv;
import id.pantau.crossings.importing.RowProblem;
import id.pantau.platform.InvalidInput;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Crossing records that Immigration's system posts as JSON, taken the way of a file: each record normalised by
 * {@link CrossingRows} (its fields are the file's English column names), the whole request one batch with its legal
 * basis and origin, all or nothing. A record whose natural key is already stored is reported as known, not added
 * again; the same request sent again is recognised by the SHA-256 of its canonical form and adds nothing.
 */
@Service
public class CrossingFeed {

	public static final int MAX_RECORDS = 10_000;
	/**
	 * The longest value a record's field may have: far beyond any real one (a name is at most 200 characters), so a
	 * longer one is no record to refuse and keep but a request to refuse whole, with nothing stored.
	 */
	public static final int MAX_FIELD_CHARS = 1_000;
	static final int MAX_BASIS_CHARS = 500;

	/** The columns in their order: a record's fields become the cells of a row laid out this way. */
	private static final Map<CrossingColumn, Integer> LAYOUT = new EnumMap<>(CrossingColumn.class);

	static {
		for (CrossingColumn column : CrossingColumn.values()) {
			LAYOUT.put(column, column.ordinal());
		}
	}

	private final CrossingStore store;
	private final TransactionTemplate transaction;

	CrossingFeed(CrossingStore store, PlatformTransactionManager transactions) {
		this.store = store;
		this.transaction = new TransactionTemplate(transactions);
	}

	public enum Status {
		ADDED, KNOWN, REFUSED
	}

	/** What became of one record: its place in the request, and for a refused one the reason as a message key. */
	public record Outcome(int index, Status status, String reasonKey, String reasonArgument) {
	}

	/**
	 * @param batchId the batch the request was recorded as
	 * @param alreadyReceived the same request was received before, as batch {@code batchId}; nothing was added
	 * @param unknown the warnings: ports and permit types the records wrote that are not known for the origin, kept
	 * as written
	 */
	public record Received(long batchId, boolean alreadyReceived, int added, int known, int refused,
			List<Outcome> records, List<ImportResult.Unknown> unknown) {
	}

	/** More records than one request may carry. */
	public static class TooManyRecords extends RuntimeException {

		public TooManyRecords() {
			super("more than " + MAX_RECORDS + " records", null, false, false);
		}
	}

	/** The name of a column's field in a JSON record: the English column name of the file. */
	public static String fieldName(CrossingColumn column) {
		return column.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @param actor who sends, for the batch and the audit trail
	 * @param source the sending system's name, kept as the batch's file name ({@code api:<name>})
	 * @param records the JSON array of records
	 */
	public Received receive(String actor, String source, JsonNode records, String legalBasis, String origin) {
		List<InvalidInput.Problem> problems = new ArrayList<>();
		if (legalBasis == null || legalBasis.isBlank()) {
			problems.add(new InvalidInput.Problem("legal_basis", "input.required"));
		}
		if (origin == null || origin.isBlank()) {
			problems.add(new InvalidInput.Problem("origin", "input.required"));
		}
		if (records == null || !records.isArray() || records.isEmpty()) {
			problems.add(new InvalidInput.Problem("records", "api.crossings.recordsRequired"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		if (records.size() > MAX_RECORDS) {
			throw new TooManyRecords();
		}
		if (legalBasis.strip().length() > MAX_BASIS_CHARS) {
			problems.add(new InvalidInput.Problem("legal_basis", "input.tooLong", MAX_BASIS_CHARS));
		}
		if (origin.strip().length() > 200) {
			problems.add(new InvalidInput.Problem("origin", "input.tooLong", 200));
		}
		problems.addAll(tooLong(records));
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		CrossingRows reader = store.reader(LAYOUT, origin.strip());
		List<Incoming> incoming = new ArrayList<>(records.size());
		for (int index = 0; index < records.size(); index++) {
			incoming.add(Incoming.of(index, records.get(index), reader));
		}
		String sha256 = sha256(legalBasis.strip(), origin.strip(), incoming);
		CrossingImports.Provenance provenance = new CrossingImports.Provenance(actor, source, legalBasis.strip(),
				origin.strip());
		try {
			return store.batchOf(sha256).map(batch -> earlier(batch, incoming))
					.orElseGet(() -> transaction.execute(status -> load(sha256, provenance, incoming)));
		}
		catch (DuplicateKeyException concurrent) {
			return store.batchOf(sha256).map(batch -> earlier(batch, incoming)).orElseThrow(() -> concurrent);
		}
	}

	/** Fields longer than {@link #MAX_FIELD_CHARS}, at most ten named; a record that is not an object is left to it. */
	private static List<InvalidInput.Problem> tooLong(JsonNode records) {
		List<InvalidInput.Problem> problems = new ArrayList<>();
		for (int index = 0; index < records.size() && problems.size() < 10; index++) {
			JsonNode record = records.get(index);
			if (record == null || !record.isObject()) {
				if (record != null && record.toString().length() > MAX_FIELD_CHARS * 12) {
					problems.add(new InvalidInput.Problem("records[" + index + "]", "api.crossings.fieldTooLong",
							MAX_FIELD_CHARS));
				}
				continue;
			}
			for (Map.Entry<String, JsonNode> field : record.properties()) {
				JsonNode value = field.getValue();
				String text = value == null || value.isNull() ? "" : value.isValueNode() ? value.asString()
						: value.toString();
				if (text.length() > MAX_FIELD_CHARS || field.getKey().length() > 100) {
					String name = field.getKey().length() > 100 ? field.getKey().substring(0, 100) + "…"
							: field.getKey();
					problems.add(new InvalidInput.Problem("records[" + index + "]." + name,
							"api.crossings.fieldTooLong", MAX_FIELD_CHARS));
				}
			}
		}
		return problems;
	}

	private Received load(String sha256, CrossingImports.Provenance provenance, List<Incoming> incoming) {
		String header = Csv.line(Arrays.stream(CrossingColumn.values()).map(CrossingFeed::fieldName).toList());
		long batchId = store.openBatch(sha256, provenance, header);
		List<CrossingStore.NaturalKey> added = store.withCopy(copy -> {
			CopyIn in = store.startStaging(copy);
			try {
				StringBuilder buffer = new StringBuilder(1 << 16);
				for (Incoming record : incoming) {
					if (record.row() != null) {
						CrossingStore.staged(buffer, batchId, record.row());
					}
				}
				CrossingStore.flush(in, buffer);
				in.endCopy();
			}
			finally {
				if (in.isActive()) {
					in.cancelCopy();
				}
			}
			List<CrossingStore.NaturalKey> keys = store.addStagedTelling(batchId);
			StringBuilder refused = new StringBuilder();
			incoming.stream().filter(r -> r.problem() != null)
					.forEach(r -> refused.append(CrossingStore.refusedLine(batchId, r.problem())));
			if (!refused.isEmpty()) {
				CrossingStore.storeRefused(copy, new StringReader(refused.toString()));
			}
			return keys;
		});
		Set<CrossingStore.NaturalKey> fresh = new HashSet<>(added);
		List<Outcome> outcomes = new ArrayList<>(incoming.size());
		int addedCount = 0;
		int known = 0;
		for (Incoming record : incoming) {
			if (record.row() == null) {
				outcomes.add(record.refusal());
			}
			else if (fresh.remove(CrossingStore.NaturalKey.of(record.row()))) {
				addedCount++;
				outcomes.add(new Outcome(record.index(), Status.ADDED, null, null));
			}
			else {
				known++;
				outcomes.add(new Outcome(record.index(), Status.KNOWN, null, null));
			}
		}
		int refused = incoming.size() - addedCount - known;
		store.finish(batchId, provenance, new CrossingStore.Counts(incoming.size(), addedCount, known, refused));
		return new Received(batchId, false, addedCount, known, refused, outcomes, unknown(incoming));
	}

	/** The same request again: its records were stored (or known) the first time, so each is known now. */
	private static Received earlier(long batchId, List<Incoming> incoming) {
		List<Outcome> outcomes = incoming.stream()
				.map(r -> r.row() == null ? r.refusal() : new Outcome(r.index(), Status.KNOWN, null, null)).toList();
		int refused = (int) incoming.stream().filter(r -> r.row() == null).count();
		return new Received(batchId, true, 0, incoming.size() - refused, refused, outcomes, unknown(incoming));
	}

	private static List<ImportResult.Unknown> unknown(List<Incoming> incoming) {
		UnknownValues unknown = new UnknownValues();
		incoming.stream().filter(r -> r.row() != null).forEach(r -> unknown.note(r.row()));
		return unknown.list();
	}

	/**
	 * One record of the request: the cells it gives, in the order of {@link CrossingColumn}, and either the normalised
	 * row or why it is refused.
	 */
	private record Incoming(int index, String canonical, CrossingRow row, RowProblem problem) {

		static Incoming of(int index, JsonNode node, CrossingRows reader) {
			if (node == null || !node.isObject()) {
				return refused(index, String.valueOf(node), "api.crossings.notAnObject", null);
			}
			List<String> cells = new ArrayList<>(Arrays.asList(new String[CrossingColumn.values().length]));
			cells.replaceAll(cell -> "");
			Set<String> unknown = new TreeSet<>();
			String notText = null;
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				Optional<CrossingColumn> column = Arrays.stream(CrossingColumn.values())
						.filter(c -> fieldName(c).equals(field.getKey())).findFirst();
				if (column.isEmpty()) {
					unknown.add(field.getKey());
					continue;
				}
				JsonNode value = field.getValue();
				if (value == null || value.isNull()) {
					continue;
				}
				if (!value.isValueNode()) {
					notText = field.getKey();
					continue;
				}
				cells.set(column.get().ordinal(), value.isString() ? value.stringValue() : value.asString());
			}
			if (!unknown.isEmpty()) {
				return refused(index, node.toString(), "api.crossings.unknownField", String.join(", ", unknown));
			}
			if (notText != null) {
				return refused(index, node.toString(), "api.crossings.notText", notText);
			}
			CrossingRows.Result result = reader.read(index, cells);
			String canonical = Csv.line(cells);
			if (result.problem() != null) {
				RowProblem problem = result.problem();
				return new Incoming(index, canonical, null, new RowProblem(index, problem.reasonKey(),
						fieldNames(problem.argument()), problem.raw()));
			}
			return new Incoming(index, canonical, result.row(), null);
		}

		/** A record that is not a flat object of the known fields, kept as the JSON it came as. */
		private static Incoming refused(int index, String json, String key, String argument) {
			String raw = json.length() > 2000 ? json.substring(0, 2000) : json;
			return new Incoming(index, "~" + json, null, new RowProblem(index, key, argument,
					Csv.safeLine(List.of(raw))));
		}

		/** A reason names a column by the file's Indonesian header; the request knows it by its field name. */
		private static String fieldNames(String argument) {
			if (argument == null) {
				return null;
			}
			return Arrays.stream(CrossingColumn.values()).filter(c -> c.headers().get(0).equals(argument)).findFirst()
					.map(CrossingFeed::fieldName).orElse(argument);
		}

		Outcome refusal() {
			return new Outcome(index, Status.REFUSED, problem.reasonKey(), problem.argument());
		}
	}

	/**
	 * The SHA-256 of the request in a canonical form: basis, origin and each record's cells in column order, so that
	 * the order of fields, spacing or a null in place of a missing field do not make a request new.
	 */
	private static String sha256(String legalBasis, String origin, List<Incoming> incoming) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(Csv.line(List.of(legalBasis, origin)).getBytes(StandardCharsets.UTF_8));
			for (Incoming record : incoming) {
				digest.update((byte) '\n');
				digest.update(record.canonical().getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
