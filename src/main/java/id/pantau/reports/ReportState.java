package id.pantau.reports;

import java.util.Set;

/**
 * Where a village report stands in the chain: {@code DRAFT -> SUBMITTED -> (RETURNED -> SUBMITTED)* -> FORWARDED ->
 * VALIDATED or REJECTED}.
 */
public enum ReportState {

	DRAFT, SUBMITTED, RETURNED, FORWARDED, VALIDATED, REJECTED;

	public boolean canTransitionTo(ReportState next) {
		return switch (this) {
			case DRAFT, RETURNED -> next == SUBMITTED;
			case SUBMITTED -> Set.of(RETURNED, FORWARDED).contains(next);
			case FORWARDED -> Set.of(VALIDATED, REJECTED).contains(next);
			case VALIDATED, REJECTED -> false;
		};
	}

	/** A village may still change the report. */
	public boolean isEditableByVillage() {
		return this == DRAFT || this == RETURNED;
	}

	public boolean isFinal() {
		return this == VALIDATED || this == REJECTED;
	}
}
