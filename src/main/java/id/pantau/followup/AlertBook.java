package id.pantau.followup;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The alerts as other modules change them: the detection engine raises them, closes them when their facts change and
 * opens them again when such a closure is undone; retention erases what concluded alerts say about a person. Every
 * change of status passes the alert's one guard; a change the guard refuses does nothing (an alert a person closed or
 * dismissed stays so, whatever the facts do). Each call joins the caller's transaction.
 */
public interface AlertBook {

	/** Who the engine's own changes are recorded as. */
	String SYSTEM = "system";

	/**
	 * What a rule found about a subject's facts: a question for people, never a verdict.
	 *
	 * @param factsKey identifies the facts; the same rule, subject and facts never open a second alert
	 * @param summaryArgs arguments of the message {@code alert.rule.<RULE>.summary}
	 */
	record Raising(String subjectType, String subjectKey, Long personId, String regionCode, String factsKey,
			Severity severity, List<String> summaryArgs, List<Evidence> evidence, String legalReference) {
	}

	/** An active alert of the rule whose facts the run no longer found. */
	record FactsGone(long alertId, String subjectKey, Long personId, String factsKey) {
	}

	/** What raising changed: how many alerts opened, and the active alerts whose facts are gone. */
	record Raised(int opened, List<FactsGone> gone) {
	}

	/**
	 * What a run of the rule found, as alerts: new facts open an alert (assigned to {@code assignedAgency}, when
	 * given); facts still found keep an active alert fresh (last seen, severity, summary, evidence); a concluded alert
	 * is never opened again for the same facts. Gives the active alerts of the rule whose facts were not found, not
	 * counting those already noted as changed.
	 *
	 * @param persons the only persons the run looked at, or null when it looked at everyone
	 */
	Raised raise(String rule, String assignedAgency, List<Raising> found, Set<Long> persons, Instant at);

	/**
	 * Closes an active alert because its facts changed (outcome {@code RESOLVED_BY_FACTS}), noting what changed as the
	 * message {@code noteKey} with its arguments; {@code linkCase}, when the change rests on an automatic link, lets the
	 * closure be undone with the link. Gives false, changing nothing, when the guard refuses (the alert is concluded).
	 */
	boolean closeByFacts(long alertId, String noteKey, List<String> noteArgs, Long linkCase, Instant at);

	/** Notes that an alert's facts changed in a way that does not resolve it; it stays as it is. */
	void noteFactsChanged(long alertId, String noteKey, List<String> noteArgs, Instant at);

	/**
	 * Opens again the alerts closed because of facts an automatic link brought, now that the link was undone. Gives the
	 * persons of the alerts opened again (one entry per alert).
	 */
	List<Long> reopenClosedBy(long linkCase, Instant at);

	/** The alert a rule raised on these facts, if any. */
	Optional<Long> find(String rule, String factsKey);

	/** Those of the persons with an alert still being followed up (open or acknowledged). */
	Set<Long> withActiveAlerts(Collection<Long> persons);

	/**
	 * Erases what the person's concluded alerts and their history say (evidence, summary, notes); an active alert is
	 * left as it is. Gives how many alerts were erased.
	 */
	int anonymiseAbout(long personId);

	/**
	 * The person's alerts, their actions and the agencies' views of them in TIMPORA meetings, each part as a JSON
	 * array, for the data subject's export.
	 */
	Map<String, String> export(long personId);
}
