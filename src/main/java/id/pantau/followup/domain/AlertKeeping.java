package id.pantau.followup.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import id.pantau.followup.AlertBook;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alerts as the detection engine and retention change them, inside the caller's transaction: every change of
 * status asks the alert's guard first and goes through {@link Alerts#changeStatus}; a change the guard refuses does
 * nothing.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AlertKeeping implements AlertBook {

	private final Alerts alerts;

	@Override
	public Raised raise(String rule, String assignedAgency, List<Raising> found, Set<Long> persons, Instant at) {
		return alerts.raise(rule, assignedAgency, found, persons, at);
	}

	@Override
	public boolean closeByFacts(long alertId, String noteKey, List<String> noteArgs, Long linkCase, Instant at) {
		return alerts.find(alertId).filter(alert -> alert.canTransitionTo(AlertStatus.CLOSED))
				.map(alert -> alerts.changeStatus(alert, AlertStatus.CLOSED,
						new Alerts.Closure(at, SYSTEM, Outcome.RESOLVED_BY_FACTS.name(), null, linkCase),
						new Alerts.FactsNote(at, noteKey, noteArgs)))
				.orElse(false);
	}

	@Override
	public void noteFactsChanged(long alertId, String noteKey, List<String> noteArgs, Instant at) {
		alerts.noteFactsChanged(alertId, new Alerts.FactsNote(at, noteKey, noteArgs));
	}

	@Override
	public List<Long> reopenClosedBy(long linkCase, Instant at) {
		Alerts.FactsNote undone = new Alerts.FactsNote(at, "alert.resolution.linkUndone",
				List.of(Long.toString(linkCase)));
		List<Long> persons = new ArrayList<>();
		for (Alert alert : alerts.closedByLink(linkCase)) {
			if (alert.canTransitionTo(AlertStatus.OPEN)
					&& alerts.changeStatus(alert, AlertStatus.OPEN, Alerts.Closure.NONE, undone)) {
				persons.add(alert.personId());
			}
		}
		return persons;
	}

	@Override
	public Optional<Long> find(String rule, String factsKey) {
		return alerts.find(rule, factsKey);
	}

	@Override
	public Set<Long> withActiveAlerts(Collection<Long> persons) {
		return alerts.withActiveAlerts(persons);
	}

	@Override
	public int anonymiseAbout(long personId) {
		return (int) alerts.aboutPerson(personId).stream().filter(alerts::anonymise).count();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, String> export(long personId) {
		return alerts.export(personId);
	}
}
