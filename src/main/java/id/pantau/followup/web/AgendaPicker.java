package id.pantau.followup.web;

import java.text.Normalizer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import id.pantau.followup.domain.Alert;
import id.pantau.followup.Severity;
import id.pantau.platform.DisplayTime;
import id.pantau.registry.Registry.PersonRef;

/**
 * The agenda picker of a TIMPORA meeting: the alerts that may still go on the agenda, grouped by rule (the most
 * severe group first) and, within a group, the alerts of one person together (the person with the most severe alert
 * first). Each row names the person, nationality and village, and says which other rules the same person is
 * offered under and whether the person is on the agenda already, so an officer can take a person's whole case.
 *
 * @param shown how many alerts the picker offers
 * @param total how many active alerts there are in all (more than {@code shown} when the picker was cut short)
 */
public record AgendaPicker(List<Group> groups, int shown, long total) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy").withZone(DisplayTime.ZONE);

	/** The alerts of one rule. */
	public record Group(String rule, String label, List<Row> rows) {

		public int count() {
			return rows.size();
		}

		public Severity top() {
			return rows.stream().map(r -> r.alert().severity()).max(Comparator.naturalOrder()).orElse(Severity.LOW);
		}
	}

	/**
	 * One alert offered.
	 *
	 * @param person the person's name, or null for an alert about no (known) person
	 * @param country the person's nationality by name, or null
	 * @param village where the alert lies (or the person lives) by name, or null at city level
	 * @param caseKey the same for all rows of one person (or, without a person, of one place)
	 * @param caseSize how many alerts of the picker are about this person
	 * @param otherRules the labels of the other rules this person is offered under
	 * @param personOnAgenda whether another alert about this person is on the agenda already
	 * @param search the words the search box matches, lower case and without diacritics
	 */
	public record Row(Alert alert, String person, String country, String village, String summary, String opened,
			long ageDays, String caseKey, int caseSize, List<String> otherRules, boolean personOnAgenda,
			String search) {

		public boolean severe() {
			return alert.severity() == Severity.HIGH || alert.severity() == Severity.CRITICAL;
		}
	}

	/** What the picker needs to name things; the page's controller reads it from the registry and reference data. */
	record Names(Map<Long, PersonRef> persons, Function<String, String> place, Map<String, String> countries,
			Function<String, String> rule, Function<Alert, String> summary) {
	}

	static AgendaPicker of(List<Alert> alerts, long total, Instant now, Set<Long> personsOnAgenda, Names names) {
		Map<String, String> labels = new LinkedHashMap<>();
		alerts.forEach(a -> labels.computeIfAbsent(a.rule(), names.rule()));
		Map<String, List<Alert>> byCase = alerts.stream()
				.collect(Collectors.groupingBy(a -> caseKey(a), LinkedHashMap::new, Collectors.toList()));

		Map<String, List<Row>> byRule = new LinkedHashMap<>();
		for (Alert a : alerts) {
			PersonRef ref = a.personId() == null ? null : names.persons().get(a.personId());
			String person = ref == null ? null : ref.primaryName();
			String country = ref == null || ref.nationality() == null ? null
					: names.countries().getOrDefault(ref.nationality(), ref.nationality());
			String region = a.regionCode() != null ? a.regionCode() : ref == null ? null : ref.regionCode();
			String village = region == null ? null : names.place().apply(region);
			String key = caseKey(a);
			List<Alert> sameCase = byCase.get(key);
			List<String> otherRules = sameCase.stream().map(Alert::rule).filter(r -> !r.equals(a.rule()))
					.map(labels::get).collect(Collectors.toCollection(TreeSet::new)).stream().toList();
			boolean onAgenda = a.personId() != null && personsOnAgenda.contains(a.personId());
			String summary = names.summary().apply(a);
			String search = searchable(person, country, ref == null ? null : ref.nationality(), village,
					labels.get(a.rule()), a.rule(), summary, "#" + a.id());
			byRule.computeIfAbsent(a.rule(), r -> new ArrayList<>())
					.add(new Row(a, person, country, village, summary, DAY.format(a.openedAt()), a.ageDays(now), key,
							a.personId() == null ? 1 : sameCase.size(), otherRules, onAgenda, search));
		}

		List<Group> groups = new ArrayList<>();
		byRule.forEach((rule, rows) -> groups.add(new Group(rule, labels.get(rule), sortedByCase(rows))));
		groups.sort(Comparator.comparing(Group::top, Comparator.reverseOrder())
				.thenComparing(Group::count, Comparator.reverseOrder())
				.thenComparing(Group::label, String.CASE_INSENSITIVE_ORDER));
		return new AgendaPicker(List.copyOf(groups), alerts.size(), total);
	}

	/**
	 * The rows of one rule with each person's alerts together: the person with the most severe alert first, then by
	 * name; within a person the most severe and oldest first.
	 */
	private static List<Row> sortedByCase(List<Row> rows) {
		Map<String, Severity> worst = new LinkedHashMap<>();
		rows.forEach(r -> worst.merge(r.caseKey(), r.alert().severity(), (x, y) -> x.compareTo(y) >= 0 ? x : y));
		Comparator<String> byName = Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER);
		return rows.stream()
				.sorted(Comparator.comparing((Row r) -> worst.get(r.caseKey()), Comparator.reverseOrder())
						.thenComparing(r -> r.person() != null ? r.person() : r.village(), byName)
						.thenComparing(Row::caseKey)
						.thenComparing(r -> r.alert().severity(), Comparator.reverseOrder())
						.thenComparing(r -> r.alert().openedAt()).thenComparing(r -> r.alert().id()))
				.toList();
	}

	private static String caseKey(Alert a) {
		if (a.personId() != null) {
			return "person-" + a.personId();
		}
		return "place-" + Objects.requireNonNullElse(a.regionCode(), "-");
	}

	/** Lower case and without diacritics ("Nguyễn" is found as "nguyen"); the page's script folds the query alike. */
	static String fold(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
	}

	private static String searchable(String... parts) {
		return fold(Stream.of(parts).filter(Objects::nonNull).collect(Collectors.joining(" ")));
	}
}
