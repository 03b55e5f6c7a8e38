package id.pantau.followup.domain;

import java.util.List;
import java.util.Set;

/** Where an alert stands; the detection engine opens it, people take it from there. */
public enum AlertStatus {

	OPEN, ACKNOWLEDGED, CLOSED, DISMISSED;

	public static final List<AlertStatus> ACTIVE = List.of(OPEN, ACKNOWLEDGED);

	public boolean isActive() {
		return this == OPEN || this == ACKNOWLEDGED;
	}

	public boolean canTransitionTo(AlertStatus next) {
		return switch (this) {
			case OPEN -> Set.of(ACKNOWLEDGED, CLOSED, DISMISSED).contains(next);
			case ACKNOWLEDGED -> Set.of(CLOSED, DISMISSED).contains(next);
			case CLOSED, DISMISSED -> false;
		};
	}
}
